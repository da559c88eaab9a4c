// Runs before every page: a fresh CSP nonce per request (Next reads it from the request's
// Content-Security-Policy header and puts it on its own scripts), plus Permissions-Policy and,
// over https, HSTS. Authorization is not done here — pages and routes check it themselves.
import { NextResponse, type NextRequest } from 'next/server';
import { isDevelopmentBuild } from '@/lib/env';
import {
  PERMISSIONS_POLICY,
  STRICT_TRANSPORT_SECURITY,
  contentSecurityPolicy,
  newNonce,
} from '@/lib/security/security-headers';

export function proxy(request: NextRequest) {
  const nonce = newNonce();
  const csp = contentSecurityPolicy(nonce, isDevelopmentBuild());
  const headers = new Headers(request.headers);
  headers.set('x-nonce', nonce);
  headers.set('content-security-policy', csp);
  const response = NextResponse.next({ request: { headers } });
  response.headers.set('content-security-policy', csp);
  response.headers.set('permissions-policy', PERMISSIONS_POLICY);
  const https = request.nextUrl.protocol === 'https:' || request.headers.get('x-forwarded-proto') === 'https';
  if (https) response.headers.set('strict-transport-security', STRICT_TRANSPORT_SECURITY);
  return response;
}

export const config = {
  matcher: [
    {
      source: '/((?!api|_next/static|_next/image|favicon.ico|icon.svg).*)',
      missing: [
        { type: 'header', key: 'next-router-prefetch' },
        { type: 'header', key: 'purpose', value: 'prefetch' },
      ],
    },
  ],
};
