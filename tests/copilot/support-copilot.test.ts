import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { MockLanguageModelV4 } from 'ai/test';
import { getDb } from '@/lib/db';
import { selectModel, selectionFromModel } from '@/lib/ai/select-model';
import { BUILTIN_ANSWER_LABEL } from '@/lib/ai/copilot/builtin-answer';
import { answerCopilotQuestion } from '@/lib/server/copilot/answer-copilot-question';
import { createCopilotDataSource } from '@/lib/server/copilot/create-copilot-data-source';
import { getCustomerApiErrors } from '@/lib/server/support/get-customer-api-errors';
import { getCustomerBilling } from '@/lib/server/support/get-customer-billing';
import { getCustomerPayments } from '@/lib/server/support/get-customer-payments';
import {
  startFakeOpenAIServer,
  type FakeOpenAIRequest,
  type FakeOpenAIServer,
} from '@/tests/fixtures/fake-openai-server';
import { createUser } from '../invoices/world';
import { createCopilotWorld } from './copilot-world';

// The support copilot on real PostgreSQL: the customer-page data it reads, the built-in answer
// with no model, a fake OpenAI-compatible server scripted to call tools, the AI SDK's mock model,
// the grounding check with its one regeneration and fallback, and the decision record.

const QUESTION = 'Why is my invoice higher this month?';
let server: FakeOpenAIServer;
const fakeModel = () => selectModel({ provider: 'openai-compatible', baseURL: server.baseURL, model: 'fake-model' });

async function ask(
  customerId: string,
  userId: string,
  model: Parameters<typeof answerCopilotQuestion>[0]['model'],
  question = QUESTION,
  conversationId?: string,
) {
  const turn = await answerCopilotQuestion({ customerId, userId, question, model, conversationId });
  let streamed = '';
  for await (const d of turn.textStream) streamed += d;
  return { streamed, result: await turn.done };
}

/** The content of the last tool message of a request (what a tool returned to the model). */
function lastToolOutput(req: FakeOpenAIRequest): Record<string, unknown> {
  const messages = req.body.messages as Array<{ role: string; content: string }>;
  const tool = [...messages].reverse().find((m) => m.role === 'tool');
  return JSON.parse(tool?.content ?? '{}') as Record<string, unknown>;
}

beforeAll(async () => {
  server = await startFakeOpenAIServer();
});
afterAll(async () => server.close());
beforeEach(() => {
  server.requests.length = 0;
});

describe('customer support data', () => {
  it('prices the overage, reads decline reasons and dunning, and groups API errors by endpoint', async () => {
    const w = await createCopilotWorld();
    const billing = await getCustomerBilling(w.customer.id);
    expect(billing.plan).toMatchObject({ name: 'Growth', basePriceMinor: 19900 });
    const payments = await getCustomerPayments(w.customer.id);
    expect(payments.attempts[0]).toMatchObject({ succeeded: false, failureCode: 'card_declined', amount: 119900 });
    expect(payments.unpaidInvoices).toEqual([
      expect.objectContaining({ id: w.march.id, dunningStage: 'retrying', attemptCount: 1 }),
    ]);
    const errors = await getCustomerApiErrors(w.customer.id, 7);
    expect(errors).toMatchObject({ totalEvents: 13, errorEvents: 8 });
    expect(errors.groups.map((g) => [g.endpoint, g.status, g.count])).toEqual([
      ['/v1/charges', 429, 6],
      ['/v1/refunds', 500, 2],
    ]);
  });
});

