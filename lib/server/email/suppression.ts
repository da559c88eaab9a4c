import type { Tx } from '@/lib/db';

// The suppression list: one idea, two verbs (look up, add). A hard bounce or a complaint stops
// every e-mail to the address; an unsubscribe stops only non-transactional mail (an invoice
// reminder is still sent). A stronger reason replaces a weaker one, never the other way round.

export type SuppressionReason = 'hard_bounce' | 'complaint' | 'unsubscribe' | 'manual';
const STRENGTH: Record<SuppressionReason, number> = { unsubscribe: 1, manual: 2, complaint: 3, hard_bounce: 4 };

export const normalizeAddress = (address: string) => address.trim().toLowerCase();

export async function findSuppression(
  tx: Tx,
  address: string,
  transactional: boolean,
): Promise<{ reason: string; detail: string | null; createdAt: Date } | null> {
  const row = await tx.emailSuppression.findUnique({ where: { address: normalizeAddress(address) } });
  if (!row) return null;
  if (transactional && row.reason === 'unsubscribe') return null;
  return row;
}

export async function suppressAddress(
  tx: Tx,
  address: string,
  reason: SuppressionReason,
  detail: string | null,
  at: Date,
): Promise<boolean> {
  const key = normalizeAddress(address);
  const existing = await tx.emailSuppression.findUnique({ where: { address: key } });
  if (existing && STRENGTH[existing.reason as SuppressionReason] >= STRENGTH[reason]) return false;
  await tx.emailSuppression.upsert({
    where: { address: key },
    update: { reason, detail, createdAt: at },
    create: { address: key, reason, detail, createdAt: at },
  });
  return true;
}

export const suppressionMessage = (address: string, s: { reason: string; detail: string | null }) =>
  `${address} is on the suppression list (${s.reason.replace('_', ' ')}${s.detail ? `: ${s.detail}` : ''}); nothing was sent`;
