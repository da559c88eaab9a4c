import { z } from 'zod';

// The support copilot's chat contract. A turn streams its provisional text, then
// COPILOT_STREAM_SEPARATOR and the checked turn as JSON (copilotTurnResult), like explanations.

export const COPILOT_STREAM_SEPARATOR = '\u001e';

export const copilotQuestionBody = z.object({
  question: z.string().trim().min(1).max(2_000),
  /** Continue a conversation (its decision record id); absent: a new conversation. */
  conversationId: z.string().min(1).max(100).optional(),
});

export const copilotCitation = z.object({
  ref: z.string(),
  type: z.enum(['document', 'ticket', 'invoice_explanation', 'invoice', 'customer']),
  id: z.string(),
  title: z.string(),
  snippet: z.string(),
});

export const copilotInjectionFlag = z.object({
  source: z.string(),
  field: z.string(),
  rule: z.string(),
  excerpt: z.string(),
});

export const copilotTurnResult = z.object({
  conversationId: z.string(),
  turn: z.number().int(),
  answer: z.object({
    text: z.string(),
    source: z.enum(['model', 'builtin']),
    /** Who wrote it, e.g. "openai · gpt-4.1-mini" or the built-in answer's label. */
    label: z.string(),
    fallbackReason: z.enum(['not_configured', 'ungrounded', 'model_error']).nullable(),
    groundedFigures: z.number().int(),
    unverifiedFigures: z.array(z.string()),
    citations: z.array(copilotCitation),
    injections: z.array(copilotInjectionFlag),
    toolsUsed: z.array(z.string()),
  }),
  streamedDraftAccepted: z.boolean(),
});
export type CopilotTurnResult = z.infer<typeof copilotTurnResult>;
