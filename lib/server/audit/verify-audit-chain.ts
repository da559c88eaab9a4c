import { getDb, type Db } from '@/lib/db';
import { GENESIS_HASH, auditHash } from './audit-hash';
import { getEnv } from '@/lib/env';
import { readAuditAnchors, type AuditAnchor } from './write-audit-anchor';

export type ChainVerdict =
  | { ok: true; rows: number; lastHash: string }
  | {
      ok: false;
      rows: number;
      brokenAt: string;
      reason: 'hash_mismatch' | 'prev_hash_mismatch' | 'sequence_gap' | 'anchor_mismatch' | 'anchored_rows_missing';
    };

// Walks the chain in sequence order, in pages, recomputing every hash. Reports the first row
// whose content, link or position does not match — and, given the external anchors, a row whose
// hash differs from what was anchored (the chain was recomputed) or anchored rows that are gone
// (the newest rows were deleted, which a consistent chain alone cannot show).
export async function verifyAuditChain(
  db: Db = getDb(),
  pageSize = 2000,
  anchors: AuditAnchor[] = [],
): Promise<ChainVerdict> {
  const anchored = new Map(anchors.map((a) => [a.sequence, a.hash]));
  let prevHash = GENESIS_HASH;
  let expected = 1n;
  let rows = 0;
  for (;;) {
    const page = await db.auditEvent.findMany({
      where: { sequence: { gte: expected } },
      orderBy: { sequence: 'asc' },
      take: pageSize,
    });
    if (!page.length) {
      const highest = anchors.reduce((max, a) => (BigInt(a.sequence) > max ? BigInt(a.sequence) : max), 0n);
      if (highest >= expected)
        return { ok: false, rows, brokenAt: expected.toString(), reason: 'anchored_rows_missing' };
      return { ok: true, rows, lastHash: prevHash };
    }
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
      if (anchored.has(at) && anchored.get(at) !== hash) {
        return { ok: false, rows, brokenAt: at, reason: 'anchor_mismatch' };
      }
      prevHash = hash;
      expected += 1n;
      rows += 1;
    }
  }
}

/** The console's "Verify chain": the whole chain, checked against this instance's anchor history. */
export function verifyAuditTrail(): Promise<ChainVerdict> {
  return verifyAuditChain(getDb(), undefined, readAuditAnchors(getEnv().AUDIT_ANCHOR_FILE));
}
