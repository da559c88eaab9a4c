import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { BUILTIN_WRITER_LABEL } from '@/lib/ai/builtin-writer';
import { PROMPT_VERSION } from '@/lib/ai/invoice-prompt';
import { groundedAnswer, MADE_UP_AMOUNT, ungroundedAnswer } from '@/lib/ai/sample-answers';
import { getDb } from '@/lib/db';
import { resetEnvForTests } from '@/lib/env';
import { factSheetSchema, type InvoiceExplanation } from '@/lib/schemas/invoice-facts';
import { agentJob, enqueueAgentRun } from '@/lib/server/agents/agent-triggers';
import { invoiceExplainer } from '@/lib/server/agents/invoice-explainer/invoice-explainer';
import { buildStoredInvoiceFacts } from '@/lib/server/invoices/build-stored-invoice-facts';
import { explainStoredInvoice } from '@/lib/server/invoices/explain-stored-invoice';
import { startWorker } from '@/lib/server/worker/start-worker';
import { startFakeOpenAIServer, type FakeOpenAIServer } from '@/tests/fixtures/fake-openai-server';
import { expectEveryNumberSourced } from './grounding-assertions';
import { createInvoiceWorld } from './world';

// The explain flow on stored invoices: built-in writer with no model; a fake OpenAI-compatible
// server (configured through AI_* and getEnv) whose made-up amount is rejected, regenerated once,
// then replaced by the built-in writer — through the job, with the decision record showing why.

const AI_VARS = ['AI_PROVIDER', 'AI_BASE_URL', 'AI_MODEL', 'AI_API_KEY'] as const;
function useModel(server: FakeOpenAIServer | null) {
  for (const v of AI_VARS) delete process.env[v];
  if (server)
    Object.assign(process.env, { AI_PROVIDER: 'openai-compatible', AI_BASE_URL: server.baseURL, AI_MODEL: 'fake' });
  resetEnvForTests();
}
const system = { type: 'system' as const, id: 'test' };
const invoiceExplainerJob = agentJob(invoiceExplainer);
/** The explainer's job handler, as the worker runs it. */
const runExplainerJob = (payload: { objectId: string; trigger: string; sourceRef?: string }) =>
  invoiceExplainerJob.handler(payload, { jobId: 'test', attempt: 1 });

async function storedRecords(explanationId: string) {
  const row = await getDb().invoiceExplanation.findUniqueOrThrow({
    where: { id: explanationId },
    include: { agentRun: true },
  });
  const audit = await getDb().auditEvent.findFirst({
    where: {
      action: 'invoice.explained',
      targetId: row.invoiceId,
      data: { path: ['explanationId'], equals: explanationId },
    },
  });
  return { row, run: row.agentRun!, audit };
}

let server: FakeOpenAIServer;
beforeAll(async () => {
  server = await startFakeOpenAIServer();
});
afterAll(async () => {
  useModel(null);
  await server.close();
});
beforeEach(() => {
  server.requests.length = 0;
  useModel(null);
});

