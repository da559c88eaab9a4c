import type { IncomingMessage } from 'node:http';
import { bodyTooLarge, type BodySource } from '@/lib/api/read-json-body';

function headerOf(req: IncomingMessage, name: string): string | null {
  const value = req.headers[name.toLowerCase()];
  return value === undefined ? null : Array.isArray(value) ? value.join(', ') : value;
}

// The gateway's view of a node:http request in the shapes the shared endpoint code reads:
// headers for authenticateIngestToken, a capped body for readJsonBody.
export function nodeHeaders(req: IncomingMessage): { headers: Pick<Headers, 'get'> } {
  return { headers: { get: (name) => headerOf(req, name) } };
}

export function nodeBodySource(req: IncomingMessage): BodySource {
  return { header: (name) => headerOf(req, name), readText: (limit) => readNodeBody(req, limit) };
}

// Counts bytes as they arrive (Content-Length may lie or be absent). Past the cap the rest is
// read and dropped, so the answer (413) can still be written on this connection.
function readNodeBody(req: IncomingMessage, limitBytes: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let over = false;
    req.on('data', (chunk: Buffer) => {
      if (over) return;
      size += chunk.length;
      if (size > limitBytes) {
        over = true;
        reject(bodyTooLarge(limitBytes));
      } else chunks.push(chunk);
    });
    req.on('end', () => {
      if (!over) resolve(chunks.length === 1 ? chunks[0]!.toString('utf8') : Buffer.concat(chunks).toString('utf8'));
    });
    req.on('error', reject);
  });
}
