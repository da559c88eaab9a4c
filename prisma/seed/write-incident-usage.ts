import { createHash } from 'node:crypto';
import type { Tx } from '@/lib/db';
import type { DemoData } from '../factories/demo-data';

const MINUTE = 60_000;

// The request telemetry of the past incident, as gateways report it (status, region, service,
// endpoint in the usage events' properties), so the SLA agent validates a real cohort: the
// customers the outage hit fail in us-east-1; others had traffic there but no errors, or errors
// only in eu-west-1, or no traffic at all. Each hit customer gets an account manager, and the
// first one the support ticket it opened during the outage.
export async function writeIncidentUsage(tx: Tx, data: DemoData) {
  const inc = data.incident;
  const hit = new Set(inc.impacts.map((i) => i.customerId));
  const others = data.customers.filter((c) => c.profile.plan.key !== 'starter' && !hit.has(c.profile.id));
  const healthy = others.filter((_, i) => i % 2 === 0).map((c) => c.profile.id);
  const elsewhere = others.filter((_, i) => i % 4 === 1).map((c) => c.profile.id);
  const minutes = Math.round((inc.resolvedAt.getTime() - inc.startedAt.getTime()) / MINUTE);
  const rows: { customerId: string; at: Date; status: number; region: string; quantity: number; key: string }[] = [];
  const traffic = (customerId: string, region: string, failing: number, ok: number) => {
    for (let m = 0; m < minutes; m++) {
      const at = new Date(inc.startedAt.getTime() + m * MINUTE + 7_000);
      if (failing) rows.push({ customerId, at, status: 503, region, quantity: failing, key: `${customerId}-${m}-f` });
      rows.push({ customerId, at, status: 200, region, quantity: ok, key: `${customerId}-${m}-ok` });
    }
  };
  for (const id of hit) traffic(id, 'us-east-1', 4, 8);
  for (const id of healthy) traffic(id, 'us-east-1', 0, 6);
  for (const id of elsewhere) traffic(id, 'eu-west-1', 3, 6);
  await tx.usageEvent.createMany({
    data: rows.map((r) => ({
      source: 'demo-gateway',
      idempotencyKey: `inc-${r.key}`,
      customerId: r.customerId,
      meterId: 'mtr_api_calls',
      quantity: r.quantity,
      occurredAt: r.at,
      properties: { status: r.status, region: r.region, service: 'api', endpoint: '/v1/requests' },
      payloadHash: createHash('sha256').update(r.key).digest('hex'),
    })),
  });
  for (const id of hit) {
    const c = data.customers.find((x) => x.profile.id === id)!;
    await tx.customer.update({
      where: { id },
      data: {
        metadata: {
          segment: c.profile.plan.key === 'enterprise' ? 'enterprise' : 'self-serve',
          accountManagerEmail: 'am@tollgate.example',
        },
      },
    });
  }
  const first = [...hit][0];
  if (first) {
    await tx.supportTicket.create({
      data: {
        id: 'tkt_demo_incident_503',
        customerId: first,
        subject: '503 errors from the API in us-east-1',
        body: 'Since about an hour ago a large share of our API calls fail with 503. Is there an outage?',
        status: 'solved',
        priority: 'high',
        category: 'api',
        createdAt: new Date(inc.startedAt.getTime() + 25 * MINUTE),
      },
    });
  }
}
