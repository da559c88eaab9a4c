import { spawn, type ChildProcess } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getDb } from '@/lib/db';
import { decideAction } from '@/lib/server/actions/decide-action';
import { FakeStripeServer } from '../fixtures/fake-stripe-server';
import { FakeStripeBilling } from '../fixtures/fake-stripe-billing';
import { draftCredit, makeWorld, setPolicy, type World } from './world';

// Kills real worker processes (SIGKILL) at three points of executing an approved credit —
// before the Stripe call, after the call but before the result is recorded, and after
// recording — 20 times per point, then lets a healthy worker recover. The fake Stripe server
// must see exactly one credit note per action, and every action must end executed.

const RUNS = 20;
const POINTS = ['before_provider_call', 'after_provider_call', 'after_record'] as const;

let fake: FakeStripeServer;
let billing: FakeStripeBilling;

function startWorker(fault?: string): ChildProcess {
  return spawn(process.execPath, ['--import', 'tsx', 'scripts/worker.ts'], {
    env: {
      ...process.env,
      STRIPE_SECRET_KEY: 'sk_test_crash',
      STRIPE_API_BASE: fake.url,
      ACTION_LEASE_SECONDS: '1',
      ACTION_RETRY_BASE_SECONDS: '0',
      EXECUTOR_POLL_MS: '100',
      ...(fault ? { FAULT_INJECTION: fault } : {}),
    },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
}

const exited = (child: ChildProcess) =>
  new Promise<NodeJS.Signals | number | null>((resolve) =>
    child.once('exit', (code, signal) => resolve(signal ?? code)),
  );

async function waitFor(predicate: () => Promise<boolean>, timeoutMs: number) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await predicate()) return;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error('timed out waiting');
}

beforeAll(async () => {
  // Workers also run agents on start-up; keep every kind in assist so nothing else gets approved
  // (and claimed) while these tests count crashes.
  for (const kind of ['plan_change', 'credit', 'dunning_step', 'email', 'crm_task', 'slack_post'] as const)
    await setPolicy(kind, { mode: 'assist' });
  fake = await new FakeStripeServer().start();
  billing = new FakeStripeBilling(fake);
});
afterAll(async () => fake.close());

describe('exactly-once execution across worker crashes', () => {
  for (const point of POINTS) {
    it(`SIGKILL ${point}: ${RUNS} crashes, each credit applied once`, async () => {
      await getDb().action.updateMany({
        where: { status: { in: ['approved', 'executing', 'unknown'] } },
        data: { status: 'cancelled' },
      });
      const w: World = await makeWorld();
      await setPolicy('credit', {
        mode: 'assist',
        dualApprovalAbove: null,
        maxAmountPerAction: null,
        maxAmountPerCustomerMonth: null,
      });
      const ids: string[] = [];
      for (let i = 0; i < RUNS; i++) {
        const id = (await draftCredit(w, 1_000 + i)).actionId!;
        await decideAction(w.revops, id, { revision: 1, decision: 'approved' }, `crash-${i}`);
        ids.push(id);
      }
      let crashes = 0;
      const otherExits: string[] = [];
      for (let i = 0; i < RUNS; i++) {
        const child = startWorker(point);
        let stderr = '';
        child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
        const how = await Promise.race([exited(child), new Promise((r) => setTimeout(() => r('alive'), 30_000))]);
        if (how === 'alive') child.kill('SIGKILL');
        if (how === 'SIGKILL') crashes += 1;
        else otherExits.push(`run ${i}: ${String(how)} ${stderr.slice(-600)}`);
      }
      // A worker that exits any other way (a start-up error) says why here.
      expect(crashes, otherExits.join('\n')).toBe(RUNS);

      const healthy = startWorker();
      try {
        await waitFor(
          async () => (await getDb().action.count({ where: { id: { in: ids }, status: 'executed' } })) === RUNS,
          60_000,
        );
      } finally {
        healthy.kill('SIGTERM');
        await exited(healthy);
      }
      for (const id of ids) {
        const effects = billing
          .effectsFor('credit_note')
          .filter((e) => e.idempotencyKey === `tollgate-action-${id}-r1`);
        expect(effects, `credit notes for ${id}`).toHaveLength(1);
      }
      const statuses = await getDb().action.groupBy({ by: ['status'], where: { id: { in: ids } }, _count: true });
      expect(statuses).toEqual([{ status: 'executed', _count: RUNS }]);
    }, 240_000);
  }
});
