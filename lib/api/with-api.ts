import type { z } from 'zod';
import { can, rolesWith, type Capability } from '@/lib/auth/capabilities';
import { ROLE_LABELS, type SessionUser } from '@/lib/auth/roles';
import { getSessionUser } from '@/lib/auth/get-session-user';
import { authenticateIngestToken, type IngestCaller } from '@/lib/server/ingest/authenticate-ingest-token';
import { forbidden, unauthorized } from '@/lib/errors';
import { checkSameOrigin } from './check-same-origin';
import { errorResponse } from './error-response';
import { readJsonBody } from './read-json-body';
import { isReply, type Reply } from './reply';
import { requestIdFor } from './request-context';

// One wrapper for every API route (conventions 1–2): request id → authenticate → same-origin
// check → capability check → parse input → handler → response schema → error envelope. The
// capability check runs here, inside the route handler, never only in middleware.
//
// A handler returns its body (parsed through `schemas.response`), or `reply(body, { status,
// headers })` to choose the status per call — the body is still parsed. A raw `Response` is for
// streams and files only, and a route that declares a response schema may not return one.

type AuthKind = 'session' | 'token' | 'webhook' | 'public';
type Schema = z.ZodType;

interface Schemas {
  params?: Schema;
  query?: Schema;
  body?: Schema;
  response?: Schema;
}

type Infer<S, Fallback = undefined> = S extends z.ZodType ? z.infer<S> : Fallback;
type ResponseBody<S extends Schemas> = S['response'] extends z.ZodType ? z.input<S['response']> : unknown;

export interface ApiContext<A extends AuthKind, S extends Schemas> {
  req: Request;
  requestId: string;
  user: A extends 'session' ? SessionUser : null;
  caller: A extends 'token' ? IngestCaller : null;
  params: Infer<S['params'], Record<string, string>>;
  query: Infer<S['query'], URLSearchParams>;
  body: Infer<S['body'], undefined>;
}

type HandlerResult<S extends Schemas> = ResponseBody<S> | Reply<ResponseBody<S>> | Response;

type ApiOptions<A extends AuthKind, S extends Schemas> = {
  auth: A;
  schemas?: S;
  bodyLimitBytes?: number;
  /** Status of a successful answer (default 200); `reply()` overrides it per call. */
  status?: number;
  headers?: Record<string, string>;
  handler: (ctx: ApiContext<A, S>) => Promise<HandlerResult<S>>;
} & (A extends 'session'
  ? { /** Who may call it (lib/auth/capabilities.ts) — required for session routes. */ capability: Capability }
  : { capability?: never });

type RouteContext = { params?: Promise<Record<string, string | string[]>> };

async function authenticate(auth: AuthKind, req: Request, capability?: Capability) {
  if (auth === 'session') {
    const user = await getSessionUser();
    if (!user) throw unauthorized();
    checkSameOrigin(req);
    if (!capability || !can(user, capability))
      throw forbidden(
        `This needs the ${(capability ? rolesWith(capability) : []).map((r) => ROLE_LABELS[r]).join(' or ')} role`,
      );
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

function toResponse<A extends AuthKind, S extends Schemas>(
  result: unknown,
  requestId: string,
  options: ApiOptions<A, S>,
): Response {
  const responseSchema = options.schemas?.response;
  if (result instanceof Response) {
    if (responseSchema) throw new Error('A route with a response schema returned a raw Response: use reply()');
    result.headers.set('x-request-id', requestId);
    return result;
  }
  const { body, status, headers } = isReply(result)
    ? { body: result.body, status: result.status ?? options.status, headers: result.headers }
    : { body: result, status: options.status, headers: undefined };
  const parsed = responseSchema?.safeParse(body);
  // A response that fails its own schema is our bug (500), not the caller's input (422).
  if (parsed && !parsed.success) throw new Error(`Response failed its schema: ${parsed.error.message}`);
  return Response.json(parsed ? parsed.data : (body ?? null), {
    status: status ?? 200,
    headers: { 'cache-control': 'no-store', ...options.headers, ...headers, 'x-request-id': requestId },
  });
}

export function withApi<A extends AuthKind, S extends Schemas = Record<never, never>>(options: ApiOptions<A, S>) {
  return async (req: Request, route: RouteContext = {}): Promise<Response> => {
    const requestId = requestIdFor(req);
    try {
      const who = await authenticate(options.auth, req, options.capability as Capability | undefined);
      const input = await parseInput(req, route, options.schemas, options.bodyLimitBytes);
      const ctx = { req, requestId, ...who, ...input } as unknown as ApiContext<A, S>;
      return toResponse(await options.handler(ctx), requestId, options);
    } catch (err) {
      return errorResponse(err, requestId);
    }
  };
}
