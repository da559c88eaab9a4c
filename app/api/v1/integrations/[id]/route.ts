// PATCH /api/v1/integrations/:id — rename, replace the URL, relabel or disable an integration (admin)
import { z } from 'zod';
import { withApi } from '@/lib/api/with-api';
import { integrationView, updateIntegrationBody } from '@/lib/schemas/integrations';
import { updateIntegration } from '@/lib/server/integrations/save-integration';

export const PATCH = withApi({
  auth: 'session',
  capability: 'integrations.manage',
  schemas: {
    params: z.object({ id: z.string().min(1).max(100) }),
    body: updateIntegrationBody,
    response: integrationView,
  },
  handler: async ({ user, params, body, requestId }) => updateIntegration(user, params.id, body, requestId),
});
