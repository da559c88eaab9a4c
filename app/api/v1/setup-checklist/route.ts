// GET /api/v1/setup-checklist — the first-run steps (billing, webhook secret, ingest token, integrations, policies), each read from configuration (admins)
import { withApi } from '@/lib/api/with-api';
import { setupChecklist } from '@/lib/schemas/overview';
import { getSetupChecklist } from '@/lib/server/overview/get-setup-checklist';

export const GET = withApi({
  auth: 'session',
  capability: 'integrations.manage',
  schemas: { response: setupChecklist },
  handler: () => getSetupChecklist(),
});
