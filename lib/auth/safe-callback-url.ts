// Where to go after sign-in. The callback is resolved as a browser would resolve it against the
// console's origin, and only a same-origin result is kept — string checks miss `/\evil.example`,
// which browsers read as `//evil.example`. Anything else falls back to the overview.
export const DEFAULT_AFTER_SIGN_IN = '/overview';

export function safeCallbackUrl(raw: string | undefined | null, consoleOrigin?: string): string {
  if (!raw) return DEFAULT_AFTER_SIGN_IN;
  if (/[\u0000-\u001f\u007f]/.test(raw)) return DEFAULT_AFTER_SIGN_IN;
  const origin = new URL(consoleOrigin ?? 'http://console.invalid').origin;
  let resolved: URL;
  try {
    resolved = new URL(raw, origin);
  } catch {
    return DEFAULT_AFTER_SIGN_IN;
  }
  if (resolved.origin !== origin) return DEFAULT_AFTER_SIGN_IN;
  const target = `${resolved.pathname}${resolved.search}${resolved.hash}`;
  // The login page itself would loop; API routes are not pages to land on.
  if (resolved.pathname === '/login' || resolved.pathname.startsWith('/api/')) return DEFAULT_AFTER_SIGN_IN;
  return target.startsWith('//') ? DEFAULT_AFTER_SIGN_IN : target;
}
