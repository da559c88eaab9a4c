import { getDb } from '@/lib/db';
import type { SessionUser } from '@/lib/auth/roles';
import { ApiError } from '@/lib/errors';
import type { SlaPolicyFields } from '@/lib/schemas/sla';
import { appendAuditEvent } from '@/lib/server/audit/append-audit-event';
import { clock } from '@/lib/clock';
import { readSlaPolicy, slaPolicyToView } from './list-sla-policies';

// Admins change a plan's SLA policy: target, measurement window, credit tiers, caps and the
// maintenance windows excluded from downtime. Audited (before and after) in the same
// transaction. Credits already drafted keep the calculation they were drafted with.
export async function updateSlaPolicy(actor: SessionUser, id: string, fields: SlaPolicyFields, requestId: string) {
  return getDb().$transaction(async (tx) => {
    const before = await readSlaPolicy(tx, id);
    if (!before) throw new ApiError(404, 'not_found', 'SLA policy not found');
    const tiers = [...fields.creditTiers].sort((a, b) => b.belowBp - a.belowBp);
    await tx.slaPolicy.update({
      where: { id },
      data: {
        name: fields.name,
        uptimeTargetBp: fields.uptimeTargetBp,
        windowDays: fields.windowDays,
        creditTiers: tiers,
        capPercent: fields.capPercent,
        capMinor: fields.capMinor,
        exclusions: fields.exclusions,
        updatedAt: clock.now(),
      },
    });
    const after = (await readSlaPolicy(tx, id))!;
    const view = slaPolicyToView(after);
    const { updatedAt: _b, ...beforeView } = slaPolicyToView(before);
    const { updatedAt: _a, ...afterView } = view;
    await appendAuditEvent(tx, {
      actor: { type: 'user', id: actor.id },
      action: 'sla_policy.updated',
      target: { type: 'sla_policy', id },
      requestId,
      before: beforeView,
      after: afterView,
    });
    return view;
  });
}