describe('support copilot with no model configured', () => {
  it('answers from the invoice explanation, every figure grounded, and records the conversation', async () => {
    const w = await createCopilotWorld();
    const user = await createUser('support');
    const { streamed, result } = await ask(w.customer.id, user.id, null);
    expect(result.answer).toMatchObject({
      source: 'builtin',
      label: BUILTIN_ANSWER_LABEL,
      fallbackReason: 'not_configured',
      unverifiedFigures: [],
    });
    expect(result.answer.text).toContain('$1,199.00');
    expect(result.answer.text).toContain('$599.00');
    expect(result.answer.groundedFigures).toBeGreaterThan(3);
    expect(result.answer.citations.map((c) => c.type)).toContain('invoice');
    expect(result.answer.toolsUsed).toEqual(
      expect.arrayContaining(['explain_invoice', 'get_usage', 'search_knowledge']),
    );
    expect(streamed).toBe(result.answer.text);

    const run = await getDb().agentRun.findUniqueOrThrow({ where: { id: result.conversationId } });
    expect(run).toMatchObject({
      agentId: 'support-copilot',
      customerId: w.customer.id,
      status: 'succeeded',
      modelProvider: 'builtin',
    });
    const outputs = run.outputs as {
      turns: Array<{ question: string; answer: string }>;
      writes: number;
      drafts: unknown[];
    };
    expect(outputs.turns).toHaveLength(1);
    expect(outputs).toMatchObject({ writes: 0, drafts: [] });

    const second = await ask(w.customer.id, user.id, null, 'Did the last payment fail?', result.conversationId);
    expect(second.result).toMatchObject({ conversationId: result.conversationId, turn: 2 });
    expect(second.result.answer.text).toContain('card_declined');
    const after = await getDb().agentRun.findUniqueOrThrow({ where: { id: result.conversationId } });
    expect((after.outputs as { turns: unknown[] }).turns).toHaveLength(2);
  });

  it('refuses a conversation of another customer', async () => {
    const a = await createCopilotWorld();
    const b = await createCopilotWorld();
    const user = await createUser('support');
    const first = await ask(a.customer.id, user.id, null);
    await expect(
      answerCopilotQuestion({
        customerId: b.customer.id,
        userId: user.id,
        question: 'hi',
        conversationId: first.result.conversationId,
        model: null,
      }),
    ).rejects.toMatchObject({ status: 404 });
  });
});

describe('support copilot against a fake OpenAI-compatible server', () => {
  it('calls tools, and accepts an answer whose figures come from the tool outputs', async () => {
    const w = await createCopilotWorld();
    const user = await createUser('support');
    server.setReplies({ toolCalls: [{ name: 'explain_invoice', arguments: {} }] }, (req) => {
      const out = lastToolOutput(req);
      return `${String(out.summary)} [${String(out.cite)}]`;
    });
    const { streamed, result } = await ask(w.customer.id, user.id, fakeModel());
    expect(server.requests).toHaveLength(2);
    const tools = (server.requests[0].body.tools as Array<{ function: { name: string } }>).map((t) => t.function.name);
    expect(tools.sort()).toEqual([
      'explain_invoice',
      'get_api_errors',
      'get_payments',
      'get_subscription',
      'get_tickets',
      'get_usage',
      'list_invoices',
      'search_knowledge',
    ]);
    expect(result.answer).toMatchObject({
      source: 'model',
      label: 'openai-compatible · fake-model',
      fallbackReason: null,
      unverifiedFigures: [],
    });
    expect(result.answer.text).toContain('$1,199.00');
    expect(result.answer.citations).toEqual([expect.objectContaining({ ref: 'S1', type: 'invoice', id: w.march.id })]);
    expect(result.streamedDraftAccepted).toBe(true);
    expect(streamed).toBe(result.answer.text);
    const run = await getDb().agentRun.findUniqueOrThrow({ where: { id: result.conversationId } });
    expect(run).toMatchObject({
      modelProvider: 'openai-compatible',
      modelId: 'fake-model',
      promptVersion: 'support-copilot/v1',
    });
    expect((run.outputs as { toolCalls: Array<{ name: string }> }).toolCalls.map((c) => c.name)).toEqual([
      'explain_invoice',
    ]);
  });

  it('rejects a made-up figure, regenerates once naming it, then falls back to the built-in answer', async () => {
    const w = await createCopilotWorld();
    const user = await createUser('support');
    server.setReplies(
      { toolCalls: [{ name: 'get_usage', arguments: {} }] },
      'Your invoice went up because we applied a $5,000 credit last week.',
      'It went up by $4,321.00 this month.',
    );
    const { result } = await ask(w.customer.id, user.id, fakeModel());
    expect(server.requests).toHaveLength(3);
    expect(JSON.stringify(server.requests[2].body.messages)).toContain('$5,000');
    expect(result.answer).toMatchObject({ source: 'builtin', fallbackReason: 'ungrounded', unverifiedFigures: [] });
    expect(result.streamedDraftAccepted).toBe(false);
    const run = await getDb().agentRun.findUniqueOrThrow({ where: { id: result.conversationId } });
    const [turn] = (
      run.outputs as { turns: Array<{ attempts: Array<{ source: string; ok: boolean; unverified: string[] }> }> }
    ).turns;
    expect(turn.attempts.map((a) => [a.source, a.ok, a.unverified])).toEqual([
      ['model', false, ['$5,000']],
      ['model', false, ['$4,321.00']],
      ['builtin', true, []],
    ]);
  });

  it('cannot reach another customer’s invoice through a tool argument', async () => {
    const mine = await createCopilotWorld();
    const other = await createCopilotWorld();
    const user = await createUser('support');
    server.setReplies({ toolCalls: [{ name: 'explain_invoice', arguments: { invoiceId: other.march.id } }] }, (req) =>
      JSON.stringify(lastToolOutput(req)),
    );
    const { result } = await ask(mine.customer.id, user.id, fakeModel());
    const run = await getDb().agentRun.findUniqueOrThrow({ where: { id: result.conversationId } });
    const calls = (run.outputs as { toolCalls: Array<{ name: string; result: unknown }> }).toolCalls;
    expect(calls[0]).toMatchObject({ name: 'explain_invoice', result: null });
    expect(JSON.stringify(run.outputs)).not.toContain(other.march.number!);
  });
});

