import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { getDb } from '@/lib/db';
import { resetEnvForTests } from '@/lib/env';
import { decideAction } from '@/lib/server/actions/decide-action';
import { reconcileUnknownActions } from '@/lib/server/actions/reconcile-unknown-actions';
import { runDueActions } from '@/lib/server/actions/run-due-actions';
import { createLedgerProvider } from '@/lib/server/billing/ledger-provider';
import { FakeChargebeeServer } from '../fixtures/fake-chargebee-server';
import { auditTrail, draftCredit, makeWorld, parkOpenActions, setPolicy, type World } from '../actions/world';

// An approved credit for a Chargebee customer executes as a Chargebee credit note through the
// SDK (local fake), under chargebee-idempotency-key = the action's execution key: exactly one
// note, also when the answer is lost and the executor retries, and an action left unknown is
// settled by reading the invoice's credit notes back. The platform comes from the customer:
// the configured provider here is the ledger, and it records nothing.

const API_KEY = 'test_actionsKey0123456789abcdef';
let fake: FakeChargebeeServer;
let w: World;
const ledger = createLedgerProvider();

beforeAll(async () => {
  fake = await new FakeChargebeeServer(API_KEY).start();
  Object.assign(process.env, {
    CHARGEBEE_API_BASE: fake.url,
    CHARGEBEE_SITE: 'acme-test',
    CHARGEBEE_API_KEY: API_KEY,
    ACTION_RETRY_BASE_SECONDS: '0',
    ACTION_MAX_ATTEMPTS: '3',
  });
  resetEnvForTests();
});
afterAll(async () => {
  for (const name of [
    'CHARGEBEE_API_BASE',
    'CHARGEBEE_SITE',
    'CHARGEBEE_API_KEY',
    'ACTION_RETRY_BASE_SECONDS',
    'ACTION_MAX_ATTEMPTS',
  ])
    delete process.env[name];
  resetEnvForTests();
  await fake?.stop();
});
beforeEach(async () => {
  await parkOpenActions();
  w = await makeWorld();
  await setPolicy('credit', { mode: 'assist', dualApprovalAbove: null });
  // The world's customer and invoice, as Chargebee knows them.
  await getDb().customer.update({ where: { id: w.customer.id }, data: { billingProvider: 'chargebee' } });
  fake.objects.invoices.push({
    id: w.invoice.externalId,
    customer_id: w.customer.externalId,
    status: 'payment_due',
    total: 25_000,
    amount_due: 25_000,
    currency_code: 'USD',
  });
});

async function approvedCredit(amount = 5_000) {
  const id = (await draftCredit(w, amount)).actionId!;
  await decideAction(w.revops, id, { revision: 1, decision: 'approved' }, 'r');
  return id;
}
const action = (id: string) => getDb().action.findUniqueOrThrow({ where: { id } });
const key = (id: string) => `tollgate-action-${id}-r1`;
const notesFor = (id: string) =>
  fake.objects.credit_notes.filter((n) =>
    n.line_items.some((l: { description: string }) => l.description.includes(key(id))),
  );
const postsFor = (id: string) =>
  fake.requests.filter(
    (r) => r.method === 'POST' && r.path === '/credit_notes' && r.headers['chargebee-idempotency-key'] === key(id),
  );

describe('credit on Chargebee', () => {
  it('creates one credit note on the invoice with the execution key, and records it', async () => {
    const id = await approvedCredit(6_000);
    expect(await runDueActions(ledger)).toEqual(['executed']);
    const a = await action(id);
    expect(a.status).toBe('executed');
    expect(notesFor(id)).toHaveLength(1);
    const note = notesFor(id)[0]!;
    expect(note).toMatchObject({ reference_invoice_id: w.invoice.externalId, type: 'adjustment', total: 6_000 });
    expect(a.result).toMatchObject({ provider: 'chargebee', ref: note.id });
    const [post] = postsFor(id);
    expect(post!.form.get('line_items[amount][0]')).toBe('6000');
    expect(post!.form.get('line_items[entity_type][0]')).toBe('adhoc');
    expect(await getDb().ledgerEntry.count({ where: { actionId: id } })).toBe(0);
    expect(await auditTrail(id)).toEqual(['action.proposed', 'action.approved', 'action.executed']);
  });

  it('a dropped answer is retried under the same key and Chargebee replays the first note: exactly one', async () => {
    const id = await approvedCredit();
    fake.dropResponses.push('/credit_notes');
    expect(await runDueActions(ledger, 1)).toEqual(['retry']);
    expect(notesFor(id)).toHaveLength(1);
    expect(await runDueActions(ledger)).toContain('executed');
    expect(notesFor(id)).toHaveLength(1);
    expect(postsFor(id)).toHaveLength(2);
    expect((await action(id)).result).toMatchObject({ ref: notesFor(id)[0]!.id });
  });

  it('an ambiguous outcome that outlives its retries is reconciled by reading the credit notes back', async () => {
    const id = await approvedCredit();
    // The note is made on the first attempt; every answer is lost, so the action ends unknown.
    fake.dropResponses.push('/credit_notes', '/credit_notes', '/credit_notes');
    const outcomes = [];
    for (let i = 0; i < 3; i++) outcomes.push(...(await runDueActions(ledger, 1)));
    expect(outcomes).toEqual(['retry', 'retry', 'unknown']);
    expect(await reconcileUnknownActions(ledger)).toBeGreaterThanOrEqual(1);
    const a = await action(id);
    expect(a.status).toBe('executed');
    expect(a.result).toMatchObject({ provider: 'chargebee', ref: notesFor(id)[0]!.id });
    expect(notesFor(id)).toHaveLength(1);
  });

  it('a refusal from Chargebee fails the action at once, with its code', async () => {
    const id = await approvedCredit(99_000);
    expect(await runDueActions(ledger)).toEqual(['failed']);
    const a = await action(id);
    expect(a.error).toMatch(/exceeds the invoice total/);
    expect(notesFor(id)).toHaveLength(0);
  });
});
