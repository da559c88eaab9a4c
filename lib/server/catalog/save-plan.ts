import { Prisma } from '@/generated/prisma/client';
import { getDb, type Tx } from '@/lib/db';
import { ApiError, notFound } from '@/lib/errors';
import type { SessionUser } from '@/lib/auth/roles';
import type { CreatePlanInput, PlanLimitInput, PlanView, UpdatePlanInput } from '@/lib/schemas/catalog';
import { appendAuditEvent } from '@/lib/server/audit/append-audit-event';
import { enqueueWebhookEvent } from '@/lib/server/webhooks/enqueue-webhook-event';
import { planViewInclude, toPlanView } from './plan-view';
import { releaseHeldEvents } from './release-held-events';

const fieldError = (status: number, code: string, path: (string | number)[], message: string) =>
  new ApiError(status, code, message, [{ path, message }]);

// Uniqueness and references are checked here, with the field they concern, so the form can show
// the error beside it (the unique indexes still hold under a race: P2002 → 409).
async function checkPlan(tx: Tx, input: Partial<CreatePlanInput>, planId: string | null) {
  const notThis = planId ? { id: { not: planId } } : {};
  if (input.key && (await tx.plan.findFirst({ where: { key: input.key, ...notThis }, select: { id: true } })))
    throw fieldError(409, 'plan_key_taken', ['key'], `A plan with key ${input.key} already exists`);
  if (input.externalId) {
    const other = await tx.plan.findFirst({
      where: { externalId: input.externalId, ...notThis },
      select: { key: true },
    });
    if (other)
      throw fieldError(
        409,
        'price_mapped',
        ['externalId'],
        `Price ${input.externalId} is already mapped to plan ${other.key}`,
      );
  }
  if (input.limits?.length) {
    const ids = input.limits.map((l) => l.meterId);
    const found = new Set(
      (await tx.meter.findMany({ where: { id: { in: ids } }, select: { id: true } })).map((m) => m.id),
    );
    const missing = ids.findIndex((id) => !found.has(id));
    if (missing >= 0) throw fieldError(422, 'unknown_meter', ['limits', missing, 'meterId'], 'No such meter');
  }
}

const limitRows = (planId: string, limits: PlanLimitInput[]) =>
  limits.map((l) => ({
    planId,
    meterId: l.meterId,
    includedQuantity: new Prisma.Decimal(l.includedQuantity),
    hardLimit: l.hardLimit === null ? null : new Prisma.Decimal(l.hardLimit),
    overageUnitPrice: new Prisma.Decimal(l.overageUnitPrice),
    overagePackageSize: l.overagePackageSize,
    priceExternalId: l.priceExternalId,
  }));

/** Held webhook events are enqueued once the plan has committed; the sweep covers a failure. */
async function enqueueReleased(ids: string[]) {
  for (const id of ids) await enqueueWebhookEvent(id);
}

// Create: the plan, its limits, the release of events held for its price, and the audit record
// in one transaction.
export async function createPlan(actor: SessionUser, input: CreatePlanInput, requestId: string): Promise<PlanView> {
  const { view, released } = await getDb().$transaction(async (tx) => {
    await checkPlan(tx, input, null);
    const { limits, ...fields } = input;
    const plan = await tx.plan.create({ data: fields, select: { id: true } });
    if (limits.length) await tx.planMeterLimit.createMany({ data: limitRows(plan.id, limits) });
    const released = await releaseHeldEvents(
      tx,
      plan.id,
      [input.externalId, ...limits.map((l) => l.priceExternalId)].filter((p): p is string => Boolean(p)),
    );
    const view = toPlanView(await tx.plan.findUniqueOrThrow({ where: { id: plan.id }, include: planViewInclude }));
    await appendAuditEvent(tx, {
      actor: { type: 'user', id: actor.id },
      action: 'plan.created',
      target: { type: 'plan', id: plan.id },
      requestId,
      after: view,
      data: released.length ? { replayedWebhookEvents: released } : undefined,
    });
    return { view, released };
  });
  await enqueueReleased(released);
  return view;
}

// Edit or archive (active: false). Limits, when given, replace the plan's limits as a whole.
export async function updatePlan(
  actor: SessionUser,
  id: string,
  input: UpdatePlanInput,
  requestId: string,
): Promise<PlanView> {
  const { view, released } = await getDb().$transaction(async (tx) => {
    const beforeRow = await tx.plan.findUnique({ where: { id }, include: planViewInclude });
    if (!beforeRow) throw notFound('Plan');
    await checkPlan(tx, input, id);
    const { limits, ...fields } = input;
    await tx.plan.update({ where: { id }, data: fields });
    if (limits) {
      await tx.planMeterLimit.deleteMany({ where: { planId: id } });
      if (limits.length) await tx.planMeterLimit.createMany({ data: limitRows(id, limits) });
    }
    const priceIds = [input.externalId, ...(limits ?? []).map((l) => l.priceExternalId)].filter((p): p is string =>
      Boolean(p),
    );
    const released = await releaseHeldEvents(tx, id, priceIds);
    const view = toPlanView(await tx.plan.findUniqueOrThrow({ where: { id }, include: planViewInclude }));
    const archived = input.active === false && beforeRow.active;
    await appendAuditEvent(tx, {
      actor: { type: 'user', id: actor.id },
      action: archived ? 'plan.archived' : 'plan.updated',
      target: { type: 'plan', id },
      requestId,
      before: toPlanView(beforeRow),
      after: view,
      data: released.length ? { replayedWebhookEvents: released } : undefined,
    });
    return { view, released };
  });
  await enqueueReleased(released);
  return view;
}
