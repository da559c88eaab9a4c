import { getDb } from '@/lib/db';
import { parseActionPayload } from '@/lib/schemas/action-payloads';
import type { ExecutionTarget, InvoiceTarget, PlanChangeTarget } from '@/lib/server/billing/billing-provider';
import { ProviderError } from '@/lib/server/billing/billing-provider';
import type { ClaimedAction } from './claim-next-action';

// Everything an execution needs, read from the database: the approved revision's stored,
// validated parameters (never a model's answer) and the billing-platform ids they refer to.
export async function loadExecutionContext(claim: ClaimedAction) {
  const db = getDb();
  const rev = await db.actionRevision.findUniqueOrThrow({
    where: { actionId_revision: { actionId: claim.id, revision: claim.revision } },
  });
  const payload = parseActionPayload(claim.kind, rev.payload);
  const customer = claim.customerId
    ? await db.customer.findUnique({
        where: { id: claim.customerId },
        select: { id: true, externalId: true, email: true },
      })
    : null;
  const target: ExecutionTarget = {
    actionId: claim.id,
    idempotencyKey: claim.executionKey,
    customer: { id: customer?.id ?? '', externalId: customer?.externalId ?? null },
  };

  let invoice: InvoiceTarget | null = null;
  const invoiceId = 'invoiceId' in payload ? payload.invoiceId : undefined;
  if (invoiceId) {
    const inv = await db.invoice.findFirst({
      where: { id: invoiceId, customerId: claim.customerId ?? undefined },
      select: {
        id: true,
        externalId: true,
        amountRemaining: true,
        currency: true,
        subscription: { select: { id: true, externalId: true } },
      },
    });
    if (!inv)
      throw new ProviderError(
        `Invoice ${invoiceId} does not belong to this customer`,
        'invoice_not_found',
        false,
        false,
      );
    invoice = {
      invoice: { id: inv.id, externalId: inv.externalId, amountRemaining: inv.amountRemaining, currency: inv.currency },
      subscription: inv.subscription,
    };
  }

  let plan: PlanChangeTarget | null = null;
  if (claim.kind === 'plan_change') {
    const p = parseActionPayload('plan_change', payload);
    const sub = await db.subscription.findFirst({
      where: { id: p.subscriptionId, customerId: claim.customerId ?? undefined },
      select: { id: true, externalId: true },
    });
    const toPlan = await db.plan.findUnique({
      where: { key: p.toPlanKey },
      select: { id: true, key: true, externalId: true },
    });
    if (!sub || !toPlan)
      throw new ProviderError(
        'The subscription or target plan no longer exists',
        'plan_change_target_missing',
        false,
        false,
      );
    plan = { subscription: sub, toPlan };
  }
  return { payload, target, invoice, plan, customerEmail: customer?.email ?? null };
}
