import { z } from 'zod';

// The catalog an admin edits: plans (mapped to Stripe prices), meters (mapped to Stripe billing
// meters) and each plan's per-meter limits. Quantities and unit prices are decimal strings, as
// stored (NUMERIC): a float would round them.

const decimal = z
  .string()
  .trim()
  .regex(/^\d{1,21}(\.\d{1,9})?$/, 'A non-negative number, e.g. 1000 or 0.25');
const stripeId = (prefix: string) =>
  z
    .string()
    .trim()
    .regex(new RegExp(`^${prefix}_[A-Za-z0-9]+$`), `A Stripe id starting with ${prefix}_`);

export const planLimitInput = z
  .object({
    meterId: z.string().min(1, 'Choose a meter'),
    includedQuantity: decimal,
    /** Empty: no hard stop, usage above the included quantity is billed as overage. */
    hardLimit: decimal.nullable().default(null),
    overageUnitPrice: decimal,
    overagePackageSize: z.number().int().min(1).max(1_000_000).default(1),
    /** The metered Stripe price that bills this meter on the plan. */
    priceExternalId: stripeId('price').nullable().default(null),
  })
  .refine((l) => l.hardLimit === null || Number(l.hardLimit) >= Number(l.includedQuantity), {
    path: ['hardLimit'],
    message: 'The hard limit cannot be below the included quantity',
  });
export type PlanLimitInput = z.infer<typeof planLimitInput>;

const planFields = {
  key: z
    .string()
    .trim()
    .regex(/^[a-z0-9][a-z0-9_]{1,63}$/, 'Lower-case letters, digits and _ (2–64 characters)'),
  name: z.string().trim().min(1, 'Required').max(100),
  /** The Stripe base price a subscription on this plan names. */
  externalId: stripeId('price').nullable().default(null),
  currency: z
    .string()
    .trim()
    .toLowerCase()
    .regex(/^[a-z]{3}$/, 'A three-letter ISO currency, e.g. usd'),
  basePriceMinor: z.number().int('Whole minor units (cents)').min(0).max(1_000_000_000),
  interval: z.enum(['day', 'week', 'month', 'year']),
  rank: z.number().int().min(0).max(1000).default(0),
  entitlementFailMode: z.enum(['open', 'closed']).default('open'),
  limits: z
    .array(planLimitInput)
    .max(50)
    .default([])
    .refine((limits) => new Set(limits.map((l) => l.meterId)).size === limits.length, 'Each meter at most once'),
};

export const createPlanBody = z.object(planFields);
export type CreatePlanInput = z.infer<typeof createPlanBody>;
export const updatePlanBody = z
  .object({ ...planFields, active: z.boolean() })
  .partial()
  .refine((b) => Object.keys(b).length > 0, 'Nothing to change');
export type UpdatePlanInput = z.infer<typeof updatePlanBody>;

export const meterAggregation = z.enum(['sum', 'count', 'max', 'unique_count']);
const meterFields = {
  key: z
    .string()
    .trim()
    .regex(/^[a-z][a-z0-9_.-]{1,99}$/, 'What usage events name: lower-case, e.g. api_calls'),
  name: z.string().trim().min(1, 'Required').max(100),
  unit: z.string().trim().min(1, 'Required').max(40),
  aggregation: meterAggregation,
  uniqueProperty: z.string().trim().min(1).max(100).nullable().default(null),
  /** The Stripe billing meter usage is forwarded to. */
  externalId: stripeId('mtr').nullable().default(null),
};
const uniqueNeedsProperty = (m: { aggregation?: string; uniqueProperty?: string | null }) =>
  m.aggregation !== 'unique_count' || Boolean(m.uniqueProperty);
export const createMeterBody = z
  .object(meterFields)
  .refine(uniqueNeedsProperty, { path: ['uniqueProperty'], message: 'unique_count needs the property to count' });
export type CreateMeterInput = z.infer<typeof createMeterBody>;
// The key is not editable: usage already recorded names the meter by it.
export const updateMeterBody = z
  .object(meterFields)
  .omit({ key: true })
  .partial()
  .refine((b) => Object.keys(b).length > 0, 'Nothing to change');
export type UpdateMeterInput = z.infer<typeof updateMeterBody>;

export const planLimitView = z.object({
  meterId: z.string(),
  meterKey: z.string(),
  includedQuantity: z.string(),
  hardLimit: z.string().nullable(),
  overageUnitPrice: z.string(),
  overagePackageSize: z.number().int(),
  priceExternalId: z.string().nullable(),
});
export const planView = z.object({
  id: z.string(),
  key: z.string(),
  name: z.string(),
  externalId: z.string().nullable(),
  currency: z.string(),
  basePriceMinor: z.number().int(),
  interval: z.string(),
  rank: z.number().int(),
  active: z.boolean(),
  entitlementFailMode: z.enum(['open', 'closed']),
  limits: z.array(planLimitView),
  subscriptions: z.number().int(),
});
export type PlanView = z.infer<typeof planView>;

export const meterView = z.object({
  id: z.string(),
  key: z.string(),
  name: z.string(),
  unit: z.string(),
  aggregation: meterAggregation,
  uniqueProperty: z.string().nullable(),
  externalId: z.string().nullable(),
});
export type MeterView = z.infer<typeof meterView>;

export const stripePriceView = z.object({
  externalId: z.string(),
  productExternalId: z.string(),
  productName: z.string().nullable(),
  nickname: z.string().nullable(),
  currency: z.string(),
  unitAmount: z.number().int().nullable(),
  unitAmountDecimal: z.string().nullable(),
  billingScheme: z.string(),
  usageType: z.string().nullable(),
  interval: z.string().nullable(),
  meterExternalId: z.string().nullable(),
  active: z.boolean(),
});
export type StripePriceView = z.infer<typeof stripePriceView>;

export const unmappedPriceView = z.object({
  priceExternalId: z.string(),
  productExternalId: z.string().nullable(),
  subscriptionExternalId: z.string().nullable(),
  heldEvents: z.number().int(),
  firstSeenAt: z.string(),
  lastSeenAt: z.string(),
  /** A plan prefilled from the price (and its product's metered prices), for "create plan". */
  draft: createPlanBody,
});
export type UnmappedPriceView = z.infer<typeof unmappedPriceView>;

export const catalogResponse = z.object({
  plans: z.array(planView),
  meters: z.array(meterView),
  prices: z.array(stripePriceView),
  unmapped: z.array(unmappedPriceView),
});
export type CatalogResponse = z.infer<typeof catalogResponse>;

export const catalogIdParams = z.object({ id: z.string().min(1).max(64) });
