// The bands a person acts on. A decision record is written when a customer enters or leaves
// one — not for every daily recomputation — so the decision log reads as a list of changes.
export const EXPANSION_READY = 70;
export const AT_RISK = 60;

export type Band = 'expansion_ready' | 'at_risk';

export function bandsOf(s: { expansion: number; churnRisk: number }): Band[] {
  return [
    ...(s.expansion >= EXPANSION_READY ? (['expansion_ready'] as const) : []),
    ...(s.churnRisk >= AT_RISK ? (['at_risk'] as const) : []),
  ];
}

export function bandChanges(before: Band[], after: Band[]) {
  return {
    entered: after.filter((b) => !before.includes(b)),
    left: before.filter((b) => !after.includes(b)),
  };
}
