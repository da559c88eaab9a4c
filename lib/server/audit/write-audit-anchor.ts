import { appendFileSync, existsSync, mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Db } from '@/lib/db';
import { clock } from '@/lib/clock';

export interface AuditAnchor {
  sequence: string;
  hash: string;
  occurredAt?: string;
  anchoredAt?: string;
}

// The latest chain hash, written outside the database (appended to a file, and a log line) as
// an external anchor: someone who can rewrite the database and recompute every hash still cannot
// change the anchors already shipped to logs and backups. The file is append-only (one JSON line
// per anchor): overwriting a single anchor let the newest rows be deleted with the anchor
// quietly rewritten to match.
export async function writeAuditAnchor(db: Db, file: string): Promise<{ sequence: string; hash: string } | null> {
  const last = await db.auditEvent.findFirst({
    orderBy: { sequence: 'desc' },
    select: { sequence: true, hash: true, occurredAt: true },
  });
  if (!last) return null;
  const anchor: AuditAnchor = {
    sequence: last.sequence.toString(),
    hash: last.hash,
    occurredAt: last.occurredAt.toISOString(),
    anchoredAt: clock.now().toISOString(),
  };
  const previous = readAuditAnchors(file).at(-1);
  if (previous?.sequence === anchor.sequence && previous.hash === anchor.hash) return anchor;
  mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  appendFileSync(file, `${JSON.stringify(anchor)}\n`);
  console.log(`[audit-anchor] sequence=${anchor.sequence} hash=${anchor.hash}`);
  return { sequence: anchor.sequence, hash: anchor.hash };
}

// Every anchor written so far, oldest first. Reads the older single-object file too.
export function readAuditAnchors(file: string): AuditAnchor[] {
  if (!existsSync(file)) return [];
  const text = readFileSync(file, 'utf8').trim();
  if (!text) return [];
  if (text.startsWith('{') && text.includes('\n  ')) return [JSON.parse(text) as AuditAnchor];
  return text.split('\n').map((line) => JSON.parse(line) as AuditAnchor);
}
