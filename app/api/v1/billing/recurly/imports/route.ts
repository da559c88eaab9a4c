// GET /api/v1/billing/recurly/imports — the latest Recurly import and its progress (admin);
// POST — start an import from Recurly (admin)
import { withApi } from '@/lib/api/with-api';
import { latestStripeImportResponse, startStripeImportBody, stripeImportView } from '@/lib/schemas/stripe-import';
import { RECURLY_IMPORT_STEPS } from '@/lib/server/billing/recurly/import/recurly-import-steps';
import { startRecurlyImport } from '@/lib/server/billing/recurly/import/start-recurly-import';
import { getStripeImport } from '@/lib/server/billing/stripe/import/get-stripe-import';

export const GET = withApi({
  auth: 'session',
  capability: 'billing.manage',
  schemas: { response: latestStripeImportResponse },
  handler: async () => ({ run: await getStripeImport(undefined, 'recurly', RECURLY_IMPORT_STEPS) }),
});

export const POST = withApi({
  auth: 'session',
  capability: 'billing.manage',
  schemas: { body: startStripeImportBody, response: stripeImportView },
  status: 202,
  handler: async ({ user, body, requestId }) => {
    const id = await startRecurlyImport({ type: 'user', id: user.id }, body.months, requestId);
    return (await getStripeImport(id, 'recurly', RECURLY_IMPORT_STEPS))!;
  },
});
