// GET /api/v1/integrations — list integrations (admin); POST — add one (admin)
import { withApi } from '@/lib/api/with-api';
import { createIntegrationBody, integrationListResponse, integrationView } from '@/lib/schemas/integrations';
import { createIntegration, listIntegrations } from '@/lib/server/integrations/save-integration';

export const GET = withApi({
  auth: 'session',
  capability: 'integrations.manage',
  schemas: { response: integrationListResponse },
  handler: async () => ({ items: await listIntegrations() }),
});

export const POST = withApi({
  auth: 'session',
  capability: 'integrations.manage',
  schemas: { body: createIntegrationBody, response: integrationView },
  status: 201,
  handler: ({ user, body, requestId }) => createIntegration(user, body, requestId),
});
