import { createHash } from 'node:crypto';
import { getDb } from '@/lib/db';
import { clock } from '@/lib/clock';
import type { Role, SessionUser } from '@/lib/auth/roles';
import { uniq } from '../helpers/fresh-database';

// A small world for the SLA agent: a plan with an SLA policy (with a maintenance window inside
// the incident), subscribers with invoices, usage events shaped as gateways send them
// ({ status, region, service, endpoint } in properties) and a resolved incident.

export const MINUTE = 60_000;

export interface TrafficSpec {
  region: string;
  /** Minutes after the incident start (inclusive, exclusive). */
  from: number;
  to: number;
  perMinute: number;
  failingPerMinute: number;
}

export async function makeSlaWorld(opts: { capMinor?: number | null } = {}) {
  const db = getDb();
  const tag = uniq('sla');
  const now = clock.nowMs();
  const start = new Date(Math.floor((now - 4 * 3_600_000) / MINUTE) * MINUTE);
  const end = new Date(start.getTime() + 120 * MINUTE);
  const maintenance = {
    startsAt: new Date(start.getTime() + 40 * MINUTE),
    endsAt: new Date(start.getTime() + 60 * MINUTE),
  };
  const person = async (role: Role, name: string): Promise<SessionUser> => {
    const u = await db.user.create({ data: { email: `${name}-${tag}@example.test`, name, role } });
    return { id: u.id, email: u.email, name: u.name, role };
  };
  const [revops, revops2] = [await person('revops', 'rey'), await person('revops', 'rita')];
  const plan = await db.plan.create({
    data: { key: `${tag}_scale`, name: 'Scale', basePriceMinor: 79_900, rank: 3, externalId: `price_${tag}` },
  });
  const policy = await db.slaPolicy.create({
    data: {
      name: `Scale SLA ${tag}`,
      planId: plan.id,
      uptimeTargetBp: 9990,
      creditTiers: [
        { belowBp: 9990, creditPercent: 10 },
        { belowBp: 9950, creditPercent: 25 },
      ],
      windowDays: 30,
      capPercent: 50,
      capMinor: opts.capMinor === undefined ? 3_000 : opts.capMinor,
      exclusions: [
        {
          ...maintenance,
          startsAt: maintenance.startsAt.toISOString(),
          endsAt: maintenance.endsAt.toISOString(),
          note: 'LB upgrade',
        },
      ],
    },
  });
  const meter = await db.meter.create({
    data: { key: `${tag}_calls`, name: 'API calls', unit: 'call', aggregation: 'sum' },
  });
  const incident = await db.incident.create({
    data: {
      title: `Elevated 5xx ${tag}`,
      severity: 'sev2',
      status: 'resolved',
      startedAt: start,
      resolvedAt: end,
      services: ['api'],
      regions: ['us-east-1'],
      source: 'console',
    },
  });

  let n = 0;
  async function customer(name: string, subtotal: number, traffic: TrafficSpec[], withTicket = false) {
    const c = await db.customer.create({
      data: {
        name: `${name} ${tag}`,
        externalId: `cus_${tag}_${name}`,
        metadata: { accountManagerEmail: `am-${name}-${tag}@example.test` },
      },
    });
    const sub = await db.subscription.create({
      data: {
        customerId: c.id,
        planId: plan.id,
        externalId: `sub_${tag}_${name}`,
        status: 'active',
        currentPeriodStart: new Date(now - 10 * 86_400_000),
        currentPeriodEnd: new Date(now + 20 * 86_400_000),
        createdAt: new Date(now - 90 * 86_400_000),
      },
    });
    const invoice = await db.invoice.create({
      data: {
        customerId: c.id,
        subscriptionId: sub.id,
        externalId: `in_${tag}_${name}`,
        number: `INV-${tag}-${name}`,
        status: 'paid',
        currency: 'usd',
        periodStart: new Date(start.getTime() - 5 * 86_400_000),
        periodEnd: new Date(start.getTime() + 25 * 86_400_000),
        subtotal,
        total: subtotal,
        amountDue: subtotal,
        amountPaid: subtotal,
      },
    });
    const ticket = withTicket
      ? await db.supportTicket.create({
          data: {
            customerId: c.id,
            subject: 'API errors?',
            body: '503s from us-east-1',
            status: 'open',
            createdAt: new Date(start.getTime() + 30 * MINUTE),
          },
        })
      : null;
    const rows: { key: string; occurredAt: Date; properties: object }[] = [];
    for (const t of traffic) {
      for (let m = t.from; m < t.to; m++) {
        for (let i = 0; i < t.perMinute; i++) {
          const failed = i < t.failingPerMinute;
          rows.push({
            key: `${tag}-${name}-${n++}`,
            occurredAt: new Date(start.getTime() + m * MINUTE + i * 1000),
            properties: { status: failed ? 503 : 200, region: t.region, service: 'api', endpoint: '/v1/charges' },
          });
        }
      }
    }
    if (rows.length) {
      await db.usageEvent.createMany({
        data: rows.map((r) => ({
          source: 'test',
          idempotencyKey: r.key,
          customerId: c.id,
          meterId: meter.id,
          quantity: 1,
          occurredAt: r.occurredAt,
          properties: r.properties,
          payloadHash: createHash('sha256').update(r.key).digest('hex'),
        })),
      });
    }
    return { customer: c, invoice, ticket };
  }
  return { tag, start, end, maintenance, revops, revops2, plan, policy, meter, incident, customer };
}
