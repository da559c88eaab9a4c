import { createHash, timingSafeEqual } from 'node:crypto';

/** Constant-time equality of two strings (hashed first, so unequal lengths leak nothing either). */
export function sameSecret(given: string, expected: string): boolean {
  const a = createHash('sha256').update(given).digest();
  const b = createHash('sha256').update(expected).digest();
  return timingSafeEqual(a, b) && given.length === expected.length;
}
