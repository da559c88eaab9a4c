import { ApiClientError } from './api-client';

/**
 * The server's validation issues of an error, by field path ("amountMinor", "payload.memo" →
 * "memo" when `under` is "payload"), so a form shows each beside its field. Issues on paths the
 * form has no field for stay in `rest`, worded with their path, never dropped.
 */
export function fieldErrors(
  err: unknown,
  fields: readonly string[],
  under?: string,
): { byField: Record<string, string>; rest: string[]; message: string | null } {
  if (!err) return { byField: {}, rest: [], message: null };
  const message = err instanceof Error ? err.message : String(err);
  const issues = err instanceof ApiClientError && Array.isArray(err.issues) ? err.issues : [];
  const byField: Record<string, string> = {};
  const rest: string[] = [];
  for (const issue of issues as { path?: unknown; message?: unknown }[]) {
    const segments = Array.isArray(issue.path) ? issue.path.map(String) : [];
    if (under && segments[0] === under) segments.shift();
    const path = segments.join('.');
    const text = typeof issue.message === 'string' ? issue.message : 'Not valid';
    if (fields.includes(path)) byField[path] ??= text;
    else rest.push(path ? `${path}: ${text}` : text);
  }
  // With field issues, the generic "The request is not valid" says nothing more: leave it out.
  return { byField, rest, message: issues.length ? null : message };
}
