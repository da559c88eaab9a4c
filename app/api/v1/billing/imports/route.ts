// GET /api/v1/billing/imports — the latest Stripe import and its progress (admin);
// POST — start an import from Stripe (admin)
import { withApi } from '@/lib/api/with-api';
import { latestStripeImportResponse, startStripeImportBody, stripeImportView } from '@/lib/schemas/stripe-import';
import { getStripeImport } from '@/lib/server/billing/stripe/import/get-stripe-import';
import { startStripeImport } from '@/lib/server/billing/stripe/import/start-stripe-import';

export const GET = withApi({
  auth: 'session',
  capability: 'billing.manage',
  schemas: { response: latestStripeImportResponse },
  handler: async () => ({ run: await getStripeImport() }),
});

export const POST = withApi({
  auth: 'session',
  capability: 'billing.manage',
  schemas: { body: startStripeImportBody, response: stripeImportView },
  status: 202,
  handler: async ({ user, body, requestId }) => {
    const id = await startStripeImport({ type: 'user', id: user.id }, body.months, requestId);
    return (await getStripeImport(id))!;
  },
});
