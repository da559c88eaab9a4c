// The idempotency key sent to the billing platform for an approved revision. Derived, never
// random: a retry after a crash, a 5xx or a timeout sends the same key, so the platform applies
// the effect at most once. A new revision (an edit before approval) is a different request.
export function executionKeyFor(actionId: string, revision: number): string {
  return `tollgate-action-${actionId}-r${revision}`;
}
