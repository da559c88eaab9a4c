import { expect, test } from '@playwright/test';

// The built server sends a per-request CSP whose nonce is on every script Next renders, so the
// console still hydrates (the ui specs sign in through it) while injected scripts cannot run.
test('pages carry a nonce CSP that matches their scripts, and the other security headers', async ({ request }) => {
  const res = await request.get('/login');
  expect(res.status()).toBe(200);
  const csp = res.headers()['content-security-policy'] ?? '';
  const nonce = csp.match(/'nonce-([^']+)'/)?.[1];
  expect(nonce).toBeTruthy();
  expect(csp).toContain("frame-ancestors 'none'");
  expect(res.headers()['permissions-policy']).toContain('camera=()');
  expect(res.headers()['strict-transport-security']).toBeUndefined(); // plain http here
  const html = await res.text();
  const scripts = [...html.matchAll(/<script\b[^>]*>/g)].map((m) => m[0]);
  expect(scripts.length).toBeGreaterThan(0);
  for (const tag of scripts) expect(tag).toContain(`nonce="${nonce}"`);
  const again = await request.get('/login');
  expect(again.headers()['content-security-policy']).not.toBe(csp);
});

test('the login form posts, so credentials never land in a URL', async ({ request }) => {
  const html = await (await request.get('/login')).text();
  const form = html.match(/<form\b[^>]*>/)?.[0] ?? '';
  expect(form).toContain('method="post"');
  expect(form).toContain('action="/api/auth/callback/credentials"');
});
