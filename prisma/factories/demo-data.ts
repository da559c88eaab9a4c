import { DEMO_USERS, METERS, PLANS, POLICIES, type MeterKey } from './catalog';
import { buildBillingHistory } from './billing-history';
import { buildCustomerProfile, type CustomerProfile } from './customer-profiles';
import { createRng } from '@/lib/prng';
import { SLA_POLICIES, buildIncident, buildTickets } from './support-data';
import { hourlyUsage } from './usage-model';
import { buildPaymentCards } from './payment-cards';
import { clock } from '@/lib/clock';

// The deterministic demo world, shared by the seed (about 200 customers, 90 days) and the tests
// (a handful of customers, a few days). Same options → same data on every machine.

export interface DemoDataOptions {
  seed?: number;
  customers?: number;
  days?: number;
  now?: Date;
}

export interface RollupRow {
  customerId: string;
  meterId: string;
  hour: Date;
  quantity: number;
}

const HOUR = 3_600_000;

export function generateDemoData(options: DemoDataOptions = {}) {
  const seed = options.seed ?? 20_261_125;
  const count = options.customers ?? 200;
  const days = options.days ?? 90;
  const now = new Date(Math.floor((options.now ?? clock.now()).getTime() / HOUR) * HOUR);
  const rng = createRng(seed);
  const profiles: CustomerProfile[] = Array.from({ length: count }, (_, i) =>
    buildCustomerProfile(rng, i, count, seed),
  );
  const customers = profiles.map((profile) => ({ profile, ...buildBillingHistory(rng, profile, now) }));
  const tickets = buildTickets(rng, profiles, now);
  const cards = buildPaymentCards(
    customers.map((c) => ({ profile: c.profile, renews: c.invoices.at(-1)!.status !== 'open' })),
    now,
  );
  const incident = buildIncident(profiles, now);
  const start = now.getTime() - days * 24 * HOUR;

  // Hourly rollups are produced lazily: 200 customers × 3 meters × 2,160 hours is 1.3 M rows.
  function* rollups(): Generator<RollupRow> {
    for (const p of profiles) {
      for (const meter of METERS) {
        for (let t = start; t < now.getTime(); t += HOUR) {
          const quantity = hourlyUsage(p.usage, meter.key as MeterKey, t, now.getTime());
          if (quantity > 0) yield { customerId: p.id, meterId: meter.id, hour: new Date(t), quantity };
        }
      }
    }
  }

  return {
    seed,
    now,
    days,
    meters: METERS,
    plans: PLANS,
    policies: POLICIES,
    users: DEMO_USERS,
    slaPolicies: SLA_POLICIES,
    customers,
    cards,
    tickets,
    incident,
    rollups,
  };
}

export type DemoData = ReturnType<typeof generateDemoData>;
