import http from 'node:http';
import https from 'node:https';
import type { CheckedTarget } from './check-outbound-url';

export interface PostResult {
  status: number;
  body: string;
}

// POSTs JSON to an already-checked target, connecting to the checked address (the lookup is
// pinned, so DNS cannot be rebound between check and connect). Redirects are not followed: a 3xx
// is returned as is and treated by the caller as a failure.
export function postJson(
  target: CheckedTarget,
  payload: unknown,
  headers: Record<string, string> = {},
  timeoutMs = 10_000,
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
        timeout: timeoutMs,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.length < 64 && chunks.push(c));
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8').slice(0, 2000) }),
        );
      },
    );
    req.on('timeout', () => req.destroy(new Error(`Timed out after ${timeoutMs} ms`)));
    req.on('error', reject);
    req.end(body);
  });
}
