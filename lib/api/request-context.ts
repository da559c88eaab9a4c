import { randomUUID } from 'node:crypto';

// A caller-supplied id is kept (so a gateway can correlate) only when it is short and plain.
export function requestIdFor(req: Request): string {
  return requestIdFrom(req.headers.get('x-request-id'));
}

export function requestIdFrom(given: string | null | undefined): string {
  return given && /^[A-Za-z0-9._:-]{1,100}$/.test(given) ? given : `req_${randomUUID().replace(/-/g, '')}`;
}

export const MUTATING_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
