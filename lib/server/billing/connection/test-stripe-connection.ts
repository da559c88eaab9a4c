import Stripe from 'stripe';
import { getDb } from '@/lib/db';
import { clock } from '@/lib/clock';
import type { ConnectionTestResult, StripePermissionProbe } from '@/lib/schemas/billing-connection';
import { stripeClientFor } from '@/lib/server/billing/stripe/get-stripe-client';
import { resolveStripeKey } from '@/lib/server/billing/stripe/resolve-stripe-client';
import { keyMode, STRIPE_CONNECTION_ID } from './connection-facts';

// The list endpoints the importer and the webhook set-up read. A restricted key without a
// resource's read permission answers 403 (StripePermissionError): that resource is "missing".
const PROBES: { resource: string; label: string; list: (s: Stripe) => Promise<unknown> }[] = [
  { resource: 'products', label: 'Products', list: (s) => s.products.list({ limit: 1 }) },
  { resource: 'prices', label: 'Prices', list: (s) => s.prices.list({ limit: 1 }) },
  { resource: 'billing.meters', label: 'Billing meters', list: (s) => s.billing.meters.list({ limit: 1 }) },
  { resource: 'customers', label: 'Customers', list: (s) => s.customers.list({ limit: 1 }) },
  { resource: 'subscriptions', label: 'Subscriptions', list: (s) => s.subscriptions.list({ limit: 1 }) },
  { resource: 'invoices', label: 'Invoices', list: (s) => s.invoices.list({ limit: 1 }) },
  { resource: 'charges', label: 'Charges', list: (s) => s.charges.list({ limit: 1 }) },
  { resource: 'credit_notes', label: 'Credit notes', list: (s) => s.creditNotes.list({ limit: 1 }) },
  { resource: 'disputes', label: 'Disputes', list: (s) => s.disputes.list({ limit: 1 }) },
  { resource: 'webhook_endpoints', label: 'Webhook endpoints', list: (s) => s.webhookEndpoints.list({ limit: 1 }) },
];

async function probe(stripe: Stripe, p: (typeof PROBES)[number]): Promise<StripePermissionProbe> {
  try {
    await p.list(stripe);
    return { resource: p.resource, label: p.label, ok: true, message: null };
  } catch (err) {
    if (err instanceof Stripe.errors.StripePermissionError)
      return { resource: p.resource, label: p.label, ok: false, message: err.message };
    throw err;
  }
}

const failed = (message: string): ConnectionTestResult => ({
  ok: false,
  message,
  accountId: null,
  accountName: null,
  livemode: null,
  probes: [],
});

// "Test connection": which account the key opens, live or test, and which reads it lacks. The
// findings are kept on the connection row so the page shows them after a reload.
export async function testStripeConnection(): Promise<ConnectionTestResult> {
  const resolved = await resolveStripeKey();
  if (!resolved) return failed('No Stripe key: set STRIPE_SECRET_KEY or enter a key below.');
  const stripe = stripeClientFor(resolved.key);
  let account: Stripe.Account;
  try {
    account = await stripe.accounts.retrieveCurrent();
  } catch (err) {
    if (err instanceof Stripe.errors.StripeAuthenticationError) return failed(`Stripe refused the key: ${err.message}`);
    if (err instanceof Stripe.errors.StripePermissionError) account = { id: 'unknown' } as Stripe.Account;
    else if (err instanceof Stripe.errors.StripeError) return failed(`Stripe could not be reached: ${err.message}`);
    else throw err;
  }
  const probes = [];
  for (const p of PROBES) probes.push(await probe(stripe, p));
  const missing = probes.filter((p) => !p.ok).map((p) => p.resource);
  const accountName = account.settings?.dashboard?.display_name ?? account.business_profile?.name ?? null;
  // Stripe's mode is the key's: sk_live_/rk_live_ keys act on live data, *_test_ keys on test data.
  const mode = keyMode(resolved.key);
  const livemode = mode ? mode === 'live' : null;
  const facts = { accountId: account.id, accountName, livemode, testedAt: clock.now(), missingPermissions: missing };
  await getDb().billingConnection.upsert({
    where: { id: STRIPE_CONNECTION_ID },
    create: { id: STRIPE_CONNECTION_ID, ...facts },
    update: facts,
  });
  return {
    ok: missing.length === 0,
    message: missing.length
      ? `Connected to ${account.id}, but the key cannot read: ${probes
          .filter((p) => !p.ok)
          .map((p) => p.label)
          .join(', ')}`
      : `Connected to ${account.id}${accountName ? ` (${accountName})` : ''}`,
    accountId: account.id,
    accountName,
    livemode,
    probes,
  };
}
