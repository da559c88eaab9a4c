import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { getDb } from '@/lib/db';
import { decideAction } from '@/lib/server/actions/decide-action';
import { reconcileUnknownActions } from '@/lib/server/actions/reconcile-unknown-actions';
import { runDueActions } from '@/lib/server/actions/run-due-actions';
import { credit } from '@/lib/server/actions/kinds/credit';
import { createLedgerProvider } from '@/lib/server/billing/ledger-provider';
import type { FakeStripeServer } from '../fixtures/fake-stripe-server';
import type { FakeStripeBilling } from '../fixtures/fake-stripe-billing';
import { startStripeWorld, type StripeWorld } from './stripe-world';
import { auditTrail, draftCredit, makeWorld, parkOpenActions, setPolicy, type World } from './world';

let stripeWorld: StripeWorld;
let fake: FakeStripeServer;
let billing: FakeStripeBilling;
let stripeProvider: StripeWorld['provider'];
let w: World;

beforeAll(async () => {
  stripeWorld = await startStripeWorld();
  ({ fake, billing, provider: stripeProvider } = stripeWorld);
});
afterAll(() => stripeWorld.close());
beforeEach(async () => {
  await parkOpenActions();
  w = await makeWorld();
  await setPolicy('credit', { mode: 'assist', dualApprovalAbove: null });
  billing.faults.length = 0;
});

async function approvedCredit(amount = 5_000) {
  const id = (await draftCredit(w, amount)).actionId!;
  await decideAction(w.revops, id, { revision: 1, decision: 'approved' }, 'r');
  return id;
}
const action = (id: string) => getDb().action.findUniqueOrThrow({ where: { id } });
const creditNotesFor = (id: string) =>
  billing.effectsFor('credit_note').filter((e) => e.idempotencyKey === `tollgate-action-${id}-r1`);

describe('execution against Stripe (local fake, real SDK)', () => {
  it('creates one credit note with the derived idempotency key and records the result', async () => {
    const id = await approvedCredit(6_000);
    expect(await runDueActions(stripeProvider)).toEqual(['executed']);
    const a = await action(id);
    expect(a.status).toBe('executed');
    expect(creditNotesFor(id)).toHaveLength(1);
    expect(creditNotesFor(id)[0]!.body).toMatchObject({
      invoice: w.invoice.externalId,
      'lines[0][unit_amount]': '6000',
      'metadata[tollgate_action_id]': id,
    });
    expect((a.result as { ref: string }).ref).toBe(creditNotesFor(id)[0]!.id);
    expect(await auditTrail(id)).toEqual(['action.proposed', 'action.approved', 'action.executed']);
    expect(await runDueActions(stripeProvider)).toEqual([]);
  });

  for (const fault of ['500', '429', 'timeout_after_apply'] as const) {
    it(`retries a ${fault} with the same key and applies the credit once`, async () => {
      const id = await approvedCredit();
      billing.faults.push(fault);
      expect(await runDueActions(stripeProvider, 1)).toEqual(['retry']);
      expect((await action(id)).status).toBe('executing');
      expect(await runDueActions(stripeProvider)).toContain('executed');
      expect(creditNotesFor(id)).toHaveLength(1);
      const sent = fake
        .requestsTo('POST', '/v1/credit_notes')
        .filter((r) => r.headers['idempotency-key'] === `tollgate-action-${id}-r1`);
      expect(sent).toHaveLength(2);
    });
  }

  it('an ambiguous failure that outlives its retries becomes unknown and is reconciled by reading Stripe', async () => {
    const id = await approvedCredit();
    billing.faults.push('500_after_apply');
    const outcomes = [
      ...(await runDueActions(stripeProvider, 1)),
      ...(await runDueActions(stripeProvider, 1)),
      ...(await runDueActions(stripeProvider, 1)),
    ];
    expect(outcomes).toEqual(['retry', 'retry', 'unknown']);
    expect((await action(id)).status).toBe('unknown');
    expect(await reconcileUnknownActions(stripeProvider)).toBeGreaterThanOrEqual(1);
    expect((await action(id)).status).toBe('executed');
    expect(creditNotesFor(id)).toHaveLength(1);
    expect(await auditTrail(id)).toEqual(['action.proposed', 'action.approved', 'action.unknown', 'action.reconciled']);
  });

  it('reconciles to failed when Stripe shows no trace, without sending under a new key', async () => {
    const id = await approvedCredit();
    billing.faults.push('timeout_before_apply', 'timeout_before_apply', 'timeout_before_apply');
    for (let i = 0; i < 3; i++) await runDueActions(stripeProvider, 1);
    expect((await action(id)).status).toBe('unknown');
    await reconcileUnknownActions(stripeProvider);
    const a = await action(id);
    expect(a.status).toBe('failed');
    expect(a.error).toMatch(/not_found/);
    expect(creditNotesFor(id)).toHaveLength(0);
    const keys = new Set(
      fake
        .requestsTo('POST', '/v1/credit_notes')
        .filter((r) => String(r.headers['idempotency-key']).includes(id))
        .map((r) => r.headers['idempotency-key']),
    );
    expect([...keys]).toEqual([`tollgate-action-${id}-r1`]);
  });

  it('a permanent error (4xx) fails at once', async () => {
    const id = await approvedCredit();
    billing.faults.push('400');
    expect(await runDueActions(stripeProvider)).toEqual(['failed']);
    const a = await action(id);
    expect(a).toMatchObject({ status: 'failed' });
    expect(a.error).toMatch(/invoice_not_finalized/);
    expect(creditNotesFor(id)).toHaveLength(0);
  });
});

describe('execution on the built-in ledger', () => {
  it('records the credit once, even when executed twice with the same key', async () => {
    const id = await approvedCredit(4_200);
    const ledger = createLedgerProvider();
    expect(await runDueActions(ledger)).toEqual(['executed']);
    const entries = await getDb().ledgerEntry.findMany({ where: { actionId: id } });
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({
      kind: 'credit_note',
      amountMinor: -4_200,
      idempotencyKey: `tollgate-action-${id}-r1`,
    });
    const again = await credit.execute.billing!.ledger(
      { actionId: id, idempotencyKey: `tollgate-action-${id}-r1`, customer: { id: w.customer.id, externalId: null } },
      {
        amountMinor: 4_200,
        currency: 'usd',
        reasonCode: 'sla_breach',
        mode: 'credit_note',
        invoiceId: w.invoice.id,
        memo: '',
      },
      null,
    );
    expect(again.ref).toBe(entries[0]!.id);
    expect(await getDb().ledgerEntry.count({ where: { actionId: id } })).toBe(1);
  });

  it('moves the local subscription on an approved plan change', async () => {
    await setPolicy('plan_change', { mode: 'assist' });
    const { proposeAction } = await import('@/lib/server/actions/propose-action');
    const { actionId } = await getDb().$transaction((tx) =>
      proposeAction(tx, {
        kind: 'plan_change',
        customerId: w.customer.id,
        title: 'Upgrade',
        payload: { subscriptionId: w.subscription.id, fromPlanKey: w.growth.key, toPlanKey: w.scale.key },
        actor: { type: 'user', id: w.revops.id },
      }),
    );
    expect((await action(actionId!)).amountMinor).toBe(60_000);
    await decideAction(w.revops2, actionId!, { revision: 1, decision: 'approved' }, 'r');
    expect(await runDueActions(createLedgerProvider())).toEqual(['executed']);
    expect((await getDb().subscription.findUniqueOrThrow({ where: { id: w.subscription.id } })).planId).toBe(
      w.scale.id,
    );
  });
});
