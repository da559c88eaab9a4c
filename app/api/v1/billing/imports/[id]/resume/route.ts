// POST /api/v1/billing/imports/:id/resume — continue a failed or stalled import from its checkpoint (admin)
import { withApi } from '@/lib/api/with-api';
import { stripeImportParams, stripeImportView } from '@/lib/schemas/stripe-import';
import { getStripeImport } from '@/lib/server/billing/stripe/import/get-stripe-import';
import { resumeStripeImport } from '@/lib/server/billing/stripe/import/start-stripe-import';

export const POST = withApi({
  auth: 'session',
  capability: 'billing.manage',
  schemas: { params: stripeImportParams, response: stripeImportView },
  status: 202,
  handler: async ({ params }) => {
    await resumeStripeImport(params.id);
    return (await getStripeImport(params.id))!;
  },
});
