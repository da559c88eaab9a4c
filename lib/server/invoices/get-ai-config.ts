import { getEnv } from '@/lib/env';
import type { AiConfig } from '@/lib/ai/select-model';

// The model behind explanations, from the validated environment (AI_*). lib/ai never reads the
// environment itself; null selects the built-in writer.
export function getAiConfig(): AiConfig | null {
  const env = getEnv();
  if (env.AI_PROVIDER === 'builtin') return null;
  return { provider: env.AI_PROVIDER, model: env.AI_MODEL, apiKey: env.AI_API_KEY, baseURL: env.AI_BASE_URL };
}
