import { ApiClientError } from '@/lib/queries/api-client';

/** The server's field errors ({ path, message }[]) keyed by dotted path: "limits.0.hardLimit". */
export function fieldErrors(error: unknown): Record<string, string> {
  if (!(error instanceof ApiClientError) || !Array.isArray(error.issues)) return {};
  const out: Record<string, string> = {};
  for (const issue of error.issues as { path?: (string | number)[]; message?: string }[]) {
    const key = (issue.path ?? []).join('.');
    if (issue.message && !(key in out)) out[key] = issue.message;
  }
  return out;
}
