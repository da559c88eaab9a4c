import type { Pager } from 'recurly';

/** One page of a Recurly list and the path of the next one (null on the last page). */
export interface RecurlyPage<T> {
  data: T[];
  next: string | null;
}

// The SDK's Pager reads a list page by page but declares no way to see the cursor between
// pages. It keeps it on itself — after each page `path` is the answer's `next` and `done` is
// !has_more (recurly/lib/recurly/Pager.js) — and that is read here, so an import can checkpoint
// it. A Pager without them (a changed SDK) fails loudly rather than re-reading from the start.
export async function readRecurlyPage<T>(pager: Pager<T>): Promise<RecurlyPage<T>> {
  const first = await pager.eachPage()[Symbol.asyncIterator]().next();
  const state = pager as unknown as { path?: unknown; done?: unknown };
  if (typeof state.done !== 'boolean') throw new Error('recurly SDK: the Pager no longer exposes its cursor');
  const next = !state.done && typeof state.path === 'string' ? state.path : null;
  return { data: first.done ? [] : first.value, next };
}

/** A checkpointed `next` path → the params that list call takes to read that page again. */
export function paramsOfNext(next: string): Record<string, string> {
  return Object.fromEntries(new URL(next, 'https://v3.recurly.com').searchParams);
}
