import { z } from 'zod';
import type { LanguageModel } from 'ai';
import { createOpenAI } from '@ai-sdk/openai';
import { createAnthropic } from '@ai-sdk/anthropic';
import { BUILTIN_WRITER_LABEL } from '@/lib/ai/builtin-writer';

// Model selection from a plain config object. lib/env.ts owns the environment and passes the
// config in; nothing here reads it (the provider factories get an explicit apiKey, so they
// never fall back to OPENAI_API_KEY / ANTHROPIC_API_KEY either).

export { BUILTIN_WRITER_LABEL };
export const BUILTIN_PROVIDER = 'builtin';
export const BUILTIN_MODEL_ID = 'builtin-writer';
export const DEFAULT_MODEL_IDS = { openai: 'gpt-4.1-mini', anthropic: 'claude-haiku-4-5' } as const;

export const aiProviderSchema = z.enum(['openai', 'anthropic', 'openai-compatible', 'builtin']);
export const aiConfigSchema = z.object({
  provider: aiProviderSchema,
  model: z.string().min(1).optional(),
  apiKey: z.string().min(1).optional(),
  /** For `openai-compatible` the server's OpenAI-style base URL, e.g. `http://localhost:11434/v1`. */
  baseURL: z.url().optional(),
});
export type AiProvider = z.infer<typeof aiProviderSchema>;
export type AiConfig = z.infer<typeof aiConfigSchema>;

/** A model object (never a model id string, which the AI SDK would send to its gateway). */
export type LanguageModelObject = Exclude<LanguageModel, string>;

export type ModelSelection =
  | { kind: 'model'; provider: string; modelId: string; label: string; model: LanguageModelObject }
  | {
      kind: 'builtin';
      provider: typeof BUILTIN_PROVIDER;
      modelId: typeof BUILTIN_MODEL_ID;
      label: typeof BUILTIN_WRITER_LABEL;
      /** Why no model is used, when one was asked for but is not usable. */
      reason: string | null;
    };

export function builtinSelection(reason: string | null = null): ModelSelection {
  return {
    kind: 'builtin',
    provider: BUILTIN_PROVIDER,
    modelId: BUILTIN_MODEL_ID,
    label: BUILTIN_WRITER_LABEL,
    reason,
  };
}

/** Wraps an AI SDK model object you already have (tests, custom providers). */
export function selectionFromModel(model: LanguageModelObject, provider?: string): ModelSelection {
  const p = provider ?? model.provider;
  return { kind: 'model', provider: p, modelId: model.modelId, label: `${p} · ${model.modelId}`, model };
}

/**
 * Config → AI SDK model or the built-in writer. No config, `builtin`, or an unusable config
 * (missing key, base URL or model id) selects the built-in writer; `reason` says why.
 */
export function selectModel(config?: AiConfig | null): ModelSelection {
  if (!config || config.provider === 'builtin') return builtinSelection();
  const parsed = aiConfigSchema.safeParse(config);
  if (!parsed.success)
    return builtinSelection(`Invalid AI configuration: ${parsed.error.issues.map((i) => i.message).join('; ')}`);
  const { provider, model, apiKey, baseURL } = parsed.data;
  switch (provider) {
    case 'openai': {
      if (!apiKey) return builtinSelection('OpenAI is selected but no API key is configured.');
      const modelId = model ?? DEFAULT_MODEL_IDS.openai;
      return selectionFromModel(createOpenAI({ apiKey, baseURL }).chat(modelId), 'openai');
    }
    case 'anthropic': {
      if (!apiKey) return builtinSelection('Anthropic is selected but no API key is configured.');
      const modelId = model ?? DEFAULT_MODEL_IDS.anthropic;
      return selectionFromModel(createAnthropic({ apiKey, baseURL })(modelId), 'anthropic');
    }
    case 'openai-compatible': {
      if (!baseURL) return builtinSelection('An OpenAI-compatible provider needs a base URL.');
      if (!model) return builtinSelection('An OpenAI-compatible provider needs a model id.');
      // Local servers (Ollama, vLLM, LM Studio) usually ignore the key, but one must be sent.
      const client = createOpenAI({ baseURL, apiKey: apiKey ?? 'not-needed', name: 'openai-compatible' });
      return selectionFromModel(client.chat(model), 'openai-compatible');
    }
    default:
      return builtinSelection();
  }
}
