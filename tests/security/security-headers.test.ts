import { NextRequest } from 'next/server';
import { describe, expect, it } from 'vitest';
import { proxy, config } from '@/proxy';

// Finding (low): no CSP, no HSTS, no Permissions-Policy; and the dev console did not work at
// http://127.0.0.1:PORT. The e2e spec e2e/api/security-headers.spec.ts checks the built server.

const directives = (csp: string) =>
  Object.fromEntries(
    csp
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .map(([k, ...v]) => [k, v]),
  );

describe('proxy security headers', () => {
  it('a fresh nonce per request, on the response CSP and forwarded to rendering', () => {
    const a = proxy(new NextRequest('http://127.0.0.1:3140/approvals'));
    const b = proxy(new NextRequest('http://127.0.0.1:3140/approvals'));
    const nonceOf = (csp: string) => csp.match(/'nonce-([^']+)'/)?.[1];
    const [na, nb] = [
      nonceOf(a.headers.get('content-security-policy')!),
      nonceOf(b.headers.get('content-security-policy')!),
    ];
    expect(na).toMatch(/^[A-Za-z0-9+/=]{20,}$/);
    expect(na).not.toBe(nb);
    expect(a.headers.get('x-middleware-request-x-nonce')).toBe(na);
    expect(a.headers.get('x-middleware-request-content-security-policy')).toContain(`'nonce-${na}'`);
  });

  it.each([
    ['script-src', ["'self'", "'strict-dynamic'"]],
    ['frame-ancestors', ["'none'"]],
    ['object-src', ["'none'"]],
    ['base-uri', ["'self'"]],
    ['form-action', ["'self'"]],
  ])('CSP %s includes %j and never unsafe-inline scripts', (name, values) => {
    const csp = directives(
      proxy(new NextRequest('http://127.0.0.1:3140/login')).headers.get('content-security-policy')!,
    );
    for (const v of values) expect(csp[name]).toContain(v);
    expect(csp['script-src']).not.toContain("'unsafe-inline'");
  });

  it('Permissions-Policy turns off camera, microphone, geolocation and payment', () => {
    const policy = proxy(new NextRequest('http://127.0.0.1:3140/login')).headers.get('permissions-policy')!;
    for (const feature of ['camera=()', 'microphone=()', 'geolocation=()', 'payment=()'])
      expect(policy).toContain(feature);
  });

  it.each([
    ['https://console.example.com/approvals', {}, true],
    ['http://10.0.0.5:3000/approvals', { 'x-forwarded-proto': 'https' }, true],
    ['http://127.0.0.1:3140/approvals', {}, false],
  ])('HSTS on %s %j → %s', (url, headers, expected) => {
    const res = proxy(new NextRequest(url, { headers }));
    expect(res.headers.get('strict-transport-security') !== null).toBe(expected);
    if (expected) expect(res.headers.get('strict-transport-security')).toMatch(/max-age=\d{7,}/);
  });

  it('covers pages but not API routes or static assets', () => {
    const pattern = new RegExp(`^${config.matcher[0].source}$`);
    expect(pattern.test('/approvals')).toBe(true);
    expect(pattern.test('/login')).toBe(true);
    expect(pattern.test('/api/v1/actions')).toBe(false);
    expect(pattern.test('/_next/static/chunks/main.js')).toBe(false);
  });
});

describe('next.config', () => {
  it('lets the dev console run at 127.0.0.1 and localhost', async () => {
    // @ts-expect-error -- a plain JS config without type declarations
    const { default: nextConfig } = await import('../../next.config.js');
    expect((nextConfig as { allowedDevOrigins?: string[] }).allowedDevOrigins).toEqual(
      expect.arrayContaining(['127.0.0.1', 'localhost']),
    );
  });
});
