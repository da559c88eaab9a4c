import { createHash } from 'node:crypto';
import { getDb } from '@/lib/db';
import { clock } from '@/lib/clock';
import { createInvoiceWorld } from '../invoices/world';

// A customer the copilot can be asked about: the invoice world (February $599.00 → March
// $1,199.00 on the Growth plan), plus tickets, payment attempts (one declined), usage events with
// HTTP statuses in their properties, and optional planted texts (prompt-injection corpus).

export interface Plants {
  customerName?: string;
  ticketBodies?: string[];
  lineDescriptions?: string[];
  knowledgeDocs?: Array<{ title: string; body: string }>;
}

export async function createCopilotWorld(plants: Plants = {}) {
  const db = getDb();
  const world = await createInvoiceWorld();
  if (plants.customerName)
    await db.customer.update({ where: { id: world.customer.id }, data: { name: plants.customerName } });
  const now = clock.now();
  const minutesAgo = (m: number) => new Date(now.getTime() - m * 60_000);
  await db.supportTicket.createMany({
    data: [
      {
        customerId: world.customer.id,
        subject: 'Why is my invoice higher this month?',
        body: 'Our March bill doubled and we did not change anything.',
        status: 'open',
        category: 'billing',
        createdAt: minutesAgo(90),
      },
      ...(plants.ticketBodies ?? []).map((body, i) => ({
        customerId: world.customer.id,
        subject: `Question ${i + 1}`,
        body,
        status: 'open' as const,
        category: 'general',
        createdAt: minutesAgo(80 - i),
      })),
    ],
  });
  for (const [i, description] of (plants.lineDescriptions ?? []).entries()) {
    await db.invoiceLine.create({
      data: {
        invoiceId: world.march.id,
        kind: 'other',
        description,
        amount: 0,
        position: 10 + i,
      },
    });
  }
  await db.paymentAttempt.createMany({
    data: [
      {
        customerId: world.customer.id,
        invoiceId: world.february.id,
        amount: 59900,
        currency: 'usd',
        succeeded: true,
        attemptedAt: minutesAgo(60 * 24 * 20),
      },
      {
        customerId: world.customer.id,
        invoiceId: world.march.id,
        amount: 119900,
        currency: 'usd',
        succeeded: false,
        failureCode: 'card_declined',
        failureMessage: 'Your card was declined.',
        attemptedAt: minutesAgo(120),
      },
    ],
  });
  await db.invoice.update({
    where: { id: world.march.id },
    data: { attemptCount: 1, amountRemaining: 119900, nextPaymentAttemptAt: new Date(now.getTime() + 3 * 86_400_000) },
  });
  const events = [
    ...Array.from({ length: 6 }, (_, i) => ({ route: '/v1/charges', status: 429, i })),
    ...Array.from({ length: 2 }, (_, i) => ({ route: '/v1/refunds', status: 500, i })),
    ...Array.from({ length: 4 }, (_, i) => ({ route: '/v1/charges', status: 200, i })),
    { route: '/v1/health', status: 'ok', i: 0 },
  ];
  await db.usageEvent.createMany({
    data: events.map((e, n) => ({
      source: `copilot_${world.tag}`,
      idempotencyKey: `evt_${n}`,
      customerId: world.customer.id,
      meterId: world.meterId,
      quantity: 1,
      occurredAt: minutesAgo(30 + n),
      properties: { route: e.route, status: e.status },
      payloadHash: createHash('sha256').update(`${world.tag}${n}`).digest('hex'),
    })),
  });
  const docs = [];
  for (const d of plants.knowledgeDocs ?? [])
    docs.push(await db.knowledgeDocument.create({ data: { ...d, category: 'policy' }, select: { id: true } }));
  return { ...world, knowledgeDocIds: docs.map((d) => d.id) };
}
