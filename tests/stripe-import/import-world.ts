import { resetEnvForTests } from '@/lib/env';
import { getDb, getPool } from '@/lib/db';
import { createFreshDatabase } from '../helpers/fresh-database';
import { FakeStripeServer } from '../fixtures/fake-stripe-server';
import { withCatalog, type FakeStripeCatalog } from '../fixtures/fake-stripe-catalog';
import { PRIMARY_SECRET, ROTATED_SECRET } from '../webhooks/helpers';

// An empty, migrated database that the app's own getDb() uses, a fake Stripe with the catalog
// endpoints, and the environment pointing at both: "a new install with only a Stripe key".
export async function openImportWorld(
  label: string,
  { key = 'sk_test_import_fake_key' }: { key?: string | null } = {},
) {
  const originalUrl = process.env.DATABASE_URL;
  const fresh = await createFreshDatabase(label);
  const server = await new FakeStripeServer().start();
  const fake: FakeStripeCatalog = withCatalog(server);
  process.env.DATABASE_URL = fresh.url;
  if (key) process.env.STRIPE_SECRET_KEY = key;
  else delete process.env.STRIPE_SECRET_KEY;
  process.env.STRIPE_API_BASE = server.url;
  process.env.STRIPE_WEBHOOK_SECRETS = `${PRIMARY_SECRET}, ${ROTATED_SECRET}`;
  delete process.env.STRIPE_WEBHOOK_SECRET;
  resetEnvForTests();
  return {
    fresh,
    server,
    fake,
    close: async () => {
      await getDb().$disconnect();
      await getPool().end();
      await server.close();
      process.env.DATABASE_URL = originalUrl;
      await fresh.drop();
    },
  };
}

/** What an import leaves behind, counted: equal counts after a rerun mean nothing was duplicated. */
export async function importedCounts() {
  const db = getDb();
  return {
    products: await db.stripeProduct.count(),
    prices: await db.stripePrice.count(),
    meters: await db.meter.count(),
    plans: await db.plan.count(),
    planLimits: await db.planMeterLimit.count(),
    customers: await db.customer.count(),
    subscriptions: await db.subscription.count(),
    subscriptionItems: await db.subscriptionItem.count(),
    invoices: await db.invoice.count(),
    invoiceLines: await db.invoiceLine.count(),
    payments: await db.payment.count(),
    paymentAttempts: await db.paymentAttempt.count(),
    creditNotes: await db.creditNote.count(),
    disputes: await db.dispute.count(),
    paymentCards: await db.paymentCard.count(),
  };
}
