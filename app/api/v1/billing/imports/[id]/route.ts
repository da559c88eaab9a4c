// GET /api/v1/billing/imports/:id — one import's progress (admin)
import { withApi } from '@/lib/api/with-api';
import { notFound } from '@/lib/errors';
import { stripeImportParams, stripeImportView } from '@/lib/schemas/stripe-import';
import { getStripeImport } from '@/lib/server/billing/stripe/import/get-stripe-import';

export const GET = withApi({
  auth: 'session',
  capability: 'billing.manage',
  schemas: { params: stripeImportParams, response: stripeImportView },
  handler: async ({ params }) => {
    const run = await getStripeImport(params.id);
    if (!run) throw notFound('Import');
    return run;
  },
});
