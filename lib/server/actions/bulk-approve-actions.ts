import { getDb } from '@/lib/db';
import type { SessionUser } from '@/lib/auth/roles';
import { LOW_RISK_KINDS } from '@/lib/schemas/action-kinds';
import { decideInTx, type DecideResult } from './decide-action';

export type BulkItemResult = DecideResult | { id: string; error: { code: string; message: string } };

// Approves many low-risk actions (no money, no subscription change) in one go. Each item is its
// own transaction with the same checks as a single approval, so one refusal does not undo the
// others, and the caller sees a verdict per item.
export async function bulkApproveActions(
  actor: SessionUser,
  items: { id: string; revision: number }[],
  requestId: string,
): Promise<BulkItemResult[]> {
  const db = getDb();
  const kinds = await db.action.findMany({
    where: { id: { in: items.map((i) => i.id) } },
    select: { id: true, kind: true },
  });
  const results: BulkItemResult[] = [];
  for (const item of items) {
    const kind = kinds.find((k) => k.id === item.id)?.kind;
    if (!kind) {
      results.push({ id: item.id, error: { code: 'not_found', message: 'Action not found' } });
      continue;
    }
    if (!LOW_RISK_KINDS.includes(kind)) {
      results.push({
        id: item.id,
        error: { code: 'not_low_risk', message: `${kind} actions must be approved one by one` },
      });
      continue;
    }
    try {
      results.push(
        await db.$transaction((tx) =>
          decideInTx(tx, actor, item.id, { revision: item.revision, decision: 'approved' }, requestId),
        ),
      );
    } catch (err) {
      const e = err as { code?: string; message: string };
      results.push({ id: item.id, error: { code: e.code ?? 'error', message: e.message } });
    }
  }
  return results;
}
