import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { getDb, getPool } from '@/lib/db';
import { proposeAction } from '@/lib/server/actions/propose-action';
import { makeWorld, setPolicy } from '../actions/world';
import { uniq } from '../helpers/fresh-database';

// Finding #8, stored data: drafts written before the fix still held webhook URLs (shown in action
// details to every role), and undelivered messages still named raw URLs.

const MIGRATION = readFileSync('prisma/migrations/20261201213100_drop_draft_webhook_urls/migration.sql', 'utf8');

describe('migration drop_draft_webhook_urls', () => {
  it('strips webhook URLs from stored drafts and reroutes undelivered URL messages to the default', async () => {
    const w = await makeWorld();
    await setPolicy('slack_post', { mode: 'assist' });
    const { actionId } = await getDb().$transaction((tx) =>
      proposeAction(tx, {
        kind: 'slack_post',
        customerId: w.customer.id,
        title: 'Old draft',
        payload: { text: 'hi' },
        actor: { type: 'user', id: w.revops.id },
      }),
    );
    await getPool().query(
      `UPDATE action_revisions SET payload = payload || '{"webhookUrl": "https://hooks.slack.com/services/T/B/old"}' WHERE action_id = $1`,
      [actionId],
    );
    const pending = await getDb().outboxMessage.create({
      data: {
        channel: 'slack',
        destination: 'https://hooks.slack.com/x',
        payload: { text: 'x' },
        idempotencyKey: uniq('m'),
      },
    });
    const sent = await getDb().outboxMessage.create({
      data: {
        channel: 'crm',
        destination: 'https://crm.example.com/x',
        payload: {},
        idempotencyKey: uniq('m'),
        status: 'sent',
      },
    });

    await getPool().query(MIGRATION);

    const revision = await getDb().actionRevision.findFirstOrThrow({ where: { actionId: actionId! } });
    expect(revision.payload).toEqual({ text: 'hi' });
    expect((await getDb().outboxMessage.findUniqueOrThrow({ where: { id: pending.id } })).destination).toBe(
      'default:slack',
    );
    expect((await getDb().outboxMessage.findUniqueOrThrow({ where: { id: sent.id } })).destination).toBe(
      'https://crm.example.com/x',
    );
    await getDb().outboxMessage.update({ where: { id: pending.id }, data: { status: 'dead' } });
  });
});
