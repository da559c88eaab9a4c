// GET /api/v1/ingest-tokens — list ingest tokens (admin); POST — create one, secret shown once (admin)
import { withApi } from '@/lib/api/with-api';
import { createIngestTokenBody, createdIngestToken, ingestTokenListResponse } from '@/lib/schemas/ingest-tokens';
import { createIngestToken } from '@/lib/server/ingest/create-ingest-token';
import { listIngestTokens } from '@/lib/server/ingest/list-ingest-tokens';

export const GET = withApi({
  auth: 'session',
  capability: 'ingest.tokens.manage',
  schemas: { response: ingestTokenListResponse },
  handler: async () => ({ items: await listIngestTokens() }),
});

export const POST = withApi({
  auth: 'session',
  capability: 'ingest.tokens.manage',
  schemas: { body: createIngestTokenBody, response: createdIngestToken },
  status: 201,
  handler: async ({ user, body, requestId }) => createIngestToken(user, body, requestId),
});
