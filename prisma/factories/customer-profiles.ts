import type { Rng } from '@/lib/prng';
import { PLANS, type MeterKey, type PlanSeed } from './catalog';
import type { UsageProfile, UsageShape } from './usage-model';

const FIRST = [
  'Acme',
  'Bright',
  'Cobalt',
  'Delta',
  'Ember',
  'Fable',
  'Granite',
  'Harbor',
  'Indigo',
  'Juniper',
  'Kite',
  'Lumen',
  'Maple',
  'Nimbus',
  'Orbit',
  'Pylon',
  'Quartz',
  'Relay',
  'Sable',
  'Tidal',
  'Umbra',
  'Vector',
  'Willow',
  'Xenon',
  'Yonder',
  'Zephyr',
];
const SECOND = [
  'Labs',
  'Cloud',
  'AI',
  'Systems',
  'Data',
  'Works',
  'Health',
  'Pay',
  'Logistics',
  'Analytics',
  'Robotics',
  'Media',
  'Security',
  'Maps',
  'Bio',
  'Energy',
];

export interface CustomerProfile {
  index: number;
  id: string;
  name: string;
  email: string;
  externalId: string;
  plan: PlanSeed;
  usage: UsageProfile;
  anchorDay: number; // day of month the billing period starts
  createdDaysAgo: number;
  delinquent: boolean; // latest invoice failed and is still open
  recoveredAfterRetry: boolean; // one failed attempt, then paid
  discountPercent: number;
  taxPercent: number;
  apiKey: string; // plaintext, so tests can call the entitlement check; only its hash is stored
}

function pickPlan(rng: Rng): PlanSeed {
  const r = rng.next();
  return r < 0.4 ? PLANS[0]! : r < 0.75 ? PLANS[1]! : r < 0.95 ? PLANS[2]! : PLANS[3]!;
}

// Shapes are placed deterministically: exactly one runaway spike and one drop to zero, a share
// of customers close to their limits and a share of steady growers.
function pickShape(rng: Rng, index: number, count: number): UsageShape {
  if (index === 7 % count) return 'runaway';
  if (index === 11 % count && count > 1) return 'drop_to_zero';
  const r = rng.next();
  return r < 0.1 ? 'near_limit' : r < 0.25 ? 'grower' : r < 0.3 ? 'decliner' : 'steady';
}

function utilisationFor(rng: Rng, shape: UsageShape): number {
  switch (shape) {
    case 'near_limit':
      return 0.86 + rng.next() * 0.1;
    case 'grower':
      return 0.55 + rng.next() * 0.3;
    case 'decliner':
      return 0.15 + rng.next() * 0.2;
    default:
      return 0.2 + rng.next() * 0.45;
  }
}

export function buildCustomerProfile(rng: Rng, index: number, count: number, seed: number): CustomerProfile {
  const shape = pickShape(rng, index, count);
  const plan = pickPlan(rng);
  const name = `${FIRST[index % FIRST.length]} ${SECOND[Math.floor(index / FIRST.length) % SECOND.length]}${index >= FIRST.length * SECOND.length ? ` ${index}` : ''}`;
  const slug = name.toLowerCase().replace(/[^a-z0-9]+/g, '');
  const included = Object.fromEntries(plan.limits.map((l) => [l.meterKey, l.included])) as Record<MeterKey, number>;
  const base = utilisationFor(rng, shape);
  const usage: UsageProfile = {
    seed: seed * 1000 + index,
    shape,
    utilisation: {
      api_calls: base,
      compute_minutes: base * (0.6 + rng.next() * 0.5),
      storage_gb: 0.2 + rng.next() * 0.6,
    },
    included,
    monthlyGrowth:
      shape === 'grower' ? 0.15 + rng.next() * 0.15 : shape === 'decliner' ? -0.15 : rng.normal(0.02, 0.02),
    weekendFactor: 0.45 + rng.next() * 0.4,
    diurnalAmplitude: 0.3 + rng.next() * 0.4,
    peakHourUtc: rng.int(13, 19),
    noise: 0.08 + rng.next() * 0.12,
  };
  const num = String(index + 1).padStart(3, '0');
  return {
    index,
    id: `cus_demo_${num}`,
    name,
    email: `billing@${slug}.example`,
    externalId: `cus_DEMO${num}`,
    plan,
    usage,
    anchorDay: rng.int(1, 28),
    createdDaysAgo: rng.int(120, 900),
    delinquent: shape !== 'runaway' && rng.chance(0.07),
    recoveredAfterRetry: rng.chance(0.06),
    discountPercent: rng.chance(0.1) ? 10 : 0,
    taxPercent: rng.chance(0.25) ? 20 : 0,
    apiKey: `tg_demo_${num}_${Math.floor(rng.next() * 1e12).toString(36)}`,
  };
}
