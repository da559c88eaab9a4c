import { getDb } from '@/lib/db';
import type { Role, SessionUser } from '@/lib/auth/roles';
import type { ActionKind } from '@/lib/schemas/action-payloads';
import { DEFAULT_POLICY } from '@/lib/server/actions/policies/get-policy';
import { uniq } from '../helpers/fresh-database';
import { clock } from '@/lib/clock';

// A small world for action tests: people in each role, two plans, a customer with a
// subscription and an open invoice — all with unique ids, so tests never see each other's rows.
export async function makeWorld() {
  const db = getDb();
  const tag = uniq('w');
  const person = async (role: Role, name: string): Promise<SessionUser> => {
    const u = await db.user.create({ data: { email: `${name}-${tag}@example.test`, name, role } });
    return { id: u.id, email: u.email, name: u.name, role };
  };
  const [admin, revops, revops2, support] = [
    await person('admin', 'admin'),
    await person('revops', 'rey'),
    await person('revops', 'rita'),
    await person('support', 'sam'),
  ];
  const growth = await db.plan.create({
    data: { key: `${tag}_growth`, name: 'Growth', basePriceMinor: 19_900, rank: 2, externalId: `price_${tag}_growth` },
  });
  const scale = await db.plan.create({
    data: { key: `${tag}_scale`, name: 'Scale', basePriceMinor: 79_900, rank: 3, externalId: `price_${tag}_scale` },
  });
  const customer = await db.customer.create({
    data: { name: `Customer ${tag}`, email: `billing-${tag}@example.test`, externalId: `cus_${tag}` },
  });
  const now = clock.nowMs();
  const subscription = await db.subscription.create({
    data: {
      customerId: customer.id,
      planId: growth.id,
      externalId: `sub_${tag}`,
      status: 'active',
      currentPeriodStart: new Date(now - 10 * 86_400_000),
      currentPeriodEnd: new Date(now + 20 * 86_400_000),
    },
  });
  const invoice = await db.invoice.create({
    data: {
      customerId: customer.id,
      subscriptionId: subscription.id,
      externalId: `in_${tag}`,
      number: `INV-${tag}`,
      status: 'open',
      currency: 'usd',
      periodStart: new Date(now - 40 * 86_400_000),
      periodEnd: new Date(now - 10 * 86_400_000),
      subtotal: 25_000,
      total: 25_000,
      amountDue: 25_000,
      amountRemaining: 25_000,
      attemptCount: 2,
    },
  });
  return { tag, admin, revops, revops2, support, growth, scale, customer, subscription, invoice };
}

export type World = Awaited<ReturnType<typeof makeWorld>>;

export async function setPolicy(kind: ActionKind, overrides: Partial<typeof DEFAULT_POLICY> = {}) {
  const data = { ...DEFAULT_POLICY, ...overrides, settings: (overrides.settings ?? {}) as object };
  await getDb().policy.upsert({ where: { actionKind: kind }, update: data, create: { actionKind: kind, ...data } });
}

export const creditPayload = (w: World, amountMinor = 5_000) => ({
  amountMinor,
  currency: 'usd',
  reasonCode: 'sla_breach',
  mode: 'credit_note',
  invoiceId: w.invoice.id,
  memo: 'SLA credit',
});

// An agent's credit by default; pass a person as `actor` for the human path (agent workflows earn
// autopilot per workflow, lib/server/actions/autonomy/, while a person's draft follows the kind policy).
export async function draftCredit(
  w: World,
  amountMinor = 5_000,
  actor: { type: 'user'; id: string } | { type: 'agent'; id: string; version: string } = {
    type: 'agent',
    id: 'billing-ops',
    version: '0.1.0',
  },
) {
  const { proposeAction } = await import('@/lib/server/actions/propose-action');
  return getDb().$transaction((tx) =>
    proposeAction(tx, {
      kind: 'credit',
      customerId: w.customer.id,
      title: 'SLA credit',
      payload: creditPayload(w, amountMinor),
      actor,
      model: 'builtin',
      reasoning: 'incident downtime',
    }),
  );
}

export async function auditTrail(actionId: string): Promise<string[]> {
  const rows = await getDb().auditEvent.findMany({
    where: { targetId: actionId },
    orderBy: { sequence: 'asc' },
    select: { action: true },
  });
  return rows.map((r) => r.action);
}

// Other test files leave approved actions in the shared database; park them so a test that runs
// the executor executes exactly its own.
export async function parkOpenActions() {
  await getDb().action.updateMany({
    where: { status: { in: ['approved', 'executing', 'unknown'] } },
    data: { status: 'cancelled' },
  });
}
