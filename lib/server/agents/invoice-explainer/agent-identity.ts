// Who writes invoice explanations: recorded on every AgentRun and audit event it produces.
// Bump the version when the flow (not the prompt: that has PROMPT_VERSION) changes.
export const INVOICE_EXPLAINER = { id: 'invoice-explainer', version: '1.0.0' } as const;
