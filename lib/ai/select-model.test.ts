import { afterEach, describe, expect, it, vi } from 'vitest';
import { BUILTIN_WRITER_LABEL, DEFAULT_MODEL_IDS, selectModel, selectionFromModel } from '@/lib/ai/select-model';
import { MockLanguageModelV4 } from 'ai/test';

describe('selectModel', () => {
  afterEach(() => vi.unstubAllEnvs());

  it('selects the built-in writer when nothing is configured', () => {
    for (const config of [undefined, null, { provider: 'builtin' as const }]) {
      expect(selectModel(config)).toEqual({
        kind: 'builtin',
        provider: 'builtin',
        modelId: 'builtin-writer',
        label: BUILTIN_WRITER_LABEL,
        reason: null,
      });
    }
  });

  it('builds an OpenAI model with the default model id', () => {
    const s = selectModel({ provider: 'openai', apiKey: 'sk-test' });
    expect(s).toMatchObject({ kind: 'model', provider: 'openai', modelId: DEFAULT_MODEL_IDS.openai });
    expect(s.kind === 'model' && s.model.specificationVersion).toBe('v4');
  });

  it('builds an Anthropic model', () => {
    const s = selectModel({ provider: 'anthropic', apiKey: 'sk-ant-test', model: 'claude-sonnet-4-5' });
    expect(s).toMatchObject({
      kind: 'model',
      provider: 'anthropic',
      modelId: 'claude-sonnet-4-5',
      label: 'anthropic · claude-sonnet-4-5',
    });
  });

  it('builds an OpenAI-compatible chat model for a local server', () => {
    const s = selectModel({ provider: 'openai-compatible', baseURL: 'http://127.0.0.1:11434/v1', model: 'llama3.2' });
    expect(s).toMatchObject({ kind: 'model', provider: 'openai-compatible', modelId: 'llama3.2' });
  });

  it('falls back to the built-in writer, with a reason, when the config is unusable', () => {
    expect(selectModel({ provider: 'openai-compatible', model: 'llama3.2' })).toMatchObject({
      kind: 'builtin',
      reason: expect.stringMatching(/base URL/),
    });
    expect(selectModel({ provider: 'openai-compatible', baseURL: 'http://127.0.0.1:1/v1' })).toMatchObject({
      kind: 'builtin',
      reason: expect.stringMatching(/model id/),
    });
    expect(selectModel({ provider: 'openai-compatible', baseURL: 'not a url', model: 'x' })).toMatchObject({
      kind: 'builtin',
      reason: expect.stringMatching(/Invalid/),
    });
  });

  it('never reads the API key from the environment', () => {
    vi.stubEnv('OPENAI_API_KEY', 'sk-from-env');
    vi.stubEnv('ANTHROPIC_API_KEY', 'sk-ant-from-env');
    expect(selectModel({ provider: 'openai' })).toMatchObject({
      kind: 'builtin',
      reason: expect.stringMatching(/API key/),
    });
    expect(selectModel({ provider: 'anthropic' })).toMatchObject({
      kind: 'builtin',
      reason: expect.stringMatching(/API key/),
    });
  });

  it('wraps a model object the caller already has', () => {
    const mock = new MockLanguageModelV4({ provider: 'mock-provider', modelId: 'mock-1' });
    expect(selectionFromModel(mock)).toMatchObject({
      kind: 'model',
      provider: 'mock-provider',
      modelId: 'mock-1',
      model: mock,
    });
  });
});
