import { selectModel } from '@/lib/ai/select-model';
import type { z } from 'zod';
import type { explanationWriterView } from '@/lib/schemas/invoices';
import { getAiConfig } from './get-ai-config';

// Which writer new explanations will come from, for the page (built-in label, whether
// Regenerate streams from a model). Selecting a model builds a client object; nothing is sent.
export function describeExplanationWriter(): z.infer<typeof explanationWriterView> {
  const s = selectModel(getAiConfig());
  return s.kind === 'model'
    ? { kind: 'model', provider: s.provider, modelId: s.modelId, label: s.label, reason: null }
    : { kind: 'builtin', provider: s.provider, modelId: s.modelId, label: s.label, reason: s.reason };
}
