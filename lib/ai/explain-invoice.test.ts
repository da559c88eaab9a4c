import { describe, expect, it } from 'vitest';
import { MockLanguageModelV4 } from 'ai/test';
import { explainInvoice } from '@/lib/ai/explain-invoice';
import { streamInvoiceExplanation } from '@/lib/ai/stream-invoice-explanation';
import { BUILTIN_WRITER_LABEL, BUILTIN_WRITER_VERSION, writeBuiltinExplanation } from '@/lib/ai/builtin-writer';
import { PROMPT_VERSION } from '@/lib/ai/invoice-prompt';
import { renderExplanationText } from '@/lib/ai/render-explanation';
import { selectionFromModel } from '@/lib/ai/select-model';
import { groundedAnswer, MADE_UP_AMOUNT, ungroundedAnswer } from '@/lib/ai/sample-answers';
import { buildFactSheet } from '@/lib/invoices/build-fact-sheet';
import { sampleFebruaryInvoice, sampleMarchInvoice } from '@/lib/invoices/sample-invoices';

const facts = buildFactSheet(sampleMarchInvoice, sampleFebruaryInvoice);
const usage = {
  inputTokens: { total: 100, noCache: 100, cacheRead: 0, cacheWrite: 0 },
  outputTokens: { total: 50, text: 50, reasoning: 0 },
};
const textResult = (value: unknown) => ({
  content: [{ type: 'text' as const, text: typeof value === 'string' ? value : JSON.stringify(value) }],
  finishReason: { unified: 'stop' as const, raw: 'stop' },
  usage,
  warnings: [],
});
const streamResult = (value: unknown, chunk = 20) => {
  const text = JSON.stringify(value);
  return {
    stream: new ReadableStream({
      start(controller) {
        controller.enqueue({ type: 'stream-start', warnings: [] });
        controller.enqueue({ type: 'text-start', id: 't1' });
        for (let i = 0; i < text.length; i += chunk)
          controller.enqueue({ type: 'text-delta', id: 't1', delta: text.slice(i, i + chunk) });
        controller.enqueue({ type: 'text-end', id: 't1' });
        controller.enqueue({ type: 'finish', finishReason: { unified: 'stop', raw: 'stop' }, usage });
        controller.close();
      },
    }),
  };
};
const mockModel = (opts: ConstructorParameters<typeof MockLanguageModelV4>[0]) =>
  new MockLanguageModelV4({ provider: 'mock-provider', modelId: 'mock-model', ...opts });

