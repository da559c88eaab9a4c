import { ZodError } from 'zod';
import { ApiError } from '@/lib/errors';
import { isInvalidInput, stringifyJson } from './is-invalid-input';
import { isDatabaseUnavailable } from '@/lib/server/db/is-database-unavailable';

export interface ErrorBody {
  error: { code: string; message: string; requestId: string; issues?: unknown };
}

function json(status: number, body: ErrorBody, headers?: HeadersInit) {
  return new Response(stringifyJson(body), {
    status,
    headers: { 'content-type': 'application/json', 'x-request-id': body.error.requestId, ...headers },
  });
}

function prismaCode(err: unknown): string | undefined {
  const code = (err as { code?: unknown })?.code;
  return typeof code === 'string' && /^P\d{4}$/.test(code) ? code : undefined;
}

// The error envelope of a thrown value, for any transport: status, body and extra headers.
export interface ErrorReply {
  status: number;
  body: ErrorBody;
  headers?: Record<string, string>;
}

// Maps any thrown value to the one error envelope: { error: { code, message, requestId, issues? } }.
export function errorReply(err: unknown, requestId: string): ErrorReply {
  if (err instanceof ApiError) {
    return {
      status: err.status,
      body: { error: { code: err.code, message: err.message, requestId, issues: err.issues } },
    };
  }
  if (err instanceof ZodError) {
    return {
      status: 422,
      body: {
        error: { code: 'validation_failed', message: 'The request is not valid', requestId, issues: err.issues },
      },
    };
  }
  const prisma = prismaCode(err);
  if (prisma === 'P2002') {
    return {
      status: 409,
      body: { error: { code: 'conflict', message: 'A record with these values already exists', requestId } },
    };
  }
  if (prisma === 'P2025') {
    return { status: 404, body: { error: { code: 'not_found', message: 'Resource not found', requestId } } };
  }
  if (isInvalidInput(err)) {
    return {
      status: 400,
      body: {
        error: { code: 'invalid_input', message: 'A value in the request cannot be stored or searched for', requestId },
      },
    };
  }
  if (isDatabaseUnavailable(err)) {
    console.error(`[api] ${requestId} database unavailable:`, (err as Error)?.message);
    return {
      status: 503,
      body: {
        error: { code: 'database_unavailable', message: 'The database is unavailable; retry shortly', requestId },
      },
      headers: { 'retry-after': '2' },
    };
  }
  console.error(`[api] ${requestId} unhandled error:`, err);
  return {
    status: 500,
    body: { error: { code: 'internal_error', message: 'Something went wrong on our side', requestId } },
  };
}

export function errorResponse(err: unknown, requestId: string): Response {
  const reply = errorReply(err, requestId);
  return json(reply.status, reply.body, reply.headers);
}
