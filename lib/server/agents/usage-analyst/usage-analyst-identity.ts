// Who the usage analyst is in decision records, actions and the audit trail. The version moves
// whenever its rules change, so every AgentRun says which rules produced it.
export const USAGE_ANALYST_ID = 'usage-analyst';
export const USAGE_ANALYST_VERSION = '1.0.0';
export const USAGE_ANALYST_ACTOR = { type: 'agent' as const, id: USAGE_ANALYST_ID, version: USAGE_ANALYST_VERSION };
// Text is composed from verified facts by code, not by a model.
export const USAGE_ANALYST_MODEL = 'builtin';
