// GET /api/v1/billing/chargebee/imports — the latest Chargebee import and its progress (admin);
// POST — start an import from Chargebee (admin)
import { withApi } from '@/lib/api/with-api';
import { latestStripeImportResponse, startStripeImportBody, stripeImportView } from '@/lib/schemas/stripe-import';
import { CHARGEBEE_IMPORT_STEPS } from '@/lib/server/billing/chargebee/import/chargebee-import-steps';
import { startChargebeeImport } from '@/lib/server/billing/chargebee/import/start-chargebee-import';
import { getStripeImport } from '@/lib/server/billing/stripe/import/get-stripe-import';

export const GET = withApi({
  auth: 'session',
  capability: 'billing.manage',
  schemas: { response: latestStripeImportResponse },
  handler: async () => ({ run: await getStripeImport(undefined, 'chargebee', CHARGEBEE_IMPORT_STEPS) }),
});

export const POST = withApi({
  auth: 'session',
  capability: 'billing.manage',
  schemas: { body: startStripeImportBody, response: stripeImportView },
  status: 202,
  handler: async ({ user, body, requestId }) => {
    const id = await startChargebeeImport({ type: 'user', id: user.id }, body.months, requestId);
    return (await getStripeImport(id, 'chargebee', CHARGEBEE_IMPORT_STEPS))!;
  },
});
