import { getDb } from '@/lib/db';
import { clock } from '@/lib/clock';
import type { MeterAggregation } from '@/generated/prisma/client';
import { asBoolean, asDecimalString, asInt, asString, get, idOf, metadataOf, requireId } from '../normalize/read';

// Stripe's catalog objects — products, prices, billing meters — as Tollgate stores them. Only
// the importer reads these lists (no webhook handler writes them), so a plain upsert by Stripe id
// is both idempotent and current.

export async function upsertStripeProduct(object: Record<string, unknown>): Promise<null> {
  const externalId = requireId(object.id, 'product.id');
  const data = {
    name: asString(object.name) ?? externalId,
    active: asBoolean(object.active) ?? true,
    metadata: metadataOf(object.metadata),
    syncedAt: clock.now(),
  };
  await getDb().stripeProduct.upsert({ where: { externalId }, create: { externalId, ...data }, update: data });
  return null;
}

export async function upsertStripePrice(object: Record<string, unknown>): Promise<null> {
  const externalId = requireId(object.id, 'price.id');
  const data = {
    productExternalId: idOf(object.product) ?? '',
    nickname: asString(object.nickname),
    currency: asString(object.currency) ?? 'usd',
    unitAmount: asInt(object.unit_amount),
    unitAmountDecimal: asDecimalString(object.unit_amount_decimal),
    billingScheme: asString(object.billing_scheme) ?? 'per_unit',
    type: asString(object.type) ?? 'recurring',
    usageType: asString(get(object, 'recurring', 'usage_type')),
    interval: asString(get(object, 'recurring', 'interval')),
    intervalCount: asInt(get(object, 'recurring', 'interval_count')),
    tiersMode: asString(object.tiers_mode),
    tiers: Array.isArray(object.tiers) ? (object.tiers as object[]) : undefined,
    meterExternalId: asString(get(object, 'recurring', 'meter')),
    active: asBoolean(object.active) ?? true,
    syncedAt: clock.now(),
  };
  await getDb().stripePrice.upsert({ where: { externalId }, create: { externalId, ...data }, update: data });
  return null;
}

// Stripe aggregates sum, count or last; Tollgate has no "last", and max is the nearest reading.
const AGGREGATIONS: Record<string, MeterAggregation> = { sum: 'sum', count: 'count', last: 'max' };

/**
 * A Stripe billing meter → the Tollgate meter whose key is its event_name (usage events name the
 * meter by it, as Stripe's meter events do). An existing meter with that key (e.g. created in the
 * console) is linked rather than duplicated. Returns a note when the aggregation had to change.
 */
export async function upsertStripeMeter(object: Record<string, unknown>): Promise<string | null> {
  const externalId = requireId(object.id, 'billing.meter.id');
  const key = asString(object.event_name);
  if (!key) throw new Error(`meter ${externalId} has no event_name`);
  const formula = asString(get(object, 'default_aggregation', 'formula')) ?? 'sum';
  const aggregation = AGGREGATIONS[formula] ?? 'sum';
  const db = getDb();
  const existing = await db.meter.findFirst({
    where: { OR: [{ externalId }, { key }] },
    select: { id: true, externalId: true },
  });
  const name = asString(object.display_name) ?? key;
  if (existing) {
    if (existing.externalId && existing.externalId !== externalId)
      throw new Error(`meter key ${key} is already mapped to Stripe meter ${existing.externalId}`);
    await db.meter.update({ where: { id: existing.id }, data: { externalId, name } });
  } else {
    await db.meter.create({ data: { key, name, unit: 'units', aggregation, externalId } });
  }
  return formula === 'last' ? `meter ${key}: Stripe aggregates "last"; imported as max` : null;
}
