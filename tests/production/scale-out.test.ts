import type { ChildProcess } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getDb, getPool } from '@/lib/db';
import { decideAction } from '@/lib/server/actions/decide-action';
import { spawnGateway } from '../../scripts/lib/bench-world';
import { countExecutions, measureVisibility, spawnWorker, stopAll } from '../../scripts/lib/scale-out';
import { draftCredit, makeWorld, setPolicy } from '../actions/world';
import { createUsageWorld } from '../helpers/usage-world';

// Scale-out on one PostgreSQL, as separate processes: two gateways (`npm run gateway`) and two
// workers (`npm run worker`). Approved actions are executed exactly once whichever worker claims
// them, and usage accepted by one gateway shows in a check on the other. The lag itself is
// measured by `npm run bench:scale-out`, not asserted here.

const children: ChildProcess[] = [];
let gateways: { url: string }[];

beforeAll(async () => {
  const url = process.env.DATABASE_URL!;
  const started = await Promise.all([spawnGateway(url), spawnGateway(url)]);
  children.push(...started.map((g) => g.child), spawnWorker(url), spawnWorker(url));
  gateways = started;
}, 120_000);
afterAll(async () => {
  await stopAll(children);
});

describe('two gateways and two workers on one database', () => {
  it('executes each approved action exactly once', { timeout: 180_000 }, async () => {
    // Other files leave approved actions behind: park them so only this test's are counted.
    await getDb().action.updateMany({
      where: { status: { in: ['approved', 'executing', 'unknown'] } },
      data: { status: 'cancelled' },
    });
    const w = await makeWorld();
    await setPolicy('credit', { mode: 'assist', dualApprovalAbove: null });
    const ids: string[] = [];
    for (let i = 0; i < 12; i++) {
      const id = (await draftCredit(w, 100 + i)).actionId!;
      await decideAction(w.revops, id, { revision: 1, decision: 'approved' }, 'r');
      ids.push(id);
    }
    const result = await countExecutions(async (sql, values) => (await getPool().query(sql, values)).rows, ids);
    expect(result).toEqual({ actions: 12, executed: 12, executedTwice: 0, notExecuted: 0 });
  });

  it('a usage event accepted by one gateway is seen by a check on the other', { timeout: 60_000 }, async () => {
    const w = await createUsageWorld();
    const lag = await measureVisibility(gateways[0]!, gateways[1]!, w.token, w.customerId, w.meters.sum, 5);
    expect(lag.samples).toBe(5);
  });
});
