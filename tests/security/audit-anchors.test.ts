import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appendAuditEvent } from '@/lib/server/audit/append-audit-event';
import { verifyAuditChain } from '@/lib/server/audit/verify-audit-chain';
import { readAuditAnchors, writeAuditAnchor } from '@/lib/server/audit/write-audit-anchor';
import { createFreshDatabase } from '../helpers/fresh-database';

// Finding #6 (anchor part): the anchor was one file overwritten each time, and "Verify chain" did
// not look at it — deleting the newest rows left a chain that verified.

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'tollgate-anchors-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function withChain(
  events: number,
  run: (fresh: Awaited<ReturnType<typeof createFreshDatabase>>) => Promise<void>,
) {
  const fresh = await createFreshDatabase('anchors');
  try {
    for (let i = 0; i < events; i++) await append(fresh, i);
    await run(fresh);
  } finally {
    await fresh.drop();
  }
}

const append = (fresh: Awaited<ReturnType<typeof createFreshDatabase>>, i: number) =>
  fresh.db.$transaction((tx) =>
    appendAuditEvent(tx, { actor: { type: 'system' }, action: 'test.anchor', target: { type: 't', id: String(i) } }),
  );

describe('audit anchors', () => {
  it('keep their history: each anchor is appended, none overwritten', async () => {
    const file = path.join(dir, 'history.jsonl');
    await withChain(3, async (fresh) => {
      await writeAuditAnchor(fresh.db, file);
      await writeAuditAnchor(fresh.db, file); // unchanged chain: no duplicate line
      await append(fresh, 3);
      await writeAuditAnchor(fresh.db, file);
      expect(readAuditAnchors(file).map((a) => a.sequence)).toEqual(['3', '4']);
      expect(readFileSync(file, 'utf8').trim().split('\n')).toHaveLength(2);
      expect(await verifyAuditChain(fresh.db, 2000, readAuditAnchors(file))).toMatchObject({ ok: true, rows: 4 });
    });
  });

  it('deleting the newest rows is detected against the anchors', async () => {
    const file = path.join(dir, 'truncated.jsonl');
    await withChain(5, async (fresh) => {
      await writeAuditAnchor(fresh.db, file);
      await fresh.pool.query('ALTER TABLE audit_events DISABLE TRIGGER audit_events_no_update_delete');
      await fresh.pool.query('DELETE FROM audit_events WHERE sequence >= 4');
      expect((await verifyAuditChain(fresh.db)).ok).toBe(true); // the chain alone cannot tell
      expect(await verifyAuditChain(fresh.db, 2000, readAuditAnchors(file))).toEqual({
        ok: false,
        rows: 3,
        brokenAt: '4',
        reason: 'anchored_rows_missing',
      });
    });
  });

  it('a chain rebuilt after the anchor (same length, other hashes) is detected', async () => {
    const file = path.join(dir, 'rebuilt.jsonl');
    await withChain(3, async (fresh) => {
      await writeAuditAnchor(fresh.db, file);
      await fresh.pool.query('ALTER TABLE audit_events DISABLE TRIGGER audit_events_no_update_delete');
      await fresh.pool.query('DELETE FROM audit_events WHERE sequence = 3');
      await fresh.pool.query('ALTER TABLE audit_events ENABLE TRIGGER audit_events_no_update_delete');
      await append(fresh, 99); // a fresh, valid row 3 with different content
      expect((await verifyAuditChain(fresh.db)).ok).toBe(true);
      expect(await verifyAuditChain(fresh.db, 2000, readAuditAnchors(file))).toMatchObject({
        ok: false,
        brokenAt: '3',
        reason: 'anchor_mismatch',
      });
    });
  });

  it('reads an anchor file in the older single-object format', () => {
    const file = path.join(dir, 'legacy.json');
    writeFileSync(file, `${JSON.stringify({ sequence: '7', hash: 'abc' }, null, 2)}\n`);
    expect(readAuditAnchors(file)).toEqual([{ sequence: '7', hash: 'abc' }]);
  });
});
