import { getDb } from '@/lib/db';
import { uniq } from '../helpers/fresh-database';
import { generateScenario, type Shape } from './usage-scenarios';
import { clock } from '@/lib/clock';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

// A catalogue of its own (a meter and three plans with unique keys) and one customer on the
// middle plan, so scenarios never see each other's rows. The period started 25 days before
// `now` and ends 5 days after it; usage is written from four weeks before the period.
export async function makeUsageWorld(
  shape: Shape,
  opts: { utilisation: number; seed?: number; email?: string | null; overageUnitPrice?: number },
) {
  const db = getDb();
  const tag = uniq('ua');
  const now = scenarioClock();
  const periodStart = now - 25 * DAY;
  const periodEnd = now + 5 * DAY;
  const meter = await db.meter.create({
    data: { key: `${tag}_calls`, name: 'API calls', unit: 'requests', aggregation: 'sum' },
  });
  const plan = async (name: string, rank: number, included: number, price: number) =>
    db.plan.create({
      data: {
        key: `${tag}_${name.toLowerCase()}`,
        name,
        rank,
        basePriceMinor: price,
        limits: {
          create: { meterId: meter.id, includedQuantity: included, overageUnitPrice: opts.overageUnitPrice ?? 0.08 },
        },
      },
    });
  const starter = await plan('Starter', 1, 100_000, 4_900);
  const growth = await plan('Growth', 2, 1_000_000, 19_900);
  const scale = await plan('Scale', 3, 10_000_000, 79_900);
  const customer = await db.customer.create({
    data: { name: `Acme ${tag}`, email: opts.email === undefined ? `billing-${tag}@example.test` : opts.email },
  });
  const subscription = await db.subscription.create({
    data: {
      customerId: customer.id,
      planId: growth.id,
      status: 'active',
      currentPeriodStart: new Date(periodStart),
      currentPeriodEnd: new Date(periodEnd),
    },
  });
  // `utilisation`: the share of the included quantity a whole period at the current pace uses.
  const perHour = (opts.utilisation * 1_000_000) / ((periodEnd - periodStart) / HOUR);
  const rows = generateScenario({ seed: opts.seed ?? 7, perHour, start: periodStart - 28 * DAY, end: now, shape });
  await db.$executeRaw`
    INSERT INTO usage_rollups_hourly (customer_id, meter_id, hour, quantity, max_quantity, event_count)
    SELECT ${customer.id}, ${meter.id}, h, q, q, 1 FROM unnest(${rows.map((r) => r.hour.toISOString())}::timestamptz[], ${rows.map((r) => String(r.quantity))}::numeric[]) AS t(h, q)`;
  /** First hour end at which this period's cumulative usage reaches `share` of the included quantity. */
  const reaching = (share: number) => {
    let sum = 0;
    for (const r of rows) {
      if (r.hour.getTime() < periodStart) continue;
      sum += r.quantity;
      if (sum >= share * 1_000_000) return new Date(r.hour.getTime() + HOUR);
    }
    return null;
  };
  return {
    tag,
    now: new Date(now),
    periodStart: new Date(periodStart),
    meter,
    starter,
    growth,
    scale,
    customer,
    subscription,
    rows,
    reaching,
  };
}

export type UsageWorld = Awaited<ReturnType<typeof makeUsageWorld>>;

// Scenarios end at the most recent Wednesday 23:00 UTC, not at the wall clock: detection depends
// on where a spike falls in the daily and weekly cycle, and a test must not pass at one hour of
// the day and fail at another. The agent is run "as of" this time (runJob passes w.now).
function scenarioClock(): number {
  const hour = Math.floor(clock.nowMs() / HOUR) * HOUR;
  const d = new Date(hour);
  const daysSinceWednesday = (d.getUTCDay() - 3 + 7) % 7;
  let t = Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate() - daysSinceWednesday, 23);
  if (t > hour) t -= 7 * DAY;
  return t;
}

export async function agentState(customerId: string) {
  const db = getDb();
  const [runs, actions, alerts] = await Promise.all([
    db.agentRun.findMany({ where: { customerId, agentId: 'usage-analyst' }, orderBy: { startedAt: 'asc' } }),
    db.action.findMany({ where: { customerId }, orderBy: { createdAt: 'asc' }, include: { revisions: true } }),
    db.usageThresholdAlert.findMany({ where: { customerId }, orderBy: { thresholdPct: 'asc' } }),
  ]);
  const kinds = actions.map((a) => a.kind);
  return { runs, actions, alerts, kinds, count: (k: string) => kinds.filter((x) => x === k).length };
}
