import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { getDb, getPool } from '@/lib/db';
import { resetEnvForTests } from '@/lib/env';
import { claimNextAction } from '@/lib/server/actions/claim-next-action';
import { decideAction } from '@/lib/server/actions/decide-action';
import { recordExecutionOutcome } from '@/lib/server/actions/record-execution-outcome';
import { draftCredit, makeWorld, parkOpenActions, setPolicy, type World } from './world';
import { clock } from '@/lib/clock';

// Lease and retry times are UTC `timestamp` columns compared with the application clock passed as
// a parameter. Comparing them with a `timestamptz` (the database's now(), or a bare parameter)
// would go through the session's TimeZone: at UTC+14 a lease would last 14 hours longer and a
// retry's backoff would be skipped. Every connection of this file's pool runs at UTC+14.

let w: World;
beforeAll(() => {
  const url = new URL(process.env.DATABASE_URL!);
  url.searchParams.set('options', '-c TimeZone=Pacific/Kiritimati');
  process.env.DATABASE_URL = url.toString();
  resetEnvForTests();
});
beforeEach(async () => {
  await parkOpenActions();
  w = await makeWorld();
  await setPolicy('credit', { mode: 'assist', dualApprovalAbove: null });
});

async function approvedCredit() {
  const id = (await draftCredit(w)).actionId!;
  await decideAction(w.revops, id, { revision: 1, decision: 'approved' }, 'r');
  return id;
}

describe('lease and retry SQL do not depend on the database TimeZone', () => {
  it('runs its sessions at Pacific/Kiritimati (UTC+14)', async () => {
    const { rows } = await getPool().query<{ TimeZone: string }>('SHOW TimeZone');
    expect(rows[0]!.TimeZone).toBe('Pacific/Kiritimati');
  });

  it('a claim leases the action for exactly the lease seconds on the application clock', async () => {
    const id = await approvedCredit();
    const claim = await claimNextAction(30);
    expect(claim?.id).toBe(id);
    const a = await getDb().action.findUniqueOrThrow({ where: { id } });
    const leaseMs = a.nextAttemptAt!.getTime() - clock.nowMs();
    expect(leaseMs).toBeGreaterThan(20_000);
    expect(leaseMs).toBeLessThanOrEqual(30_000);
    expect(Math.abs(a.firstAttemptAt!.getTime() - clock.nowMs())).toBeLessThan(10_000);
    expect(await claimNextAction(30)).toBeNull(); // leased
    expect((await claimNextAction(30, new Date(clock.nowMs() + 31_000)))?.id).toBe(id); // lapsed
  });

  it('a retry is not claimed before its backoff has passed, and is claimed after', async () => {
    const id = await approvedCredit();
    expect((await claimNextAction(30))?.id).toBe(id);
    const retryAt = new Date(clock.nowMs() + 10 * 60_000);
    await recordExecutionOutcome(id, { status: 'retry', error: 'Stripe 500', code: 'stripe_server_error', retryAt });
    expect(await claimNextAction(30)).toBeNull();
    expect(await claimNextAction(30, new Date(clock.nowMs() + 9 * 60_000))).toBeNull();
    expect((await claimNextAction(30, new Date(clock.nowMs() + 11 * 60_000)))?.id).toBe(id);
  });
});
