import { getDb } from '@/lib/db';
import { resetEnvForTests } from '@/lib/env';
import { proposeAction } from '@/lib/server/actions/propose-action';
import { decideAction } from '@/lib/server/actions/decide-action';
import { runDueActions } from '@/lib/server/actions/run-due-actions';
import { createLedgerProvider } from '@/lib/server/billing/ledger-provider';
import { createIntegration, updateIntegration } from '@/lib/server/integrations/save-integration';
import { makeWorld, setPolicy, type World } from '../actions/world';

export const BRAND_ENV = {
  EMAIL_FROM: 'Acme Billing <billing@acme.test>',
  EMAIL_REPLY_TO: 'billing-desk@acme.test',
  EMAIL_COMPANY_NAME: 'Acme Cloud',
  EMAIL_BRAND_COLOR: '#0e7490',
  EMAIL_LOGO_URL: 'https://cdn.acme.test/logo.png',
  EMAIL_PUBLIC_URL: 'https://console.acme.test',
  OUTBOUND_ALLOW_LOOPBACK: 'true',
};

export function configureEmailEnv(extra: Record<string, string> = {}) {
  Object.assign(process.env, BRAND_ENV, extra);
  resetEnvForTests();
}

// Only one e-mail integration may be the default: every earlier one (another test's) is disabled,
// and all queued e-mail from other tests is parked, so each test sees only its own messages.
export async function selectEmailDestination(w: World, url: string): Promise<string> {
  const db = getDb();
  for (const row of await db.integration.findMany({ where: { kind: 'email', disabledAt: null } }))
    await updateIntegration(w.admin, row.id, { disabled: true }, 'r');
  await db.outboxMessage.updateMany({
    where: { status: { in: ['pending', 'failed', 'sending'] } },
    data: { status: 'dead' },
  });
  await db.action.updateMany({
    where: { status: { in: ['approved', 'executing', 'unknown'] } },
    data: { status: 'cancelled' },
  });
  const name = `email-${w.tag}-${Math.random().toString(36).slice(2, 8)}`;
  return (await createIntegration(w.admin, { kind: 'email', name, url }, 'r')).id;
}

export async function newEmailWorld(): Promise<World> {
  const w = await makeWorld();
  await setPolicy('email', { mode: 'assist' });
  return w;
}

/** Draft (as an agent), approve (as revops) and execute an e-mail action; returns its id. */
export async function approveEmail(w: World, payload: Record<string, unknown>): Promise<string> {
  const proposed = await getDb().$transaction((tx) =>
    proposeAction(tx, {
      kind: 'email',
      customerId: w.customer.id,
      title: `E-mail ${String(payload.subject)}`,
      payload,
      actor: { type: 'agent', id: 'email-test', version: '0.1.0' },
    }),
  );
  if (!proposed.actionId) throw new Error(`not drafted: ${proposed.outcome} ${proposed.reason}`);
  await decideAction(w.revops, proposed.actionId, { revision: 1, decision: 'approved' }, 'r');
  const ran = await runDueActions(createLedgerProvider());
  if (!ran.includes('executed')) throw new Error(`not executed: ${ran.join(',')}`);
  return proposed.actionId;
}

export const SAMPLE_PAYLOADS = (w: World) => ({
  plain: { to: w.customer.email!, subject: 'A note from Acme', body: 'Hello there.\n\nThanks for being a customer.' },
  upgrade_offer: {
    to: w.customer.email!,
    subject: 'An offer for the Scale plan',
    body: 'You are close to your Growth limits every month.\n\nScale gives you five times the headroom.',
    template: 'upgrade_offer',
    templateData: {
      planName: 'Scale',
      currentPlanName: 'Growth',
      priceMinor: 79_900,
      currency: 'usd',
      interval: 'month',
      link: 'https://checkout.acme.test/c/pay/cs_test_123',
      expiresOn: '2027-01-31',
    },
  },
  dunning_step: {
    to: w.customer.email!,
    subject: `Invoice ${w.invoice.number} is overdue`,
    body: 'Your latest payment did not go through.',
    template: 'dunning_step',
    templateData: {
      invoiceNumber: w.invoice.number!,
      amountDueMinor: 25_000,
      currency: 'usd',
      dueDate: '2026-12-10',
      attempt: 2,
      link: 'https://invoice.stripe.test/i/acct_1/test_abc',
    },
  },
  sla_credit: {
    to: w.customer.email!,
    subject: 'A service credit for November',
    body: 'Availability fell below our commitment in November.',
    template: 'sla_credit',
    templateData: {
      periodLabel: 'November 2026',
      targetPercent: 99.9,
      measuredPercent: 99.42,
      downtimeMinutes: 250,
      baseMinor: 79_900,
      creditPercent: 10,
      creditMinor: 7_990,
      currency: 'usd',
      invoiceNumber: w.invoice.number!,
    },
  },
  weekly_digest: {
    to: w.customer.email!,
    subject: 'Your week on Acme',
    body: 'Here is how your account did this week.',
    template: 'weekly_digest',
    templateData: {
      weekOf: '2026-11-23',
      metrics: [
        { label: 'API calls', value: '1.2M', note: '+8%' },
        { label: 'Spend so far', value: '$412.00' },
      ],
      link: 'https://console.acme.test/usage',
    },
  },
});
