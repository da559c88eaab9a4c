import { getDb } from '@/lib/db';
import { parseActionPayload } from '@/lib/schemas/action-kinds';
import type { ExecutionTarget } from '@/lib/server/billing/billing-provider';
import type { ClaimedAction } from './claim-next-action';
import { kindDefinition } from './kinds';

export type ExecutionContext = Awaited<ReturnType<typeof loadExecutionContext>>;

// Everything an execution needs, read from the database: the approved revision's stored,
// validated parameters (never a model's answer) and the billing-platform ids they refer to.
export async function loadExecutionContext(
  claim: Pick<ClaimedAction, 'id' | 'kind' | 'executionKey' | 'revision' | 'customerId'>,
) {
  const db = getDb();
  const definition = kindDefinition(claim.kind);
  const rev = await db.actionRevision.findUniqueOrThrow({
    where: { actionId_revision: { actionId: claim.id, revision: claim.revision } },
  });
  const payload = parseActionPayload(claim.kind, rev.payload);
  const customer = claim.customerId
    ? await db.customer.findUnique({
        where: { id: claim.customerId },
        select: { id: true, externalId: true, email: true, billingProvider: true },
      })
    : null;
  const target: ExecutionTarget = {
    actionId: claim.id,
    idempotencyKey: claim.executionKey,
    customer: { id: customer?.id ?? '', externalId: customer?.externalId ?? null },
  };
  const outbound = definition.execute.outbound?.(payload, { customerEmail: customer?.email ?? null }) ?? null;
  const billing = outbound ? undefined : definition.execute.billing;
  const billingTarget = billing ? await billing.loadTarget(db, payload, claim.customerId) : undefined;
  // The customer's own platform executes the effect (one customer belongs to one platform).
  const platform = customer?.billingProvider ?? null;
  return { kind: claim.kind, payload, target, outbound, billing, billingTarget, platform };
}