describe('explainStoredInvoice with no model configured', () => {
  it('stores a built-in explanation, its decision record and an audit event; every number has a source', async () => {
    const world = await createInvoiceWorld();
    const view = await explainStoredInvoice({
      invoiceId: world.march.id,
      trigger: { type: 'on_demand', requestedBy: 'usr_x' },
      actor: system,
    });
    expect(view).toMatchObject({
      source: 'builtin',
      writerLabel: BUILTIN_WRITER_LABEL,
      provider: 'builtin',
      fallbackReason: 'not_configured',
      verdict: { ok: true },
    });
    expect(view.change).toMatchObject({
      previousInvoiceId: world.february.id,
      previousTotal: '$599.00',
      total: '$1,199.00',
      totalChange: { amount: 60_000, display: '$600.00' },
    });
    expect(view.change!.drivers).toEqual([
      expect.objectContaining({ id: 'change.meter.api_calls.volume', amount: 60_000, display: '$600.00' }),
    ]);
    const api = view.lines.find((l) => l.lineId.endsWith('_api'))!;
    expect(api.text).toBe(
      'API calls: 2,250,000 used from March 1, 2026 to April 1, 2026; 1,000,000 were included in the plan and 1,250,000 were billed at $0.0008 each, for $1,000.00.',
    );
    expect(api.segments.filter((s) => s.factId).map((s) => s.source)).toEqual([
      `line.${api.lineId}.quantity = 2,250,000`,
      `line.${api.lineId}.period_start = March 1, 2026`,
      `line.${api.lineId}.period_end = April 1, 2026`,
      `line.${api.lineId}.included_quantity = 1,000,000`,
      `line.${api.lineId}.overage_quantity = 1,250,000`,
      `line.${api.lineId}.unit_price = $0.0008`,
      `line.${api.lineId}.amount = $1,000.00`,
    ]);
    const { row, run, audit } = await storedRecords(view.id);
    expectEveryNumberSourced(factSheetSchema.parse(row.facts), {
      summary: row.summary,
      ...(row.sections as Omit<InvoiceExplanation, 'summary'>),
    });
    expect(run).toMatchObject({
      agentId: 'invoice-explainer',
      agentVersion: '1.0.0',
      status: 'succeeded',
      customerId: world.customer.id,
      modelProvider: 'builtin',
      trigger: { type: 'on_demand', requestedBy: 'usr_x' },
    });
    expect(run.inputs).toMatchObject({
      invoiceId: world.march.id,
      previousInvoiceId: world.february.id,
      factSheet: { total: 119_900, totalChange: 60_000, meters: ['api_calls'] },
    });
    expect((run.inputs as { mappingNotes: string[] }).mappingNotes).toContain(
      `Line ${`il_${world.tag}_03_api`}: included quantity taken from the plan.`,
    );
    expect(audit).toMatchObject({
      actorType: 'system',
      customerId: world.customer.id,
      model: 'builtin/builtin-writer',
      data: { agentRunId: run.id, source: 'builtin', verdict: { ok: true } },
    });
  });

  it('answers 404 for an unknown invoice and records nothing', async () => {
    const before = await getDb().agentRun.count();
    await expect(
      explainStoredInvoice({ invoiceId: 'inv_missing', trigger: { type: 'on_demand' }, actor: system }),
    ).rejects.toMatchObject({ status: 404 });
    expect(await getDb().agentRun.count()).toBe(before);
  });
});