describe('explainInvoice with MockLanguageModelV4', () => {
  it('accepts a grounded first answer', async () => {
    const model = mockModel({ doGenerate: textResult(groundedAnswer(facts)) });
    const result = await explainInvoice({ facts, model: selectionFromModel(model) });
    expect(result).toMatchObject({
      source: 'model',
      provider: 'mock-provider',
      modelId: 'mock-model',
      promptVersion: PROMPT_VERSION,
      fallbackReason: null,
    });
    expect(result.sections).toEqual(groundedAnswer(facts));
    expect(result.verdicts.map((v) => v.ok)).toEqual([true]);
    expect(result.facts).toBe(facts);
    expect(model.doGenerateCalls).toHaveLength(1);
    expect(JSON.stringify(model.doGenerateCalls[0].prompt)).toContain('meter.api_calls.amount');
    expect(model.doGenerateCalls[0].responseFormat).toMatchObject({ type: 'json' });
  });

  it('regenerates once with the rejected numbers pointed out, and accepts the fix', async () => {
    const model = mockModel({ doGenerate: [textResult(ungroundedAnswer(facts)), textResult(groundedAnswer(facts))] });
    const result = await explainInvoice({ facts, model: selectionFromModel(model) });
    expect(result.source).toBe('model');
    expect(result.verdicts.map((v) => v.ok)).toEqual([false, true]);
    expect(result.verdicts[0].unverified.map((n) => [n.text, n.section])).toEqual([[MADE_UP_AMOUNT, 'summary']]);
    const retryPrompt = JSON.stringify(model.doGenerateCalls[1].prompt);
    expect(retryPrompt).toContain('not in FACTS');
    expect(retryPrompt).toContain(MADE_UP_AMOUNT);
  });

  it('falls back to the built-in writer after two ungrounded answers', async () => {
    const model = mockModel({ doGenerate: textResult(ungroundedAnswer(facts)) });
    const result = await explainInvoice({ facts, model: selectionFromModel(model) });
    expect(model.doGenerateCalls).toHaveLength(2);
    expect(result).toMatchObject({
      source: 'builtin',
      provider: 'builtin',
      modelId: 'builtin-writer',
      label: BUILTIN_WRITER_LABEL,
      promptVersion: BUILTIN_WRITER_VERSION,
      fallbackReason: 'ungrounded',
    });
    expect(result.sections).toEqual(writeBuiltinExplanation(facts));
    expect(result.verdicts.map((v) => v.ok)).toEqual([false, false, true]);
    expect(result.attempts.map((a) => [a.source, a.promptVersion])).toEqual([
      ['model', PROMPT_VERSION],
      ['model', PROMPT_VERSION],
      ['builtin', BUILTIN_WRITER_VERSION],
    ]);
  });

  it('treats a failing or malformed model as a failed attempt', async () => {
    const broken = mockModel({
      doGenerate: async () => {
        throw new Error('connection refused');
      },
    });
    const r1 = await explainInvoice({ facts, model: selectionFromModel(broken), maxRetries: 0 });
    expect(r1).toMatchObject({ source: 'builtin', fallbackReason: 'model_error' });
    expect(r1.attempts[0].error).toMatch(/connection refused/);

    const malformed = mockModel({ doGenerate: [textResult('not json'), textResult(groundedAnswer(facts))] });
    const r2 = await explainInvoice({ facts, model: selectionFromModel(malformed) });
    expect(r2.source).toBe('model');
    expect(r2.attempts[0].sections).toBeNull();
  });

  it('uses the built-in writer when no model is configured', async () => {
    const result = await explainInvoice({ facts, model: null });
    expect(result).toMatchObject({ source: 'builtin', label: BUILTIN_WRITER_LABEL, fallbackReason: 'not_configured' });
    expect(result.attempts).toHaveLength(1);
    expect(result.verdict.ok).toBe(true);
  });
});

describe('streamInvoiceExplanation with MockLanguageModelV4', () => {
  const collect = async (stream: AsyncIterable<string>) => {
    const deltas: string[] = [];
    for await (const d of stream) deltas.push(d);
    return deltas;
  };

  it('streams text deltas of a grounded answer and accepts it', async () => {
    const model = mockModel({ doStream: streamResult(groundedAnswer(facts)) });
    const { textStream, result } = streamInvoiceExplanation({ facts, model: selectionFromModel(model) });
    const deltas = await collect(textStream);
    const final = await result;
    expect(deltas.length).toBeGreaterThan(3);
    expect(deltas.join('')).toBe(renderExplanationText(groundedAnswer(facts)));
    expect(final).toMatchObject({ source: 'model', streamedDraftAccepted: true, promptVersion: PROMPT_VERSION });
  });

  it('falls back when the streamed draft and the regeneration are ungrounded', async () => {
    const model = mockModel({
      doStream: streamResult(ungroundedAnswer(facts)),
      doGenerate: textResult(ungroundedAnswer(facts)),
    });
    const { textStream, result } = streamInvoiceExplanation({ facts, model: selectionFromModel(model) });
    expect((await collect(textStream)).join('')).toContain(MADE_UP_AMOUNT);
    const final = await result;
    expect(final).toMatchObject({ source: 'builtin', streamedDraftAccepted: false, fallbackReason: 'ungrounded' });
    expect(final.verdicts.map((v) => v.ok)).toEqual([false, false, true]);
  });

  it('resolves the result even when nobody reads the text stream (built-in writer)', async () => {
    const { result } = streamInvoiceExplanation({ facts });
    expect((await result).source).toBe('builtin');
  });
});
