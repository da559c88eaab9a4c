import type { CheckedTarget } from './check-outbound-url';
import { requestTarget } from './request-checked';

export interface PostResult {
  status: number;
  body: string;
}

// POSTs JSON to an already-checked target (the outbox's deliveries): requestTarget's pinning,
// no redirects and whole-exchange deadline; the answer's body is kept to 2,000 characters, which
// is what a delivery record stores.
export async function postJson(
  target: CheckedTarget,
  payload: unknown,
  headers: Record<string, string> = {},
  deadlineMs = 10_000,
): Promise<PostResult> {
  const answer = await requestTarget(
    target,
    { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(payload) },
    deadlineMs,
  );
  return { status: answer.status, body: answer.body.slice(0, 2000) };
}
