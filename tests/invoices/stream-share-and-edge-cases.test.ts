import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { groundedAnswer, ungroundedAnswer } from '@/lib/ai/sample-answers';
import { getDb } from '@/lib/db';
import { resetEnvForTests } from '@/lib/env';
import { factSheetSchema, type InvoiceExplanation } from '@/lib/schemas/invoice-facts';
import { buildStoredInvoiceFacts } from '@/lib/server/invoices/build-stored-invoice-facts';
import { explainStoredInvoice } from '@/lib/server/invoices/explain-stored-invoice';
import { getInvoiceDetail } from '@/lib/server/invoices/get-invoice-detail';
import { listCustomerExplanations } from '@/lib/server/invoices/list-customer-explanations';
import { shareInvoiceExplanationToSlack } from '@/lib/server/invoices/share-invoice-explanation-to-slack';
import { streamStoredInvoiceExplanation } from '@/lib/server/invoices/stream-stored-invoice-explanation';
import { startFakeOpenAIServer, type FakeOpenAIServer } from '@/tests/fixtures/fake-openai-server';
import { uniq } from '../helpers/fresh-database';
import { expectEveryNumberSourced } from './grounding-assertions';
import { createInvoiceWorld, createUser } from './world';

const system = { type: 'system' as const, id: 'test' };
let server: FakeOpenAIServer;
beforeAll(async () => {
  server = await startFakeOpenAIServer();
});
afterAll(async () => {
  for (const v of ['AI_PROVIDER', 'AI_BASE_URL', 'AI_MODEL']) delete process.env[v];
  resetEnvForTests();
  await server.close();
});
const useFake = (on: boolean) => {
  if (on)
    Object.assign(process.env, { AI_PROVIDER: 'openai-compatible', AI_BASE_URL: server.baseURL, AI_MODEL: 'fake' });
  else for (const v of ['AI_PROVIDER', 'AI_BASE_URL', 'AI_MODEL']) delete process.env[v];
  resetEnvForTests();
};

describe('streaming regeneration', () => {
  it('streams a grounded draft and stores it', async () => {
    const world = await createInvoiceWorld();
    const { sheet } = await buildStoredInvoiceFacts(getDb(), world.march.id);
    server.setReplies(JSON.stringify(groundedAnswer(sheet)));
    useFake(true);
    const stream = await streamStoredInvoiceExplanation({
      invoiceId: world.march.id,
      trigger: { type: 'on_demand' },
      actor: system,
    });
    const deltas: string[] = [];
    for await (const d of stream.textStream) deltas.push(d);
    const done = await stream.done;
    expect(deltas.length).toBeGreaterThan(3);
    expect(deltas.join('')).toContain(groundedAnswer(sheet).summary);
    expect(done).toMatchObject({
      streamedDraftAccepted: true,
      explanation: { source: 'model', provider: 'openai-compatible', modelId: 'fake' },
    });
    expect(await getDb().invoiceExplanation.count({ where: { id: done.explanation.id } })).toBe(1);
  });

  it('replaces an ungrounded draft with the stored fallback', async () => {
    const world = await createInvoiceWorld();
    const { sheet } = await buildStoredInvoiceFacts(getDb(), world.march.id);
    server.setReplies(JSON.stringify(ungroundedAnswer(sheet)));
    useFake(true);
    const stream = await streamStoredInvoiceExplanation({
      invoiceId: world.march.id,
      trigger: { type: 'on_demand' },
      actor: system,
    });
    for await (const _ of stream.textStream) void _;
    const done = await stream.done;
    expect(done).toMatchObject({
      streamedDraftAccepted: false,
      explanation: { source: 'builtin', fallbackReason: 'ungrounded' },
    });
  });

  it('is a plain 404 before anything streams for an unknown invoice', async () => {
    await expect(
      streamStoredInvoiceExplanation({ invoiceId: 'inv_nope', trigger: { type: 'on_demand' }, actor: system }),
    ).rejects.toMatchObject({ status: 404 });
  });
});

