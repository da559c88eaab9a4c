// The console's browser-facing security headers, per request. Scripts run only with this
// request's nonce ('strict-dynamic' lets Next's own chunks load what they import); styles allow
// inline because React and Radix set style attributes; nothing may frame the console.
export function contentSecurityPolicy(nonce: string, dev: boolean): string {
  return [
    `default-src 'self'`,
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? ` 'unsafe-eval'` : ''}`,
    `style-src 'self' 'unsafe-inline'`,
    // https: images: an e-mail preview (sandboxed iframe) shows the logo its recipient will see.
    `img-src 'self' data: blob: https:`,
    `font-src 'self' data:`,
    `connect-src 'self'${dev ? ' ws: wss:' : ''}`,
    `object-src 'none'`,
    `base-uri 'self'`,
    `form-action 'self'`,
    `frame-ancestors 'none'`,
  ].join('; ');
}

export const PERMISSIONS_POLICY =
  'camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=(), browsing-topics=()';

// Only over https: over plain http the browser ignores it, and a local console must stay reachable.
export const STRICT_TRANSPORT_SECURITY = 'max-age=31536000; includeSubDomains';

export function newNonce(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return btoa(String.fromCharCode(...bytes));
}