describe('explanations with a fake OpenAI-compatible model (AI_PROVIDER=openai-compatible)', () => {
  it('the job rejects a made-up amount, regenerates once, stores the fallback and records the verdicts', async () => {
    const world = await createInvoiceWorld();
    const { sheet } = await buildStoredInvoiceFacts(getDb(), world.march.id);
    server.setReplies(JSON.stringify(ungroundedAnswer(sheet)));
    useModel(server);
    const worker = await startWorker('invoices-test', [invoiceExplainerJob], { loops: false });
    try {
      // The billing id works too: webhook handlers may pass either.
      expect(
        await enqueueAgentRun(invoiceExplainer, {
          objectId: world.march.externalId!,
          trigger: 'invoice.finalized',
          sourceRef: 'webhook_events:test',
        }),
      ).not.toBeNull();
      const deadline = Date.now() + 30_000;
      while (
        Date.now() < deadline &&
        (await getDb().invoiceExplanation.count({ where: { invoiceId: world.march.id } })) === 0
      )
        await new Promise((r) => setTimeout(r, 250));
    } finally {
      await worker.stop();
    }
    const row = await getDb().invoiceExplanation.findFirstOrThrow({ where: { invoiceId: world.march.id } });
    const { run, audit } = await storedRecords(row.id);
    expect(server.requests).toHaveLength(2);
    expect(JSON.stringify(server.requests[1].body.messages)).toContain(MADE_UP_AMOUNT);
    expect(row).toMatchObject({
      source: 'builtin',
      provider: 'builtin',
      verdict: { ok: true, fallbackReason: 'ungrounded' },
    });
    expect((row.verdict as { attempts: unknown[] }).attempts).toEqual([
      expect.objectContaining({
        attempt: 1,
        source: 'model',
        provider: 'openai-compatible',
        modelId: 'fake',
        promptVersion: PROMPT_VERSION,
        ok: false,
        unverified: [MADE_UP_AMOUNT],
      }),
      expect.objectContaining({ attempt: 2, source: 'model', ok: false, unverified: [MADE_UP_AMOUNT] }),
      expect.objectContaining({ attempt: 3, source: 'builtin', ok: true, unverified: [] }),
    ]);
    expect(row.summary).not.toContain(MADE_UP_AMOUNT);
    expect(run).toMatchObject({
      agentId: 'invoice-explainer',
      status: 'succeeded',
      modelProvider: 'openai-compatible',
      modelId: 'fake',
      promptVersion: PROMPT_VERSION,
      trigger: { type: 'invoice.finalized', ref: 'webhook_events:test' },
      sourceRef: 'webhook_events:test',
      outputs: {
        explanationId: row.id,
        fallbackReason: 'ungrounded',
        accepted: { source: 'builtin' },
        verdicts: [{ ok: false }, { ok: false }, { ok: true }],
      },
    });
    expect(run.reasoning).toContain(
      `not in the invoice data (attempt 1: ${MADE_UP_AMOUNT}; attempt 2: ${MADE_UP_AMOUNT})`,
    );
    expect(audit).toMatchObject({
      actorType: 'agent',
      actorId: 'invoice-explainer',
      agentVersion: '1.0.0',
      model: 'openai-compatible/fake',
      data: { verdict: { ok: true, fallbackReason: 'ungrounded' } },
    });
  });

  it('stores a grounded model answer with its provider, model and prompt version', async () => {
    const world = await createInvoiceWorld();
    const { sheet } = await buildStoredInvoiceFacts(getDb(), world.march.id);
    server.setReplies(JSON.stringify(groundedAnswer(sheet)));
    useModel(server);
    await runExplainerJob({ objectId: world.march.id, trigger: 'invoice.created' });
    const row = await getDb().invoiceExplanation.findFirstOrThrow({
      where: { invoiceId: world.march.id },
      include: { agentRun: true },
    });
    expect(row).toMatchObject({
      source: 'model',
      provider: 'openai-compatible',
      modelId: 'fake',
      promptVersion: PROMPT_VERSION,
      verdict: { ok: true, fallbackReason: null },
    });
    expect(row.summary).toBe(groundedAnswer(sheet).summary);
    expect(row.agentRun?.reasoning).toMatch(/^openai-compatible · fake wrote the explanation/);
  });

  it('falls back when the model server fails, and says so', async () => {
    const world = await createInvoiceWorld();
    server.setReplies({ status: 500, error: 'model not loaded' });
    useModel(server);
    const view = await explainStoredInvoice({
      invoiceId: world.march.id,
      trigger: { type: 'on_demand' },
      actor: system,
    });
    expect(view).toMatchObject({
      source: 'builtin',
      fallbackReason: 'model_error',
      writerLabel: 'Built-in writer (the model could not be reached)',
    });
    const { run } = await storedRecords(view.id);
    expect(run.reasoning).toMatch(/model not loaded/);
  });

  it('the job retries until the invoice and its triggering webhook event are committed, and runs once per trigger', async () => {
    await expect(runExplainerJob({ objectId: 'in_not_yet_committed', trigger: 'invoice.created' })).rejects.toThrow(
      /not stored \(yet\)/,
    );
    const world = await createInvoiceWorld();
    const inbox = await getDb().webhookEvent.create({
      data: {
        source: 'stripe',
        eventId: `evt_${world.tag}`,
        type: 'invoice.finalized',
        payload: {},
        rawBody: '{}',
        status: 'processing',
      },
    });
    const payload = {
      objectId: world.march.externalId!,
      trigger: 'invoice.finalized',
      sourceRef: `webhook_events:${inbox.id}`,
    };
    await expect(runExplainerJob(payload)).rejects.toThrow(/not stored \(yet\)/);
    await getDb().webhookEvent.update({ where: { id: inbox.id }, data: { status: 'processed' } });
    await runExplainerJob(payload);
    // A second delivery of the same job is a no-op.
    await runExplainerJob(payload);
    expect(await getDb().invoiceExplanation.count({ where: { invoiceId: world.march.id } })).toBe(1);
  });
});
