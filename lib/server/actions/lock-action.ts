import type { Tx } from '@/lib/db';
import { notFound } from '@/lib/errors';

// Row-locks an action for the rest of the transaction, so two tabs approving, or an edit racing
// an approval, are applied one after the other and the second sees the first's result.
export async function lockAction(tx: Tx, id: string) {
  const locked = await tx.$queryRaw<{ id: string }[]>`SELECT id FROM actions WHERE id = ${id} FOR UPDATE`;
  if (!locked.length) throw notFound('Action');
  return tx.action.findUniqueOrThrow({
    where: { id },
    include: { revisions: { orderBy: { revision: 'desc' }, take: 1 }, approvals: true },
  });
}
