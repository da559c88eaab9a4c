import { getDb, type Tx } from '@/lib/db';
import { ApiError, notFound } from '@/lib/errors';
import type { SessionUser } from '@/lib/auth/roles';
import type { CreateMeterInput, MeterView, UpdateMeterInput } from '@/lib/schemas/catalog';
import { appendAuditEvent } from '@/lib/server/audit/append-audit-event';

const select = {
  id: true,
  key: true,
  name: true,
  unit: true,
  aggregation: true,
  uniqueProperty: true,
  externalId: true,
};

async function checkMeter(tx: Tx, input: Partial<CreateMeterInput>, meterId: string | null) {
  const notThis = meterId ? { id: { not: meterId } } : {};
  const taken = (path: string, message: string) =>
    new ApiError(409, `${path}_taken`, message, [{ path: [path], message }]);
  if (input.key && (await tx.meter.findFirst({ where: { key: input.key, ...notThis }, select: { id: true } })))
    throw taken('key', `A meter with key ${input.key} already exists`);
  if (input.externalId) {
    const other = await tx.meter.findFirst({
      where: { externalId: input.externalId, ...notThis },
      select: { key: true },
    });
    if (other) throw taken('externalId', `Stripe meter ${input.externalId} is already mapped to ${other.key}`);
  }
}

// Meters: what usage events name (key) and how they add up, mapped to a Stripe billing meter.
// Each change and its audit record commit together.
export async function createMeter(actor: SessionUser, input: CreateMeterInput, requestId: string): Promise<MeterView> {
  return getDb().$transaction(async (tx) => {
    await checkMeter(tx, input, null);
    const meter = await tx.meter.create({ data: input, select });
    await appendAuditEvent(tx, {
      actor: { type: 'user', id: actor.id },
      action: 'meter.created',
      target: { type: 'meter', id: meter.id },
      requestId,
      after: meter,
    });
    return meter;
  });
}

export async function updateMeter(
  actor: SessionUser,
  id: string,
  input: UpdateMeterInput,
  requestId: string,
): Promise<MeterView> {
  return getDb().$transaction(async (tx) => {
    const before = await tx.meter.findUnique({ where: { id }, select });
    if (!before) throw notFound('Meter');
    await checkMeter(tx, input, id);
    const aggregation = input.aggregation ?? before.aggregation;
    const uniqueProperty = input.uniqueProperty !== undefined ? input.uniqueProperty : before.uniqueProperty;
    if (aggregation === 'unique_count' && !uniqueProperty)
      throw new ApiError(422, 'validation_error', 'unique_count needs the property to count', [
        { path: ['uniqueProperty'], message: 'unique_count needs the property to count' },
      ]);
    const meter = await tx.meter.update({ where: { id }, data: input, select });
    await appendAuditEvent(tx, {
      actor: { type: 'user', id: actor.id },
      action: 'meter.updated',
      target: { type: 'meter', id },
      requestId,
      before,
      after: meter,
    });
    return meter;
  });
}
