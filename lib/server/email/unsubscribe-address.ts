import { getDb } from '@/lib/db';
import { ApiError } from '@/lib/errors';
import { clock } from '@/lib/clock';
import { appendAuditEvent } from '@/lib/server/audit/append-audit-event';
import { suppressAddress } from './suppression';
import { verifyUnsubscribeToken } from './unsubscribe-token';

/** "j•••@example.com": enough for the person to recognise their address, not a directory. */
export const maskAddress = (address: string) => address.replace(/^(.)[^@]*(@.*)$/, '$1•••$2');

// The public one-click unsubscribe (RFC 8058) and the unsubscribe page: the signed token names the
// address; it goes on the suppression list (non-transactional mail stops) with its audit record.
// Repeating it changes nothing; a stronger suppression (a hard bounce) is never weakened.
export async function unsubscribeAddress(token: string, requestId: string): Promise<{ address: string }> {
  const address = verifyUnsubscribeToken(token);
  if (!address) throw new ApiError(400, 'invalid_token', 'This unsubscribe link is not valid');
  await getDb().$transaction(async (tx) => {
    const added = await suppressAddress(tx, address, 'unsubscribe', 'one-click unsubscribe', clock.now());
    if (added) {
      await appendAuditEvent(tx, {
        actor: { type: 'system', id: 'unsubscribe' },
        action: 'email.unsubscribed',
        target: { type: 'email_address', id: address },
        requestId,
      });
    }
  });
  return { address: maskAddress(address) };
}

export function readUnsubscribeToken(token: string): { address: string } | null {
  const address = verifyUnsubscribeToken(token);
  return address ? { address: maskAddress(address) } : null;
}
