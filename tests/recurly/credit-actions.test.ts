import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { getDb } from '@/lib/db';
import { resetEnvForTests } from '@/lib/env';
import { decideAction } from '@/lib/server/actions/decide-action';
import { reconcileUnknownActions } from '@/lib/server/actions/reconcile-unknown-actions';
import { runDueActions } from '@/lib/server/actions/run-due-actions';
import { createLedgerProvider } from '@/lib/server/billing/ledger-provider';
import { FakeRecurlyServer } from '../fixtures/fake-recurly-server';
import { auditTrail, draftCredit, makeWorld, parkOpenActions, setPolicy, type World } from '../actions/world';
import { API_KEY, clearRecurlyEnv, configureRecurlyEnv } from './recurly-world';

// An approved credit for a Recurly customer executes as a credit adjustment on the account
// (POST /accounts/:id/line_items, type credit) through the recurly SDK (local fake), under
// Idempotency-Key = the action's execution key: exactly one credit, also when answers are lost
// and the request is sent again, and an action left unknown is settled by reading the account's
// line items back. The platform comes from the customer: the configured provider here is the
// ledger, and it records nothing.

let fake: FakeRecurlyServer;
let w: World;
const ledger = createLedgerProvider();

beforeAll(async () => {
  fake = await new FakeRecurlyServer(API_KEY).start();
  Object.assign(process.env, { ACTION_RETRY_BASE_SECONDS: '0', ACTION_MAX_ATTEMPTS: '3' });
  configureRecurlyEnv({ apiBase: fake.url });
});
afterAll(async () => {
  for (const name of ['ACTION_RETRY_BASE_SECONDS', 'ACTION_MAX_ATTEMPTS']) delete process.env[name];
  resetEnvForTests();
  clearRecurlyEnv();
  await fake?.stop();
});
beforeEach(async () => {
  await parkOpenActions();
  w = await makeWorld();
  await setPolicy('credit', { mode: 'assist', dualApprovalAbove: null });
  // The world's customer as a Recurly account (its external id is the account id).
  await getDb().customer.update({ where: { id: w.customer.id }, data: { billingProvider: 'recurly' } });
  fake.objects.accounts.push({ id: w.customer.externalId, object: 'account', code: `code-${w.customer.id}` });
});

async function approvedCredit(amount = 5_000) {
  const id = (await draftCredit(w, amount)).actionId!;
  await decideAction(w.revops, id, { revision: 1, decision: 'approved' }, 'r');
  return id;
}
const action = (id: string) => getDb().action.findUniqueOrThrow({ where: { id } });
const key = (id: string) => `tollgate-action-${id}-r1`;
const linePath = () => `/accounts/${w.customer.externalId}/line_items`;
const creditsFor = (id: string) => fake.objects.line_items.filter((l) => l.description?.includes(key(id)));
const postsFor = (id: string) =>
  fake.requests.filter((r) => r.method === 'POST' && r.path === linePath() && r.headers['idempotency-key'] === key(id));

describe('credit on Recurly', () => {
  it('creates one credit adjustment on the account with the execution key, and records it', async () => {
    const id = await approvedCredit(6_050);
    expect(await runDueActions(ledger)).toEqual(['executed']);
    const a = await action(id);
    expect(a.status).toBe('executed');
    expect(creditsFor(id)).toHaveLength(1);
    const [post] = postsFor(id);
    // Recurly takes major units: 6050 minor USD is 60.5.
    expect(post!.body).toMatchObject({
      type: 'credit',
      currency: 'USD',
      unit_amount: 60.5,
      credit_reason_code: 'service',
    });
    expect(post!.body!.description).toContain(`for invoice ${w.invoice.externalId}`);
    expect(a.result).toMatchObject({ provider: 'recurly', ref: creditsFor(id)[0]!.id });
    expect(await getDb().ledgerEntry.count({ where: { actionId: id } })).toBe(0);
    expect(await auditTrail(id)).toEqual(['action.proposed', 'action.approved', 'action.executed']);
  });

  it('answers lost on an attempt are sent again under the same key and Recurly replays the first credit: exactly one', async () => {
    const id = await approvedCredit();
    // The SDK's adapter re-sends once by itself on a reset connection; both answers are lost.
    fake.dropResponses.push(linePath(), linePath());
    expect(await runDueActions(ledger, 1)).toEqual(['retry']);
    expect(creditsFor(id)).toHaveLength(1);
    expect(await runDueActions(ledger)).toContain('executed');
    expect(creditsFor(id)).toHaveLength(1);
    expect(postsFor(id)).toHaveLength(3);
    expect((await action(id)).result).toMatchObject({ ref: creditsFor(id)[0]!.id });
  });

  it('an ambiguous outcome that outlives its retries is reconciled by reading the line items back', async () => {
    const id = await approvedCredit();
    // The credit is made on the first request; every answer is lost, so the action ends unknown.
    fake.dropResponses.push(...Array.from({ length: 6 }, linePath));
    const outcomes = [];
    for (let i = 0; i < 3; i++) outcomes.push(...(await runDueActions(ledger, 1)));
    expect(outcomes).toEqual(['retry', 'retry', 'unknown']);
    expect(creditsFor(id)).toHaveLength(1);
    expect(await reconcileUnknownActions(ledger)).toBeGreaterThanOrEqual(1);
    const a = await action(id);
    expect(a.status).toBe('executed');
    expect(a.result).toMatchObject({ provider: 'recurly', ref: creditsFor(id)[0]!.id });
    expect(fake.requests.some((r) => r.method === 'GET' && r.path === linePath())).toBe(true);
  });

  it('a refusal from Recurly fails the action at once, with its type', async () => {
    const id = await approvedCredit(120_000);
    expect(await runDueActions(ledger)).toEqual(['failed']);
    const a = await action(id);
    expect(a.error).toMatch(/exceeds the limit/);
    expect(creditsFor(id)).toHaveLength(0);
  });
});
