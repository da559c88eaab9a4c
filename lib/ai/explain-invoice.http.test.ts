import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { explainInvoice } from '@/lib/ai/explain-invoice';
import { streamInvoiceExplanation } from '@/lib/ai/stream-invoice-explanation';
import { writeBuiltinExplanation } from '@/lib/ai/builtin-writer';
import { PROMPT_VERSION } from '@/lib/ai/invoice-prompt';
import { renderExplanationText } from '@/lib/ai/render-explanation';
import { selectModel } from '@/lib/ai/select-model';
import { groundedAnswer, MADE_UP_AMOUNT, ungroundedAnswer } from '@/lib/ai/sample-answers';
import { buildFactSheet } from '@/lib/invoices/build-fact-sheet';
import { sampleFebruaryInvoice, sampleMarchInvoice } from '@/lib/invoices/sample-invoices';
import { startFakeOpenAIServer, type FakeOpenAIServer } from '@/tests/fixtures/fake-openai-server';

// The explain flow over real HTTP against a fake OpenAI-compatible server (as Ollama, vLLM or
// LM Studio would be configured).

const facts = buildFactSheet(sampleMarchInvoice, sampleFebruaryInvoice);
let server: FakeOpenAIServer;
const model = () => selectModel({ provider: 'openai-compatible', baseURL: server.baseURL, model: 'fake-model' });
const messagesOf = (i: number) => JSON.stringify(server.requests[i].body.messages);

beforeAll(async () => {
  server = await startFakeOpenAIServer();
});
afterAll(async () => {
  await server.close();
});
beforeEach(() => {
  server.requests.length = 0;
});

describe('explainInvoice against a fake OpenAI-compatible server', () => {
  it('rejects a made-up amount, regenerates once, then falls back to the built-in writer', async () => {
    server.setReplies(JSON.stringify(ungroundedAnswer(facts)));
    const result = await explainInvoice({ facts, model: model(), maxRetries: 0 });

    expect(server.requests).toHaveLength(2);
    expect(server.requests[0].body).toMatchObject({ model: 'fake-model', response_format: { type: 'json_schema' } });
    expect(messagesOf(1)).toContain('not in FACTS');
    expect(messagesOf(1)).toContain(MADE_UP_AMOUNT);

    expect(result).toMatchObject({ source: 'builtin', fallbackReason: 'ungrounded', provider: 'builtin' });
    expect(result.sections).toEqual(writeBuiltinExplanation(facts));
    expect(result.attempts.map((a) => [a.source, a.provider, a.modelId, a.verdict.ok])).toEqual([
      ['model', 'openai-compatible', 'fake-model', false],
      ['model', 'openai-compatible', 'fake-model', false],
      ['builtin', 'builtin', 'builtin-writer', true],
    ]);
    for (const verdict of result.verdicts.slice(0, 2)) {
      expect(verdict.unverified.map((n) => n.text)).toEqual([MADE_UP_AMOUNT]);
      expect(verdict.numbers.filter((n) => n.factId !== null).length).toBeGreaterThan(5);
    }
  });

  it('accepts a grounded answer', async () => {
    server.setReplies(JSON.stringify(groundedAnswer(facts)));
    const result = await explainInvoice({ facts, model: model(), maxRetries: 0 });
    expect(server.requests).toHaveLength(1);
    expect(result).toMatchObject({
      source: 'model',
      provider: 'openai-compatible',
      modelId: 'fake-model',
      promptVersion: PROMPT_VERSION,
      fallbackReason: null,
    });
    expect(result.sections).toEqual(groundedAnswer(facts));
    expect(result.verdicts.map((v) => v.ok)).toEqual([true]);
  });

  it('accepts the regeneration when only the first answer is ungrounded', async () => {
    server.setReplies(JSON.stringify(ungroundedAnswer(facts)), JSON.stringify(groundedAnswer(facts)));
    const result = await explainInvoice({ facts, model: model(), maxRetries: 0 });
    expect(result.source).toBe('model');
    expect(result.verdicts.map((v) => v.ok)).toEqual([false, true]);
  });

  it('falls back when the server fails', async () => {
    server.setReplies({ status: 500, error: 'model not loaded' });
    const result = await explainInvoice({ facts, model: model(), maxRetries: 0 });
    expect(result).toMatchObject({ source: 'builtin', fallbackReason: 'model_error' });
    expect(result.attempts[0].error).toMatch(/model not loaded/);
  });
});

describe('streamInvoiceExplanation against a fake OpenAI-compatible server (SSE)', () => {
  it('streams a grounded answer as text deltas and accepts it', async () => {
    server.setReplies(JSON.stringify(groundedAnswer(facts)));
    const { textStream, result } = streamInvoiceExplanation({ facts, model: model(), maxRetries: 0 });
    const deltas: string[] = [];
    for await (const d of textStream) deltas.push(d);
    const final = await result;
    expect(server.requests[0].stream).toBe(true);
    expect(deltas.length).toBeGreaterThan(3);
    expect(deltas.join('')).toBe(renderExplanationText(groundedAnswer(facts)));
    expect(final).toMatchObject({ source: 'model', streamedDraftAccepted: true, modelId: 'fake-model' });
  });

  it('regenerates after an ungrounded stream and falls back', async () => {
    server.setReplies(JSON.stringify(ungroundedAnswer(facts)));
    const { result } = streamInvoiceExplanation({ facts, model: model(), maxRetries: 0 });
    const final = await result;
    expect(server.requests.map((r) => r.stream)).toEqual([true, false]);
    expect(final).toMatchObject({ source: 'builtin', streamedDraftAccepted: false });
    expect(final.verdicts.map((v) => v.ok)).toEqual([false, false, true]);
  });
});
