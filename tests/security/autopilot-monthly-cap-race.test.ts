import pg from 'pg';
import { PrismaPg } from '@prisma/adapter-pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PrismaClient } from '@/generated/prisma/client';
import { getDb } from '@/lib/db';
import { proposeAction } from '@/lib/server/actions/propose-action';
import { creditPayload, makeWorld, setPolicy, type World } from '../actions/world';

// Security finding High #3: the autopilot's monthly cap per customer was checked by reading the
// month's total and then inserting, under READ COMMITTED. Six concurrent 9,000 credits against a
// 20,000 cap were all auto-approved. Here each proposal runs in its own transaction on its own
// connection (its own client), started together, as six agent runs would.

const PROPOSALS = 8;
const AMOUNT = 9_000;
const CAP = 20_000;

let w: World;
const clients: PrismaClient[] = [];

beforeAll(async () => {
  w = await makeWorld();
  await setPolicy('credit', {
    mode: 'autopilot',
    maxAmountPerAction: 10_000,
    maxAmountPerCustomerMonth: CAP,
    dualApprovalAbove: null,
  });
  for (let i = 0; i < PROPOSALS; i++) {
    const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 1 });
    clients.push(new PrismaClient({ adapter: new PrismaPg(pool) }));
  }
  await Promise.all(clients.map((c) => c.$queryRaw`SELECT 1`)); // every connection open before the race
});
afterAll(async () => Promise.all(clients.map((c) => c.$disconnect())));

describe('security #3: autopilot monthly cap under concurrent proposals', () => {
  it(`${PROPOSALS} concurrent ${AMOUNT} credits on separate connections never auto-approve more than the ${CAP} cap`, async () => {
    const outcomes = await Promise.all(
      clients.map((c, i) =>
        c.$transaction((tx) =>
          proposeAction(tx, {
            kind: 'credit',
            customerId: w.customer.id,
            title: `Concurrent credit ${i}`,
            payload: creditPayload(w, AMOUNT),
            // A person's drafts follow the kind policy (agent workflows: tests/autonomy/caps-race.test.ts).
            actor: { type: 'user', id: w.support.id },
          }),
        ),
      ),
    );
    const approved = await getDb().action.findMany({
      where: { customerId: w.customer.id, kind: 'credit', status: 'approved' },
      select: { amountMinor: true },
    });
    const sum = approved.reduce((s, a) => s + (a.amountMinor ?? 0), 0);
    expect(sum).toBeLessThanOrEqual(CAP);
    expect(approved).toHaveLength(Math.floor(CAP / AMOUNT));
    expect(outcomes.filter((o) => o.outcome === 'auto_approved')).toHaveLength(approved.length);
    expect(outcomes.filter((o) => o.outcome === 'drafted')).toHaveLength(PROPOSALS - approved.length);
  });
});
