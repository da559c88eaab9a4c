import http from 'node:http';
import https from 'node:https';
import { getEnv } from '@/lib/env';
import { checkOutboundUrl, type CheckedTarget } from './check-outbound-url';

export interface HttpAnswer {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

/** The SSRF check every outbound call passes (the same settings as the outbox). */
export function checkUrl(raw: string): Promise<CheckedTarget> {
  const env = getEnv();
  return checkOutboundUrl(raw, {
    allowLoopback: env.OUTBOUND_ALLOW_LOOPBACK,
    allowedPorts: env.OUTBOUND_ALLOWED_PORTS,
  });
}

/** An http(s) agent that connects only to the checked address: DNS cannot be rebound after the check. */
export function pinnedAgent(target: CheckedTarget): http.Agent {
  const lookup = ((_h: string, opts: { all?: boolean }, cb: (...a: unknown[]) => void) =>
    opts?.all
      ? cb(null, [{ address: target.address, family: target.family }])
      : cb(null, target.address, target.family)) as unknown as http.AgentOptions['lookup'];
  return target.url.protocol === 'https:' ? new https.Agent({ lookup }) : new http.Agent({ lookup });
}

export interface OutboundRequest {
  method: 'GET' | 'POST';
  headers?: Record<string, string>;
  body?: string;
}

// One request to a URL after the SSRF check (CRM APIs, e-mail webhooks, integration tests).
export async function requestChecked(rawUrl: string, init: OutboundRequest, deadlineMs: number): Promise<HttpAnswer> {
  return requestTarget(await checkUrl(rawUrl), init, deadlineMs);
}

// One request to an already-checked target: connected to the checked address (the lookup is
// pinned, so DNS cannot be rebound between check and connect); redirects are not followed (a 3xx
// is returned as is, and callers treat it as a failure); `deadlineMs` bounds the whole exchange —
// a socket idle timeout alone lets a receiver that drips a byte at a time hold the call forever;
// the answer's body is capped at 256 KB.
export function requestTarget(target: CheckedTarget, init: OutboundRequest, deadlineMs: number): Promise<HttpAnswer> {
  const lib = target.url.protocol === 'https:' ? https : http;
  return new Promise((resolve, reject) => {
    const req = lib.request(
      target.url,
      {
        method: init.method,
        headers: {
          'user-agent': 'Tollgate/1.0',
          ...(init.body !== undefined ? { 'content-length': String(Buffer.byteLength(init.body)) } : {}),
          ...init.headers,
        },
        lookup: (_host, _opts, cb) => cb(null, target.address, target.family),
      },
      (res) => {
        const chunks: Buffer[] = [];
        let size = 0;
        res.on('data', (c: Buffer) => {
          size += c.length;
          if (size <= 256 * 1024) chunks.push(c);
        });
        res.on('error', fail);
        res.on('end', () => {
          clearTimeout(deadline);
          resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') });
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
    req.end(init.body);
  });
}
