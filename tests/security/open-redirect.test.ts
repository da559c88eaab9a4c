import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { LoginForm } from '@/components/auth/login-form';
import { safeCallbackUrl } from '@/lib/auth/safe-callback-url';

// Finding #4: `/login?callbackUrl=/%5Cevil.example` sent people to `/\evil.example`, which
// browsers open as https://evil.example. And the form had no method, so Enter before hydration
// put the e-mail and password into the URL.

const ORIGIN = 'http://127.0.0.1:3140';

describe('callback after sign-in stays on the console', () => {
  it.each([
    '/\\evil.example',
    '/\\/evil.example',
    '\\\\evil.example',
    '//evil.example',
    '///evil.example',
    '/\t/evil.example',
    '/%0a/evil.example'.replace('%0a', '\n'),
    'https://evil.example/approvals',
    'http://127.0.0.1:3141/approvals',
    'javascript:alert(1)',
    'JavaScript:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    'https:/\\evil.example',
    '//127.0.0.1:3140@evil.example',
    '/login',
    '/api/auth/signout',
    '',
  ])('%j → the default page', (raw) => {
    expect(safeCallbackUrl(raw, ORIGIN)).toBe('/overview');
  });

  it.each([
    ['/customers/cus_1?tab=usage', '/customers/cus_1?tab=usage'],
    ['/audit#latest', '/audit#latest'],
    [`${ORIGIN}/invoices`, '/invoices'],
    ['customers', '/customers'],
    ['/approvals/../settings', '/settings'],
  ])('%j → %j', (raw, expected) => {
    expect(safeCallbackUrl(raw, ORIGIN)).toBe(expected);
  });

  it('a browser resolving the result lands on the console origin', () => {
    for (const raw of ['/\\evil.example', '/customers', '\\/evil.example']) {
      expect(new URL(safeCallbackUrl(raw, ORIGIN), ORIGIN).origin).toBe(ORIGIN);
    }
  });
});

describe('login form before hydration', () => {
  it('submits with POST to the credentials callback, never GET', () => {
    const html = renderToStaticMarkup(createElement(LoginForm, { callbackUrl: '/approvals', oidcName: null }));
    const form = html.match(/<form[^>]*>/)?.[0] ?? '';
    expect(form).toMatch(/method="post"/);
    expect(form).toMatch(/action="\/api\/auth\/callback\/credentials"/);
  });
});
