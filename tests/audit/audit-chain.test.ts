import { describe, expect, it } from 'vitest';
import { appendAuditEvent } from '@/lib/server/audit/append-audit-event';
import { verifyAuditChain } from '@/lib/server/audit/verify-audit-chain';
import { createFreshDatabase } from '../helpers/fresh-database';

describe('audit hash chain', () => {
  it('stays contiguous under concurrent appends and verifies', async () => {
    const fresh = await createFreshDatabase('audit');
    try {
      await Promise.all(
        Array.from({ length: 25 }, (_, i) =>
          fresh.db.$transaction((tx) =>
            appendAuditEvent(tx, {
              actor: { type: 'user', id: `u${i % 3}` },
              action: 'test.appended',
              target: { type: 'thing', id: String(i) },
              data: { i, nested: { b: 2, a: [1, 'x', null] } },
              before: { amount: 100 },
              after: { amount: 250 },
            }),
          ),
        ),
      );
      const rows = await fresh.db.auditEvent.findMany({ orderBy: { sequence: 'asc' } });
      expect(rows.map((r) => Number(r.sequence))).toEqual(Array.from({ length: 25 }, (_, i) => i + 1));
      for (let i = 1; i < rows.length; i++) expect(rows[i]!.prevHash).toBe(rows[i - 1]!.hash);
      expect(await verifyAuditChain(fresh.db, 7)).toEqual({ ok: true, rows: 25, lastHash: rows.at(-1)!.hash });
    } finally {
      await fresh.drop();
    }
  });

  it('rolls back with the transaction it belongs to', async () => {
    const fresh = await createFreshDatabase('audit_rb');
    try {
      await expect(
        fresh.db.$transaction(async (tx) => {
          await appendAuditEvent(tx, {
            actor: { type: 'system' },
            action: 'test.rolled_back',
            target: { type: 't', id: '1' },
          });
          throw new Error('change failed');
        }),
      ).rejects.toThrow('change failed');
      expect(await fresh.db.auditEvent.count()).toBe(0);
    } finally {
      await fresh.drop();
    }
  });

  it('pinpoints the first tampered row when someone edits history with the trigger disabled', async () => {
    const fresh = await createFreshDatabase('audit_tamper');
    try {
      for (let i = 0; i < 6; i++) {
        await fresh.db.$transaction((tx) =>
          appendAuditEvent(tx, {
            actor: { type: 'agent', id: 'usage-analyst', version: '1.0.0' },
            action: 'agent.decided',
            target: { type: 'customer', id: `c${i}` },
            data: { credit: 1000 + i },
            model: 'builtin',
            reasoning: 'because',
          }),
        );
      }
      expect((await verifyAuditChain(fresh.db)).ok).toBe(true);
      await fresh.pool.query('ALTER TABLE audit_events DISABLE TRIGGER audit_events_no_update_delete');
      await fresh.pool.query(`UPDATE audit_events SET data = '{"credit": 999999}' WHERE sequence = 4`);
      await fresh.pool.query('ALTER TABLE audit_events ENABLE TRIGGER audit_events_no_update_delete');
      expect(await verifyAuditChain(fresh.db)).toEqual({ ok: false, rows: 3, brokenAt: '4', reason: 'hash_mismatch' });
    } finally {
      await fresh.drop();
    }
  });

  it('detects a deleted row as a gap', async () => {
    const fresh = await createFreshDatabase('audit_gap');
    try {
      for (let i = 0; i < 4; i++)
        await fresh.db.$transaction((tx) =>
          appendAuditEvent(tx, { actor: { type: 'system' }, action: 'x', target: { type: 't', id: String(i) } }),
        );
      await fresh.pool.query('ALTER TABLE audit_events DISABLE TRIGGER audit_events_no_update_delete');
      await fresh.pool.query('DELETE FROM audit_events WHERE sequence = 2');
      expect(await verifyAuditChain(fresh.db)).toMatchObject({ ok: false, brokenAt: '2', reason: 'sequence_gap' });
    } finally {
      await fresh.drop();
    }
  });
});
