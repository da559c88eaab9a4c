import { z } from 'zod';
import type { Tx } from '@/lib/db';
import { getDb } from '@/lib/db';
import { creditTier, maintenanceWindow } from '@/lib/schemas/sla';

const select = {
  id: true,
  name: true,
  planId: true,
  plan: { select: { name: true, currency: true } },
  uptimeTargetBp: true,
  windowDays: true,
  creditTiers: true,
  capPercent: true,
  capMinor: true,
  exclusions: true,
  updatedAt: true,
} as const;

type Row = NonNullable<Awaited<ReturnType<typeof readOne>>>;

const readOne = (tx: Tx, id: string) => tx.slaPolicy.findUnique({ where: { id }, select });

export function slaPolicyToView(r: Row) {
  return {
    id: r.id,
    name: r.name,
    planId: r.planId,
    planName: r.plan?.name ?? null,
    currency: r.plan?.currency ?? 'usd',
    uptimeTargetBp: r.uptimeTargetBp,
    windowDays: r.windowDays,
    creditTiers: z.array(creditTier).parse(r.creditTiers),
    capPercent: r.capPercent,
    capMinor: r.capMinor,
    exclusions: z.array(maintenanceWindow).parse(r.exclusions),
    updatedAt: r.updatedAt?.toISOString() ?? null,
  };
}

export { readOne as readSlaPolicy };

// SLA policies per plan, in plan order (every console role reads them; admins edit).
export async function listSlaPolicies() {
  const rows = await getDb().slaPolicy.findMany({ select, orderBy: [{ plan: { rank: 'asc' } }, { name: 'asc' }] });
  return rows.map(slaPolicyToView);
}
