import { ApiError } from '@/lib/errors';

export const DEFAULT_BODY_LIMIT = 1024 * 1024;

// What reading a body needs from a transport: its headers and its bytes, capped. The Next
// routes pass a fetch Request through requestBodySource; the gateway (lib/gateway) passes a
// node:http request — so both give the same 415/413/400 answers from the same code.
export interface BodySource {
  header(name: string): string | null;
  readText(limitBytes: number): Promise<string>;
}

export function requestBodySource(req: Request): BodySource {
  return { header: (name) => req.headers.get(name), readText: (limit) => readTextCapped(req, limit) };
}

// Reads a JSON body with a size cap and a clear error for each way it can be wrong.
export async function readJsonBody(
  req: Request | BodySource,
  limitBytes = DEFAULT_BODY_LIMIT,
  types = ['application/json'],
): Promise<unknown> {
  const source = 'readText' in req ? req : requestBodySource(req);
  const type = (source.header('content-type') ?? '').split(';')[0]!.trim().toLowerCase();
  if (!types.includes(type)) {
    throw new ApiError(415, 'unsupported_media_type', `Content-Type must be ${types.join(' or ')}`);
  }
  const declared = Number(source.header('content-length') ?? '0');
  if (declared > limitBytes) throw bodyTooLarge(limitBytes);
  const text = await source.readText(limitBytes);
  if (!text.trim()) throw new ApiError(400, 'empty_body', 'The request body is empty');
  try {
    return JSON.parse(text);
  } catch {
    throw new ApiError(400, 'invalid_json', 'The request body is not valid JSON');
  }
}

export function bodyTooLarge(limit: number) {
  return new ApiError(413, 'body_too_large', `The request body is larger than ${limit} bytes`);
}

// Counts bytes while streaming, so a lying or absent Content-Length cannot exhaust memory.
export async function readTextCapped(req: Request, limitBytes: number): Promise<string> {
  if (!req.body) return '';
  const reader = req.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limitBytes) {
      await reader.cancel();
      throw bodyTooLarge(limitBytes);
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString('utf8');
}
