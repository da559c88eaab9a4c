// What a withApi handler returns to choose its status or add headers per call while its body
// still passes the route's response schema: `return reply(view, { status: 201 })`.
const REPLY = Symbol('tollgate.reply');

export interface Reply<T> {
  [REPLY]: true;
  body: T;
  status?: number;
  headers?: Record<string, string>;
}

export function reply<T>(body: T, init: { status?: number; headers?: Record<string, string> } = {}): Reply<T> {
  return { [REPLY]: true, body, ...init };
}

export function isReply(value: unknown): value is Reply<unknown> {
  return typeof value === 'object' && value !== null && REPLY in value;
}
