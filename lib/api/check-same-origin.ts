import { getEnv } from '@/lib/env';
import { ApiError } from '@/lib/errors';
import { MUTATING_METHODS } from './request-context';

// Route handlers get no CSRF protection for free: a cookie-authenticated mutation must come from
// the console's own origin. Browsers always send Origin on cross-site POSTs, so a mismatch, or a
// missing Origin without `Sec-Fetch-Site: same-origin`, is refused.
export function checkSameOrigin(req: Request): void {
  if (!MUTATING_METHODS.has(req.method)) return;
  const expected = getEnv().NEXTAUTH_URL ? new URL(getEnv().NEXTAUTH_URL!).origin : new URL(req.url).origin;
  const origin = req.headers.get('origin');
  if (origin ? origin === expected : req.headers.get('sec-fetch-site') === 'same-origin') return;
  throw new ApiError(403, 'cross_origin_request', 'This request must come from the console itself');
}