describe('support copilot with the AI SDK mock model', () => {
  const usage = {
    inputTokens: { total: 10, noCache: 10, cacheRead: 0, cacheWrite: 0 },
    outputTokens: { total: 5, text: 5, reasoning: 0 },
  };
  const streamOf = (parts: unknown[]) => ({
    stream: new ReadableStream({
      start(c) {
        c.enqueue({ type: 'stream-start', warnings: [] });
        for (const p of parts) c.enqueue(p);
        c.close();
      },
    }),
  });
  const finish = (reason: 'stop' | 'tool-calls') => ({
    type: 'finish',
    finishReason: { unified: reason, raw: reason },
    usage,
  });

  it('streams a tool-using answer and accepts it when grounded', async () => {
    const w = await createCopilotWorld();
    const user = await createUser('support');
    const model = new MockLanguageModelV4({
      provider: 'mock-provider',
      modelId: 'mock-1',
      doStream: [
        streamOf([
          { type: 'tool-call', toolCallId: 'c1', toolName: 'get_payments', input: '{}' },
          finish('tool-calls'),
        ]),
        streamOf([
          { type: 'text-start', id: 't' },
          { type: 'text-delta', id: 't', delta: 'The last attempt for $1,199.00 was declined ' },
          { type: 'text-delta', id: 't', delta: '(card_declined).' },
          { type: 'text-end', id: 't' },
          finish('stop'),
        ]),
      ],
    });
    const { streamed, result } = await ask(
      w.customer.id,
      user.id,
      selectionFromModel(model),
      'Why did the payment fail?',
    );
    expect(result.answer).toMatchObject({ source: 'model', unverifiedFigures: [], toolsUsed: ['get_payments'] });
    expect(streamed).toBe('The last attempt for $1,199.00 was declined (card_declined).');
    expect(model.doStreamCalls).toHaveLength(2);
  });
});

describe('data source scope', () => {
  it('is bound to one customer', async () => {
    const w = await createCopilotWorld();
    const source = await createCopilotDataSource(w.customer.id);
    expect(source.customer.id).toBe(w.customer.id);
    expect(source.currency).toBe('usd');
  });
});
