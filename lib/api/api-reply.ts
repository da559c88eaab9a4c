import type { BodySource } from './read-json-body';
import type { IngestCaller } from '@/lib/server/ingest/authenticate-ingest-token';

// A transport-neutral answer: the Next route turns it into a fetch Response, the gateway writes
// it to a node:http response. Errors are thrown (ApiError, ZodError …) and mapped by each
// transport through errorReply, so both send the same envelope.
export interface ApiReply {
  status: number;
  body: unknown;
}

// The request → reply logic of an ingest-token endpoint, shared by both transports. Each
// transport resolves the request id and the caller (authenticateIngestToken) before calling it.
export interface TokenEndpoint {
  path: string;
  handle: (caller: IngestCaller, source: BodySource, requestId: string) => Promise<ApiReply>;
}

export function replyResponse(reply: ApiReply, requestId: string): Response {
  return Response.json(reply.body, {
    status: reply.status,
    headers: { 'x-request-id': requestId, 'cache-control': 'no-store' },
  });
}
