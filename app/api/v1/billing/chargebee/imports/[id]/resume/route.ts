// POST /api/v1/billing/chargebee/imports/:id/resume — continue a failed or stalled Chargebee
// import from its checkpoint (admin)
import { withApi } from '@/lib/api/with-api';
import { stripeImportParams, stripeImportView } from '@/lib/schemas/stripe-import';
import { CHARGEBEE_IMPORT_STEPS } from '@/lib/server/billing/chargebee/import/chargebee-import-steps';
import { resumeChargebeeImport } from '@/lib/server/billing/chargebee/import/start-chargebee-import';
import { getStripeImport } from '@/lib/server/billing/stripe/import/get-stripe-import';

export const POST = withApi({
  auth: 'session',
  capability: 'billing.manage',
  schemas: { params: stripeImportParams, response: stripeImportView },
  status: 202,
  handler: async ({ params }) => {
    await resumeChargebeeImport(params.id);
    return (await getStripeImport(params.id, 'chargebee', CHARGEBEE_IMPORT_STEPS))!;
  },
});
