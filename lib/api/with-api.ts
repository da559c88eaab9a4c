import type { z } from 'zod';
import type { Role, SessionUser } from '@/lib/auth/roles';
import { getSessionUser } from '@/lib/auth/get-session-user';
import { authenticateIngestToken, type IngestCaller } from '@/lib/server/ingest/authenticate-ingest-token';
import { forbidden, unauthorized } from './api-error';
import { checkSameOrigin } from './check-same-origin';
import { errorResponse } from './error-response';
import { readJsonBody } from './read-json-body';
import { requestIdFor } from './request-context';

// One wrapper for every API route (conventions 1–2): request id → authenticate → same-origin
// check → role check → parse input → handler → response schema → error envelope. The role check
// runs here, inside the route handler, never only in middleware.

type AuthKind = 'session' | 'token' | 'webhook' | 'public';
type Schema = z.ZodType;

interface Schemas {
  params?: Schema;
  query?: Schema;
  body?: Schema;
  response?: Schema;
}

type Infer<S, Fallback = undefined> = S extends z.ZodType ? z.infer<S> : Fallback;

export interface ApiContext<A extends AuthKind, S extends Schemas> {
  req: Request;
  requestId: string;
  user: A extends 'session' ? SessionUser : null;
  caller: A extends 'token' ? IngestCaller : null;
  params: Infer<S['params'], Record<string, string>>;
  query: Infer<S['query'], URLSearchParams>;
  body: Infer<S['body'], undefined>;
}

interface ApiOptions<A extends AuthKind, S extends Schemas> {
  auth: A;
  roles?: A extends 'session' ? readonly Role[] : never;
  schemas?: S;
  bodyLimitBytes?: number;
  handler: (ctx: ApiContext<A, S>) => Promise<unknown>;
}

type RouteContext = { params?: Promise<Record<string, string | string[]>> };

async function authenticate(auth: AuthKind, req: Request, roles?: readonly Role[]) {
  if (auth === 'session') {
    const user = await getSessionUser();
    if (!user) throw unauthorized();
    checkSameOrigin(req);
    if (roles && !roles.includes(user.role)) throw forbidden();
    return { user, caller: null };
  }
  if (auth === 'token') return { user: null, caller: await authenticateIngestToken(req) };
  return { user: null, caller: null };
}

async function parseInput(req: Request, route: RouteContext, schemas: Schemas | undefined, bodyLimit?: number) {
  const rawParams = (await route.params) ?? {};
  const url = new URL(req.url);
  const params = schemas?.params ? schemas.params.parse(rawParams) : rawParams;
  const query = schemas?.query ? schemas.query.parse(Object.fromEntries(url.searchParams)) : url.searchParams;
  const body = schemas?.body ? schemas.body.parse(await readJsonBody(req, bodyLimit)) : undefined;
  return { params, query, body };
}

function toResponse(result: unknown, requestId: string, responseSchema?: Schema): Response {
  if (result instanceof Response) {
    result.headers.set('x-request-id', requestId);
    return result;
  }
  const parsed = responseSchema?.safeParse(result);
  // A response that fails its own schema is our bug (500), not the caller's input (422).
  if (parsed && !parsed.success) throw new Error(`Response failed its schema: ${parsed.error.message}`);
  const body = parsed ? parsed.data : result;
  return Response.json(body ?? null, { headers: { 'x-request-id': requestId, 'cache-control': 'no-store' } });
}

export function withApi<A extends AuthKind, S extends Schemas = Record<never, never>>(options: ApiOptions<A, S>) {
  return async (req: Request, route: RouteContext = {}): Promise<Response> => {
    const requestId = requestIdFor(req);
    try {
      const who = await authenticate(options.auth, req, options.roles);
      const input = await parseInput(req, route, options.schemas, options.bodyLimitBytes);
      const ctx = { req, requestId, ...who, ...input } as unknown as ApiContext<A, S>;
      return toResponse(await options.handler(ctx), requestId, options.schemas?.response);
    } catch (err) {
      return errorResponse(err, requestId);
    }
  };
}
