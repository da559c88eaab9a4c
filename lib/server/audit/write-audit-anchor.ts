import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Db } from '@/lib/db';
import { clock } from '@/lib/clock';

// The latest chain hash, written outside the database (a file and a log line) as an external
// anchor: someone who can rewrite the database and recompute every hash still cannot change the
// anchors already shipped to logs and backups.
export async function writeAuditAnchor(db: Db, file: string): Promise<{ sequence: string; hash: string } | null> {
  const last = await db.auditEvent.findFirst({
    orderBy: { sequence: 'desc' },
    select: { sequence: true, hash: true, occurredAt: true },
  });
  if (!last) return null;
  const anchor = {
    sequence: last.sequence.toString(),
    hash: last.hash,
    occurredAt: last.occurredAt.toISOString(),
    anchoredAt: clock.now().toISOString(),
  };
  mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  writeFileSync(file, `${JSON.stringify(anchor, null, 2)}\n`);
  console.log(`[audit-anchor] sequence=${anchor.sequence} hash=${anchor.hash}`);
  return { sequence: anchor.sequence, hash: anchor.hash };
}
