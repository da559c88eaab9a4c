import { getDb, type Db } from '@/lib/db';
import { GENESIS_HASH, auditHash } from './audit-hash';

export type ChainVerdict =
  | { ok: true; rows: number; lastHash: string }
  | { ok: false; rows: number; brokenAt: string; reason: 'hash_mismatch' | 'prev_hash_mismatch' | 'sequence_gap' };

// Walks the chain in sequence order, in pages, recomputing every hash. Reports the first row
// whose content, link or position does not match.
export async function verifyAuditChain(db: Db = getDb(), pageSize = 2000): Promise<ChainVerdict> {
  let prevHash = GENESIS_HASH;
  let expected = 1n;
  let rows = 0;
  for (;;) {
    const page = await db.auditEvent.findMany({
      where: { sequence: { gte: expected } },
      orderBy: { sequence: 'asc' },
      take: pageSize,
    });
    if (!page.length) return { ok: true, rows, lastHash: prevHash };
    for (const row of page) {
      const at = row.sequence.toString();
      if (row.sequence !== expected) return { ok: false, rows, brokenAt: expected.toString(), reason: 'sequence_gap' };
      if (row.prevHash !== prevHash) return { ok: false, rows, brokenAt: at, reason: 'prev_hash_mismatch' };
      const { hash, ...record } = row;
      if (
        auditHash({
          ...record,
          before: record.before ?? null,
          after: record.after ?? null,
          data: record.data ?? null,
        }) !== hash
      ) {
        return { ok: false, rows, brokenAt: at, reason: 'hash_mismatch' };
      }
      prevHash = hash;
      expected += 1n;
      rows += 1;
    }
  }
}
