import type { Tx } from '@/lib/db';
import { hashPassword } from '@/lib/auth/password';
import type { DemoData } from '../factories/demo-data';

export async function writeCatalog(tx: Tx, data: DemoData) {
  await tx.meter.createMany({
    data: data.meters.map((m) => ({ id: m.id, key: m.key, name: m.name, unit: m.unit, aggregation: m.aggregation })),
  });
  for (const p of data.plans) {
    await tx.plan.create({
      data: {
        id: p.id,
        key: p.key,
        name: p.name,
        externalId: p.externalId,
        basePriceMinor: p.basePriceMinor,
        rank: p.rank,
        entitlementFailMode: p.entitlementFailMode,
        limits: {
          create: p.limits.map((l) => ({
            meterId: data.meters.find((m) => m.key === l.meterKey)!.id,
            includedQuantity: l.included,
            hardLimit: l.hardLimit,
            overageUnitPrice: l.overageUnitPrice,
            // The demo plan's metered price for this meter (plan changes map items to it).
            priceExternalId: `${p.externalId}_${l.meterKey}`,
          })),
        },
      },
    });
  }
  await tx.slaPolicy.createMany({ data: data.slaPolicies });
  await tx.policy.createMany({ data: data.policies.map((p) => ({ ...p, settings: p.settings as object })) });
  const users = await Promise.all(
    data.users.map(async (u) => ({
      id: u.id,
      email: u.email,
      name: u.name,
      role: u.role,
      passwordHash: await hashPassword(u.password),
    })),
  );
  await tx.user.createMany({ data: users });
}
