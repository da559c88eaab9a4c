import { createHmac, hkdfSync, timingSafeEqual } from 'node:crypto';
import { requireAuthSecret } from '@/lib/env';

// The token in an unsubscribe link names the address and is signed, so nobody can unsubscribe
// someone else by editing a URL. It never expires: RFC 8058 one-click links must keep working for
// as long as the mail sits in an inbox. Key derived from NEXTAUTH_SECRET for this one purpose.
function key(): Buffer {
  return Buffer.from(hkdfSync('sha256', requireAuthSecret(), 'tollgate', 'email-unsubscribe', 32));
}

const mac = (address: string) => createHmac('sha256', key()).update(address).digest().subarray(0, 18);

export function signUnsubscribeToken(address: string): string {
  const normalized = address.trim().toLowerCase();
  return `${Buffer.from(normalized).toString('base64url')}.${mac(normalized).toString('base64url')}`;
}

/** The address the token was made for, or null when it is forged or malformed. */
export function verifyUnsubscribeToken(token: string): string | null {
  const [encoded, signature] = token.split('.');
  if (!encoded || !signature) return null;
  const address = Buffer.from(encoded, 'base64url').toString('utf8');
  const given = Buffer.from(signature, 'base64url');
  const expected = mac(address);
  return given.length === expected.length && timingSafeEqual(given, expected) ? address : null;
}
