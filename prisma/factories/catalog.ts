import type { ActionKind } from '@/lib/schemas/action-kinds';
// The demo catalogue: three meters, four plans, default policies. Prices are in minor units
// (cents); overage prices may be fractional cents per unit, as real usage prices are.

export const METERS = [
  { id: 'mtr_api_calls', key: 'api_calls', name: 'API calls', unit: 'requests', aggregation: 'sum' as const },
  {
    id: 'mtr_compute_minutes',
    key: 'compute_minutes',
    name: 'Compute minutes',
    unit: 'minutes',
    aggregation: 'sum' as const,
  },
  { id: 'mtr_storage_gb', key: 'storage_gb', name: 'Storage', unit: 'GB', aggregation: 'max' as const },
];
export type MeterKey = 'api_calls' | 'compute_minutes' | 'storage_gb';

export interface PlanLimitSeed {
  meterKey: MeterKey;
  included: number;
  hardLimit: number | null;
  overageUnitPrice: number; // minor units per unit
}

export interface PlanSeed {
  id: string;
  key: string;
  name: string;
  externalId: string;
  basePriceMinor: number;
  rank: number;
  entitlementFailMode: 'open' | 'closed';
  limits: PlanLimitSeed[];
}

const limits = (
  api: [number, number | null, number],
  compute: [number, number],
  storage: [number, number],
): PlanLimitSeed[] => [
  { meterKey: 'api_calls', included: api[0], hardLimit: api[1], overageUnitPrice: api[2] },
  { meterKey: 'compute_minutes', included: compute[0], hardLimit: null, overageUnitPrice: compute[1] },
  { meterKey: 'storage_gb', included: storage[0], hardLimit: null, overageUnitPrice: storage[1] },
];

export const PLANS: PlanSeed[] = [
  // Starter has a hard cap and fails closed: it is the plan abused by free-tier farming.
  {
    id: 'plan_starter',
    key: 'starter',
    name: 'Starter',
    externalId: 'price_demo_starter',
    basePriceMinor: 4900,
    rank: 1,
    entitlementFailMode: 'closed',
    limits: limits([100_000, 150_000, 0.1], [2_000, 2], [10, 50]),
  },
  {
    id: 'plan_growth',
    key: 'growth',
    name: 'Growth',
    externalId: 'price_demo_growth',
    basePriceMinor: 19900,
    rank: 2,
    entitlementFailMode: 'open',
    limits: limits([1_000_000, null, 0.08], [20_000, 1.5], [100, 40]),
  },
  {
    id: 'plan_scale',
    key: 'scale',
    name: 'Scale',
    externalId: 'price_demo_scale',
    basePriceMinor: 79900,
    rank: 3,
    entitlementFailMode: 'open',
    limits: limits([10_000_000, null, 0.05], [200_000, 1], [1_000, 30]),
  },
  {
    id: 'plan_enterprise',
    key: 'enterprise',
    name: 'Enterprise',
    externalId: 'price_demo_enterprise',
    basePriceMinor: 299900,
    rank: 4,
    entitlementFailMode: 'open',
    limits: limits([100_000_000, null, 0.03], [2_000_000, 0.8], [10_000, 20]),
  },
];

export interface PolicySeed {
  actionKind: ActionKind;
  mode: 'off' | 'observe' | 'assist' | 'autopilot';
  maxAmountPerAction: number | null;
  maxAmountPerCustomerMonth: number | null;
  dualApprovalAbove: number | null;
  reviewWindowHours: number;
  approverRoles: ('admin' | 'revops')[];
  settings: Record<string, unknown>;
}

export const POLICIES: PolicySeed[] = [
  {
    actionKind: 'plan_change',
    mode: 'assist',
    maxAmountPerAction: null,
    maxAmountPerCustomerMonth: null,
    dualApprovalAbove: 100_000,
    reviewWindowHours: 72,
    approverRoles: ['admin', 'revops'],
    settings: { usageThresholds: [80, 90, 100] },
  },
  {
    actionKind: 'credit',
    mode: 'assist',
    maxAmountPerAction: 50_000,
    maxAmountPerCustomerMonth: 100_000,
    dualApprovalAbove: 20_000,
    reviewWindowHours: 24,
    approverRoles: ['admin', 'revops'],
    settings: {},
  },
  {
    actionKind: 'dunning_step',
    mode: 'assist',
    maxAmountPerAction: null,
    maxAmountPerCustomerMonth: null,
    dualApprovalAbove: null,
    reviewWindowHours: 24,
    approverRoles: ['admin', 'revops'],
    settings: {},
  },
  {
    actionKind: 'email',
    mode: 'assist',
    maxAmountPerAction: null,
    maxAmountPerCustomerMonth: null,
    dualApprovalAbove: null,
    reviewWindowHours: 48,
    approverRoles: ['admin', 'revops'],
    settings: {},
  },
  {
    actionKind: 'crm_task',
    mode: 'assist',
    maxAmountPerAction: null,
    maxAmountPerCustomerMonth: null,
    dualApprovalAbove: null,
    reviewWindowHours: 24,
    approverRoles: ['admin', 'revops'],
    settings: {},
  },
  {
    actionKind: 'slack_post',
    mode: 'assist',
    maxAmountPerAction: null,
    maxAmountPerCustomerMonth: null,
    dualApprovalAbove: null,
    reviewWindowHours: 24,
    approverRoles: ['admin', 'revops'],
    settings: {},
  },
];

export const DEMO_USERS = [
  {
    id: 'usr_demo_admin',
    email: 'admin@tollgate.local',
    name: 'Ada Admin',
    role: 'admin' as const,
    password: 'tollgate-admin',
  },
  {
    id: 'usr_demo_revops',
    email: 'revops@tollgate.local',
    name: 'Rey RevOps',
    role: 'revops' as const,
    password: 'tollgate-revops',
  },
  {
    id: 'usr_demo_support',
    email: 'support@tollgate.local',
    name: 'Sam Support',
    role: 'support' as const,
    password: 'tollgate-support',
  },
];
