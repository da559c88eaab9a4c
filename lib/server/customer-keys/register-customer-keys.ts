import { getDb } from '@/lib/db';
import { registeredKey, type RegisterCustomerKeysResult, type RegisteredKey } from '@/lib/schemas/customer-keys';
import { appendAuditEvent, type Actor } from '@/lib/server/audit/append-audit-event';
import { hashSecret } from '@/lib/server/ingest/authenticate-ingest-token';

type Result = RegisterCustomerKeysResult['results'][number];

// Registers keys that live in a gateway or key manager (by the key, or only its sha256 when the
// manager never reveals keys), for the console's CSV import and POST /api/v1/customer-keys.
// Idempotent: a key already registered for the same customer is `existing`; one registered for
// another customer is a `conflict` and nothing about it changes. Good rows are stored even when
// others are refused, in one transaction with one audit event.
export async function registerCustomerKeys(
  actor: Actor,
  items: readonly unknown[],
  requestId: string,
): Promise<RegisterCustomerKeysResult> {
  const results: Result[] = items.map((_, index) => ({ index, status: 'invalid', id: null }));
  const valid: { index: number; key: RegisteredKey; hash: string }[] = [];
  items.forEach((raw, index) => {
    const parsed = registeredKey.safeParse(raw);
    if (!parsed.success) results[index].message = parsed.error.issues.map((i) => i.message).join('; ');
    else valid.push({ index, key: parsed.data, hash: parsed.data.keyHash ?? hashSecret(parsed.data.key!) });
  });

  return getDb().$transaction(async (tx) => {
    const ids = valid.flatMap((v) => (v.key.customerId ? [v.key.customerId] : []));
    const externals = valid.flatMap((v) => (v.key.externalCustomerId ? [v.key.externalCustomerId] : []));
    const customers = await tx.customer.findMany({
      where: { deletedAt: null, OR: [{ id: { in: ids } }, { externalId: { in: externals } }] },
      select: { id: true, externalId: true },
    });
    const byId = new Set(customers.map((c) => c.id));
    const byExternal = new Map(customers.flatMap((c) => (c.externalId ? [[c.externalId, c.id] as const] : [])));

    const created: string[] = [];
    for (const v of valid) {
      const customerId = v.key.customerId
        ? byId.has(v.key.customerId)
          ? v.key.customerId
          : undefined
        : byExternal.get(v.key.externalCustomerId!);
      if (!customerId) {
        results[v.index] = { index: v.index, status: 'unknown_customer', id: null, message: 'No such customer' };
        continue;
      }
      const prefix = v.key.prefix ?? (v.key.key ? v.key.key.slice(0, 10) : `sha256:${v.hash.slice(0, 8)}`);
      // ON CONFLICT DO NOTHING: a concurrent registration of the same key resolves to one row.
      const inserted = await tx.$queryRaw<{ id: string }[]>`
        INSERT INTO customer_api_keys (id, customer_id, name, prefix, key_hash, created_at)
        VALUES (gen_random_uuid()::text, ${customerId}, ${v.key.name ?? 'Registered key'}, ${prefix}, ${v.hash}, now())
        ON CONFLICT (key_hash) DO NOTHING RETURNING id`;
      if (inserted.length) {
        created.push(inserted[0].id);
        results[v.index] = { index: v.index, status: 'created', id: inserted[0].id };
        continue;
      }
      const existing = await tx.customerApiKey.findUniqueOrThrow({
        where: { keyHash: v.hash },
        select: { id: true, customerId: true },
      });
      results[v.index] =
        existing.customerId === customerId
          ? { index: v.index, status: 'existing', id: existing.id }
          : { index: v.index, status: 'conflict', id: null, message: 'This key is registered to another customer' };
    }
    const summary = {
      created: created.length,
      existing: results.filter((r) => r.status === 'existing').length,
      rejected: results.filter((r) => !['created', 'existing'].includes(r.status)).length,
    };
    if (created.length) {
      await appendAuditEvent(tx, {
        actor,
        action: 'customer_keys.registered',
        target: { type: 'customer_api_key', id: created[0] },
        requestId,
        after: { ...summary, ids: created.slice(0, 1000) },
      });
    }
    return { ...summary, results };
  });
}
