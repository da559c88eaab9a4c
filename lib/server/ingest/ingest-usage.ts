import type { EventVerdict } from '@/lib/schemas/usage';
import { invalidateEntitlements } from '@/lib/server/entitlements/entitlement-cache';
import { signalAgents } from '@/lib/server/jobs/agent-signals';
import type { IngestCaller } from './authenticate-ingest-token';
import { hashUsageEvent } from '@/lib/server/usage-store/hash-usage-event';
import type { StorableEvent } from '@/lib/server/usage-store/insert-usage-events';
import { isEventError, normalizeUsageEvent, type NormalizedEvent } from './normalize-usage-event';
import type { UsageRequest } from '@/lib/api/endpoints/read-usage-request';
import { recordIngestStats } from './record-ingest-stats';
import { writeUsageEvents } from './write-usage-events';
import { getMeters, refCacheKey, resolveCustomerRefs } from '@/lib/server/usage-store/usage-ref-cache';
import { clock } from '@/lib/clock';

export interface IngestOutcome {
  verdicts: EventVerdict[];
  accepted: number;
  duplicates: number;
  conflicts: number;
  rejected: number;
}

const CONFLICT = {
  code: 'idempotency_conflict',
  message: 'An event with this idempotency key was already stored with a different payload; the stored event was kept',
};
const keyOf = (raw: unknown, format: UsageRequest['format']): string | null => {
  const k = (raw as Record<string, unknown> | null)?.[format === 'json' ? 'idempotencyKey' : 'id'];
  return typeof k === 'string' ? k : null;
};

// Validates, resolves and stores one request's events; each gets a verdict. Valid events are
// stored even when others in the batch are rejected. Resolves only after the transaction
// committed (or throws — e.g. database unavailable — and then nothing was stored).
export async function ingestUsage(
  caller: IngestCaller,
  request: UsageRequest,
  now = clock.nowMs(),
): Promise<IngestOutcome> {
  const verdicts: EventVerdict[] = request.items.map((raw, index) => ({
    index,
    idempotencyKey: keyOf(raw, request.format),
    status: 'rejected',
  }));
  const valid: { index: number; event: NormalizedEvent }[] = [];
  for (const [index, raw] of request.items.entries()) {
    const result = normalizeUsageEvent(raw, request.format, now);
    if (isEventError(result)) verdicts[index]!.error = result;
    else valid.push({ index, event: result });
  }

  const storable: StorableEvent[] = [];
  const storableIndex: number[] = [];
  if (valid.length) {
    const refKeys = valid.map((v) => refCacheKey(v.event.customer));
    const [meters, customers] = await Promise.all([
      getMeters(valid.map((v) => v.event.meterKey)),
      resolveCustomerRefs(
        valid.map((v) => v.event.customer),
        refKeys,
      ),
    ]);
    for (const [i, { index, event }] of valid.entries()) {
      const customerId = customers.get(refKeys[i]!);
      const meter = meters.get(event.meterKey);
      const v = verdicts[index]!;
      if (!customerId) v.error = { code: 'unknown_customer', message: 'No customer matches this reference' };
      else if (!meter) v.error = { code: 'unknown_meter', message: `No meter has the key "${event.meterKey}"` };
      else if (event.quantity < 0 && !meter.allowNegative)
        v.error = { code: 'negative_quantity', message: `Meter "${meter.key}" does not accept negative quantities` };
      else {
        storable.push({
          source: caller.source,
          idempotencyKey: event.idempotencyKey,
          customerId,
          meterId: meter.id,
          quantity: event.quantity,
          occurredAtMs: event.occurredAtMs,
          propertiesJson: event.propertiesJson,
          payloadHash: hashUsageEvent(customerId, meter.id, event.quantity, event.occurredAtMs, event.propertiesJson),
        });
        storableIndex.push(index);
      }
    }
  }

  const touched = new Set<string>();
  if (storable.length) {
    const stored = await writeUsageEvents(storable);
    for (const [i, verdict] of stored.entries()) {
      const v = verdicts[storableIndex[i]!]!;
      if (verdict === 'accepted' || verdict === 'duplicate') v.status = verdict;
      else if (verdict === 'conflict') Object.assign(v, { status: 'conflict', error: CONFLICT });
      else
        v.error = { code: 'unknown_customer', message: 'The customer or meter was deleted while the event was stored' };
      if (verdict === 'accepted') touched.add(storable[i]!.customerId);
    }
  }
  // This instance forgets at once; the others hear the committed NOTIFY. The Usage Analyst looks
  // at these customers again shortly (debounced, best effort, off the response path).
  if (touched.size) {
    invalidateEntitlements([...touched]);
    void signalAgents({ on: 'after_ingest', customerIds: [...touched] });
  }

  const outcome: IngestOutcome = { verdicts, accepted: 0, duplicates: 0, conflicts: 0, rejected: 0 };
  for (const v of verdicts) {
    if (v.status === 'accepted') outcome.accepted++;
    else if (v.status === 'duplicate') outcome.duplicates++;
    else if (v.status === 'conflict') outcome.conflicts++;
    else outcome.rejected++;
  }
  recordIngestStats(caller.source, {
    accepted: outcome.accepted,
    duplicate: outcome.duplicates,
    rejected: outcome.rejected + outcome.conflicts,
  });
  return outcome;
}
