// POST /api/v1/billing/recurly/imports/:id/resume — continue a failed or stalled Recurly import
// from its checkpoint (admin)
import { withApi } from '@/lib/api/with-api';
import { stripeImportParams, stripeImportView } from '@/lib/schemas/stripe-import';
import { RECURLY_IMPORT_STEPS } from '@/lib/server/billing/recurly/import/recurly-import-steps';
import { resumeRecurlyImport } from '@/lib/server/billing/recurly/import/start-recurly-import';
import { getStripeImport } from '@/lib/server/billing/stripe/import/get-stripe-import';

export const POST = withApi({
  auth: 'session',
  capability: 'billing.manage',
  schemas: { params: stripeImportParams, response: stripeImportView },
  status: 202,
  handler: async ({ params }) => {
    await resumeRecurlyImport(params.id);
    return (await getStripeImport(params.id, 'recurly', RECURLY_IMPORT_STEPS))!;
  },
});
