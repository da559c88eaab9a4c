import http from 'node:http';
import https from 'node:https';
import type { CheckedTarget } from './check-outbound-url';

export interface PostResult {
  status: number;
  body: string;
}

// POSTs JSON to an already-checked target, connecting to the checked address (the lookup is
// pinned, so DNS cannot be rebound between check and connect). Redirects are not followed: a 3xx
// is returned as is and treated by the caller as a failure. `deadlineMs` bounds the whole
// exchange — a socket idle timeout alone lets a receiver that drips a byte at a time hold the
// delivery forever.
export function postJson(
  target: CheckedTarget,
  payload: unknown,
  headers: Record<string, string> = {},
  deadlineMs = 10_000,
): Promise<PostResult> {
  const body = JSON.stringify(payload);
  const lib = target.url.protocol === 'https:' ? https : http;
  return new Promise((resolve, reject) => {
    const req = lib.request(
      target.url,
      {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'content-length': Buffer.byteLength(body),
          'user-agent': 'Tollgate/1.0',
          ...headers,
        },
        lookup: (_host, _opts, cb) => cb(null, target.address, target.family),
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.length < 64 && chunks.push(c));
        res.on('error', fail);
        res.on('end', () => {
          clearTimeout(deadline);
          resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8').slice(0, 2000) });
        });
      },
    );
    const deadline = setTimeout(
      () => req.destroy(new Error(`No complete answer within the ${deadlineMs} ms deadline`)),
      deadlineMs,
    );
    function fail(err: Error) {
      clearTimeout(deadline);
      reject(err);
    }
    req.on('error', fail);
    req.end(body);
  });
}