describe('reading and sharing explanations', () => {
  it('shows the detail, lists the customer latest explanations and drafts a slack_post action', async () => {
    useFake(false);
    const world = await createInvoiceWorld();
    await explainStoredInvoice({ invoiceId: world.february.id, trigger: { type: 'test' }, actor: system });
    const latest = await explainStoredInvoice({ invoiceId: world.march.id, trigger: { type: 'test' }, actor: system });
    const detail = await getInvoiceDetail(world.march.id);
    expect(detail).toMatchObject({
      previousInvoice: { id: world.february.id },
      writer: { kind: 'builtin', provider: 'builtin' },
      total: 119_900,
    });
    expect(detail.lines.map((l) => [l.kind, l.quantity, l.meter?.key ?? null])).toEqual([
      ['flat', 1, null],
      ['usage', 2_250_000, 'api_calls'],
    ]);
    const items = await listCustomerExplanations(world.customer.id, 5);
    expect(items.map((i) => i.invoice.id)).toEqual([world.march.id, world.february.id]);
    expect(items[0].id).toBe(latest.id);

    const user = await createUser('revops');
    const shared = await shareInvoiceExplanationToSlack(user, world.march.id, {}, 'req_share');
    expect(shared).toMatchObject({ outcome: 'drafted', explanationId: latest.id });
    const action = await getDb().action.findUniqueOrThrow({
      where: { id: shared.actionId! },
      include: { revisions: true },
    });
    expect(action).toMatchObject({ kind: 'slack_post', status: 'pending_approval', customerId: world.customer.id });
    const text = (action.revisions[0].payload as { text: string }).text;
    expect(text).toContain(latest.summary.text);
    expect(text).toContain('*What changed since last month*');
    const audit = await getDb().auditEvent.findFirst({ where: { action: 'action.proposed', targetId: action.id } });
    expect(audit).toMatchObject({
      actorType: 'user',
      actorId: user.id,
      requestId: 'req_share',
      sourceRef: `invoice_explanations:${latest.id}`,
    });
  });
});

describe('stored invoices the team has not seen', () => {
  it('explains zero lines, credits only, negative lines, unknown meters and JPY with every number sourced', async () => {
    useFake(false);
    const db = getDb();
    const tag = uniq('edge').replace(/[^A-Za-z0-9_]/g, '');
    const customer = await db.customer.create({ data: { id: `cus_${tag}`, name: 'Edge Co' } });
    const base = { customerId: customer.id, status: 'open' as const, currency: 'usd', amountDue: 0 };
    const mk = (id: string, data: Record<string, unknown>, lines: Array<Record<string, unknown>>) =>
      db.invoice.create({
        data: {
          id: `${tag}_${id}`,
          number: null,
          ...base,
          periodStart: new Date('2026-01-01T00:00:00Z'),
          periodEnd: new Date('2026-02-01T00:00:00Z'),
          subtotal: 0,
          total: 0,
          ...data,
          lines: { create: lines.map((l, i) => ({ position: i, description: 'x', ...l })) },
        } as never,
        select: { id: true },
      });
    const invoices = [
      await mk('zero', {}, []),
      await mk('credits', { subtotal: -5000, total: -5000 }, [
        { kind: 'credit', description: 'SLA credit', amount: -5000, quantity: 1 },
      ]),
      await mk('negative', { subtotal: 700, total: 700, amountDue: 700 }, [
        { kind: 'flat', description: 'Team plan', amount: 2000, quantity: 1, unitAmountDecimal: 2000 },
        { kind: 'usage', description: 'Refunded usage', amount: -1300, quantity: -650, unitAmountDecimal: 2 },
      ]),
      await mk('unknown_meter', { subtotal: 1234, total: 1234, amountDue: 1234 }, [
        { kind: 'usage', description: 'GPU seconds', amount: 1234, quantity: 617, unitAmountDecimal: 2 },
      ]),
      await mk(
        'jpy',
        {
          currency: 'jpy',
          subtotal: 12000,
          tax: 1200,
          total: 13200,
          amountDue: 13200,
          periodStart: new Date('2026-02-01T00:00:00Z'),
        },
        [
          { kind: 'usage', description: 'API calls', amount: 12000, quantity: 80000, unitAmountDecimal: 0.15 },
          { kind: 'tax', description: 'Consumption tax', amount: 1200 },
        ],
      ),
    ];
    for (const { id } of invoices) {
      const view = await explainStoredInvoice({ invoiceId: id, trigger: { type: 'test' }, actor: system });
      expect(view.verdict, id).toMatchObject({ ok: true });
      const row = await db.invoiceExplanation.findUniqueOrThrow({ where: { id: view.id } });
      expectEveryNumberSourced(
        factSheetSchema.parse(row.facts),
        { summary: row.summary, ...(row.sections as Omit<InvoiceExplanation, 'summary'>) },
        id,
      );
    }
    const jpy = await explainStoredInvoice({ invoiceId: `${tag}_jpy`, trigger: { type: 'test' }, actor: system });
    expect(jpy.summary.text).toContain('¥13,200');
    // The JPY invoice follows a USD one: different currencies are not compared.
    expect(jpy.change).toBeNull();
    expect(jpy.changes[0].text).toMatch(/USD/);
  });
});
