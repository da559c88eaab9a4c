// The support copilot's identity on its decision records. It is an interactive agent: a person's
// question starts each turn inside a request, so it has no triggers or queue and is not in the
// agent registry; its conversations are recorded through record-decision.ts like every agent's.
export const SUPPORT_COPILOT_AGENT = { id: 'support-copilot', version: '1.0.0' } as const;
