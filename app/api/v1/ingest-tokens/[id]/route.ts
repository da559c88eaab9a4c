// DELETE /api/v1/ingest-tokens/:id — revoke an ingest token (admin)
import { withApi } from '@/lib/api/with-api';
import { idParams } from '@/lib/schemas/common';
import { ingestTokenView } from '@/lib/schemas/ingest-tokens';
import { revokeIngestToken } from '@/lib/server/ingest/revoke-ingest-token';

export const DELETE = withApi({
  auth: 'session',
  capability: 'ingest.tokens.manage',
  schemas: { params: idParams, response: ingestTokenView },
  handler: ({ user, params, requestId }) => revokeIngestToken(user, params.id, requestId),
});
