import { getPool } from '@/lib/db';
import { hashSecret } from './hash-secret';
import { clock } from '@/lib/clock';

export type CustomerRefKind = 'id' | 'external' | 'apiKey' | 'subject';
export interface CustomerRef {
  kind: CustomerRefKind;
  value: string;
}

export interface MeterInfo {
  id: string;
  key: string;
  aggregation: 'sum' | 'count' | 'max' | 'unique_count';
  allowNegative: boolean;
  uniqueProperty: string | null;
}

// In-process caches for the ingest hot path, so a batch costs no catalogue queries once warm.
// Meters are a small table: loaded whole and kept 60 s; a key not in the cache is looked up.
// Customer references (id, external id, API key hash → customer id) live 30 s: ids never
// change, and an event attributed through a key revoked seconds ago is still that customer's
// usage. Misses are not cached, so a new customer or meter works at once.
const METER_TTL_MS = 60_000;
const CUSTOMER_TTL_MS = 30_000;
const MAX_CUSTOMER_REFS = 200_000;

interface State {
  meters: Map<string, MeterInfo> | null;
  metersLoadedAt: number;
  metersLoading: Promise<Map<string, MeterInfo>> | null;
  customers: Map<string, { customerId: string | null; expiresAt: number }>;
}
const g = globalThis as unknown as { tollgateUsageRefs?: State };
const state = (g.tollgateUsageRefs ??= { meters: null, metersLoadedAt: 0, metersLoading: null, customers: new Map() });

type MeterRow = {
  id: string;
  key: string;
  aggregation: MeterInfo['aggregation'];
  allow_negative: boolean;
  unique_property: string | null;
};
const METER_COLUMNS = 'id, key, aggregation, allow_negative, unique_property';
const toMeter = (r: MeterRow): MeterInfo => ({
  id: r.id,
  key: r.key,
  aggregation: r.aggregation,
  allowNegative: r.allow_negative,
  uniqueProperty: r.unique_property,
});

async function loadMeters(): Promise<Map<string, MeterInfo>> {
  const { rows } = await getPool().query<MeterRow>({
    name: 'tollgate_meters_all',
    text: `SELECT ${METER_COLUMNS} FROM meters`,
  });
  state.meters = new Map(rows.map((r) => [r.key, toMeter(r)]));
  state.metersLoadedAt = clock.nowMs();
  return state.meters;
}

// The meter catalogue if cached and fresh (the synchronous path of entitlement checks).
export function cachedMeters(now = clock.nowMs()): Map<string, MeterInfo> | null {
  return state.meters && now - state.metersLoadedAt < METER_TTL_MS ? state.meters : null;
}

// The catalogue, with `wantKeys` looked up in the database when not cached (a meter created a
// moment ago works at once; unknown keys are not remembered, so they cost one indexed query).
export async function getMeters(wantKeys: Iterable<string> = []): Promise<Map<string, MeterInfo>> {
  let meters = cachedMeters();
  if (!meters) {
    state.metersLoading ??= loadMeters().finally(() => (state.metersLoading = null));
    meters = await state.metersLoading;
  }
  const missing = [...new Set(wantKeys)].filter((k) => !meters.has(k));
  if (!missing.length) return meters;
  const { rows } = await getPool().query<MeterRow>({
    name: 'tollgate_meters_by_key',
    text: `SELECT ${METER_COLUMNS} FROM meters WHERE key = ANY($1::text[])`,
    values: [missing],
  });
  for (const r of rows) meters.set(r.key, toMeter(r));
  return meters;
}

const KIND_PREFIX = { id: 'i', external: 'x', apiKey: 'k', subject: 's' } as const;

// Cache key of a reference; API keys are keyed by their hash, never kept in memory as typed.
export function refCacheKey(ref: CustomerRef): string {
  return `${KIND_PREFIX[ref.kind]}:${ref.kind === 'apiKey' ? hashSecret(ref.value) : ref.value}`;
}

interface Row {
  kind: 'i' | 'x' | 'k';
  ref: string;
  customer_id: string;
}

// Resolves every distinct customer reference of a batch in one query. Returns refCacheKey →
// customer id, or null (unknown, or an external id shared by several customers).
export async function resolveCustomerRefs(
  refs: CustomerRef[],
  keys = refs.map(refCacheKey),
): Promise<Map<string, string | null>> {
  const now = clock.nowMs();
  const out = new Map<string, string | null>();
  const ids = new Set<string>(),
    externals = new Set<string>(),
    hashes = new Set<string>();
  for (const [i, ref] of refs.entries()) {
    const key = keys[i]!;
    if (out.has(key)) continue;
    const hit = state.customers.get(key);
    if (hit && hit.expiresAt > now) {
      out.set(key, hit.customerId);
      continue;
    }
    out.set(key, null);
    if (ref.kind === 'id' || ref.kind === 'subject') ids.add(ref.value);
    if (ref.kind === 'external' || ref.kind === 'subject') externals.add(ref.value);
    if (ref.kind === 'apiKey') hashes.add(key.slice(2));
  }
  if (!ids.size && !externals.size && !hashes.size) return out;
  const { rows } = await getPool().query<Row>({
    name: 'tollgate_resolve_customers',
    text: `SELECT 'i' AS kind, id AS ref, id AS customer_id FROM customers WHERE id = ANY($1::text[]) AND deleted_at IS NULL
           UNION ALL
           SELECT 'x', external_id, id FROM customers WHERE external_id = ANY($2::text[]) AND deleted_at IS NULL
           UNION ALL
           SELECT 'k', k.key_hash, k.customer_id FROM customer_api_keys k JOIN customers c ON c.id = k.customer_id
            WHERE k.key_hash = ANY($3::text[]) AND k.revoked_at IS NULL AND c.deleted_at IS NULL`,
    values: [[...ids], [...externals], [...hashes]],
  });
  const found = new Map<string, string | null>();
  for (const r of rows) {
    const key = `${r.kind}:${r.ref}`;
    // The same external id at two billing providers cannot name one customer.
    found.set(key, found.has(key) && found.get(key) !== r.customer_id ? null : r.customer_id);
  }
  if (state.customers.size > MAX_CUSTOMER_REFS) state.customers.clear();
  for (const [key, customerId] of found)
    if (customerId) state.customers.set(key, { customerId, expiresAt: now + CUSTOMER_TTL_MS });
  for (const [i, ref] of refs.entries()) {
    const key = keys[i]!;
    if (out.get(key)) continue;
    const id = ref.kind === 'subject' ? (found.get(`i:${ref.value}`) ?? found.get(`x:${ref.value}`)) : found.get(key);
    if (id) {
      out.set(key, id);
      if (ref.kind === 'subject') state.customers.set(key, { customerId: id, expiresAt: now + CUSTOMER_TTL_MS });
    }
  }
  return out;
}
