// POST /api/v1/integrations/:id/test — send a test message through an integration (admin)
import { z } from 'zod';
import { withApi } from '@/lib/api/with-api';
import { integrationTestResult } from '@/lib/schemas/integrations';
import { sendIntegrationTest } from '@/lib/server/integrations/send-integration-test';

export const POST = withApi({
  auth: 'session',
  capability: 'integrations.manage',
  schemas: { params: z.object({ id: z.string().min(1).max(100) }), response: integrationTestResult },
  handler: async ({ params }) => sendIntegrationTest(params.id),
});
