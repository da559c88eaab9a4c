import type Stripe from 'stripe';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { getDb } from '@/lib/db';
import { decideAction } from '@/lib/server/actions/decide-action';
import { proposeAction } from '@/lib/server/actions/propose-action';
import { reconcileUnknownActions } from '@/lib/server/actions/reconcile-unknown-actions';
import { runDueActions } from '@/lib/server/actions/run-due-actions';
import type { FakeStripeServer } from '../fixtures/fake-stripe-server';
import type { FakeStripeBilling } from '../fixtures/fake-stripe-billing';
import { startStripeWorld, type StripeWorld } from '../actions/stripe-world';
import { makeWorld, parkOpenActions, setPolicy, type World } from '../actions/world';
import { clock } from '@/lib/clock';

// Security finding Medium #10: rare paths to a second credit. Reconciling an ambiguous credit read
// only the first 100 balance transactions (a busy customer's credit sat further down, so it was
// marked failed and drafted again); a dunning `pause` was looked for on the invoice although it
// writes the subscription; and Stripe forgets idempotency keys after ~24 h, while a lease reclaim
// re-sent without looking first. All against the fake Stripe server with the real SDK.

let stripeWorld: StripeWorld;
let fake: FakeStripeServer;
let billing: FakeStripeBilling;
let stripe: Stripe;
let provider: StripeWorld['provider'];
let w: World;

beforeAll(async () => {
  stripeWorld = await startStripeWorld();
  ({ fake, billing, stripe, provider } = stripeWorld);
});
afterAll(() => stripeWorld.close());
beforeEach(async () => {
  await parkOpenActions();
  w = await makeWorld();
  await setPolicy('credit', { mode: 'assist' });
  await setPolicy('dunning_step', { mode: 'assist' });
  billing.faults.length = 0;
});

async function approved(kind: 'credit' | 'dunning_step', payload: Record<string, unknown>) {
  const { actionId } = await getDb().$transaction((tx) =>
    proposeAction(tx, {
      kind,
      customerId: w.customer.id,
      title: `${kind} under test`,
      payload,
      actor: { type: 'agent', id: 'billing-ops', version: '0.1.0' },
    }),
  );
  await decideAction(w.revops, actionId!, { revision: 1, decision: 'approved' }, 'r');
  return actionId!;
}
const balanceCredit = { amountMinor: 2_500, currency: 'usd', reasonCode: 'goodwill', mode: 'balance', memo: 'x' };
const status = async (id: string) => (await getDb().action.findUniqueOrThrow({ where: { id } })).status;
const effectsOf = (id: string) => billing.effects.filter((e) => e.idempotencyKey === `tollgate-action-${id}-r1`);

async function makeUnknown(id: string) {
  billing.faults.push('500_after_apply'); // applied at Stripe; every answer for the key is a 500
  for (let i = 0; i < 3; i++) await runDueActions(provider, 1);
  expect(await status(id)).toBe('unknown');
}

describe('security #10: no second credit from reconciliation or a late re-send', () => {
  it('reconciliation finds a balance credit behind more than 100 newer balance transactions', async () => {
    const id = await approved('credit', balanceCredit);
    await makeUnknown(id);
    for (let i = 0; i < 130; i++)
      await stripe.customers.createBalanceTransaction(w.customer.externalId!, { amount: -100, currency: 'usd' });

    expect(await reconcileUnknownActions(provider)).toBeGreaterThanOrEqual(1);
    expect(await status(id)).toBe('executed');
    const pages = fake.requestsTo('GET', `/v1/customers/${w.customer.externalId}/balance_transactions`);
    expect(pages.length).toBeGreaterThanOrEqual(2);
    expect(pages[1]!.query.starting_after).toBeTruthy();
    expect(effectsOf(id)).toHaveLength(1);
  });

  it('reconciliation finds a credit note behind more than 100 newer credit notes on the invoice', async () => {
    const note = { ...balanceCredit, mode: 'credit_note', invoiceId: w.invoice.id };
    const id = await approved('credit', note);
    await makeUnknown(id);
    for (let i = 0; i < 105; i++)
      await stripe.creditNotes.create({
        invoice: w.invoice.externalId!,
        lines: [{ type: 'custom_line_item', description: 'other', quantity: 1, unit_amount: 100 }],
      });
    expect(await reconcileUnknownActions(provider)).toBeGreaterThanOrEqual(1);
    expect(await status(id)).toBe('executed');
    expect(effectsOf(id)).toHaveLength(1);
  });

  it('reconciliation looks for a dunning pause on the subscription it paused, not on the invoice', async () => {
    fake.put({ id: w.invoice.externalId!, object: 'invoice', status: 'open', metadata: {} });
    fake.put({
      id: w.subscription.externalId!,
      object: 'subscription',
      status: 'past_due',
      metadata: {},
      items: { object: 'list', data: [{ id: 'si_1', price: { id: w.growth.externalId } }] },
    });
    const id = await approved('dunning_step', { invoiceId: w.invoice.id, step: 'pause' });
    await makeUnknown(id);
    expect(await reconcileUnknownActions(provider)).toBeGreaterThanOrEqual(1);
    expect(await status(id)).toBe('executed');
    expect(effectsOf(id)).toHaveLength(1);
  });

  it('a re-send more than 23 h after the first attempt reads Stripe first and does not credit twice', async () => {
    const id = await approved('credit', balanceCredit);
    billing.faults.push('timeout_after_apply'); // applied; the answer never reached the worker
    expect(await runDueActions(provider, 1)).toEqual(['retry']);
    expect(effectsOf(id)).toHaveLength(1);
    // A day later (a long outage, a stuck lease): Stripe has forgotten the key.
    billing.forgetIdempotencyKeys();
    await getDb().$executeRaw`UPDATE actions SET first_attempt_at = ${new Date(clock.nowMs() - 25 * 3_600_000)},
                                     next_attempt_at = ${new Date(clock.nowMs() - 1_000)} WHERE id = ${id}`;
    expect(await runDueActions(provider, 1)).toEqual(['executed']);
    expect(effectsOf(id)).toHaveLength(1);
    const a = await getDb().action.findUniqueOrThrow({ where: { id } });
    expect((a.result as { ref: string }).ref).toBe(effectsOf(id)[0]!.id);
  });

  it('a re-send within the key’s lifetime relies on the key (no extra read) and still credits once', async () => {
    const id = await approved('credit', balanceCredit);
    billing.faults.push('timeout_after_apply');
    expect(await runDueActions(provider, 1)).toEqual(['retry']);
    const reads = fake.requestsTo('GET', `/v1/customers/${w.customer.externalId}/balance_transactions`).length;
    expect(await runDueActions(provider, 1)).toEqual(['executed']);
    expect(fake.requestsTo('GET', `/v1/customers/${w.customer.externalId}/balance_transactions`)).toHaveLength(reads);
    expect(effectsOf(id)).toHaveLength(1);
  });
});
