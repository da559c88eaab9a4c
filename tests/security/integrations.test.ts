import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { getDb } from '@/lib/db';
import { parseEnv, resetEnvForTests } from '@/lib/env';
import { proposeAction } from '@/lib/server/actions/propose-action';
import { decideAction } from '@/lib/server/actions/decide-action';
import { runDueActions } from '@/lib/server/actions/run-due-actions';
import { createLedgerProvider } from '@/lib/server/billing/ledger-provider';
import { createIntegration, listIntegrations, updateIntegration } from '@/lib/server/integrations/save-integration';
import { openSecret, sealSecret } from '@/lib/server/integrations/secret-box';
import { sendIntegrationTest } from '@/lib/server/integrations/send-integration-test';
import { deliverDueOutbox } from '@/lib/server/outbox/deliver-outbox';
import { makeWorld, setPolicy, type World } from '../actions/world';
import { uniq } from '../helpers/fresh-database';

// Finding #8: webhook URLs (credentials) were shown to every role and a slack_post draft could
// name any destination. Destinations are now admin-configured integrations, encrypted at rest.

let server: Server;
let base = '';
const hits: { path: string; body: unknown }[] = [];

beforeAll(async () => {
  server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      hits.push({ path: req.url ?? '', body: JSON.parse(Buffer.concat(chunks).toString() || 'null') });
      res.writeHead(200).end('ok');
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  process.env.OUTBOUND_ALLOW_LOOPBACK = 'true';
  process.env.TOLLGATE_ENCRYPTION_KEY = Buffer.alloc(32, 7).toString('base64');
  resetEnvForTests();
});
afterAll(async () => {
  delete process.env.OUTBOUND_ALLOW_LOOPBACK;
  delete process.env.TOLLGATE_ENCRYPTION_KEY;
  delete process.env.SLACK_WEBHOOK_URL;
  resetEnvForTests();
  await new Promise((r) => server.close(r));
});

let w: World;
beforeEach(async () => {
  await getDb().action.updateMany({
    where: { status: { in: ['approved', 'executing', 'unknown'] } },
    data: { status: 'cancelled' },
  });
  await getDb().outboxMessage.updateMany({
    where: { status: { in: ['pending', 'failed', 'sending'] } },
    data: { status: 'dead' },
  });
  w = await makeWorld();
  await setPolicy('slack_post', { mode: 'assist' });
  hits.length = 0;
});

async function approvedSlackPost(payload: Record<string, unknown>) {
  const { actionId } = await getDb().$transaction((tx) =>
    proposeAction(tx, {
      kind: 'slack_post',
      customerId: w.customer.id,
      title: 'Post',
      payload: { text: 'hello', ...payload },
      actor: { type: 'agent', id: 'usage-analyst', version: '0.1.0' },
    }),
  );
  await decideAction(w.revops, actionId!, { revision: 1, decision: 'approved' }, 'r');
  await runDueActions(createLedgerProvider());
  await deliverDueOutbox();
  return getDb().outboxMessage.findFirstOrThrow({ where: { actionId: actionId! } });
}

describe('secrets at rest', () => {
  it('AES-256-GCM round-trips, and fails on another row or a flipped byte', () => {
    const sealed = sealSecret('https://hooks.slack.com/services/T/B/secret', 'int_a');
    expect(sealed).not.toContain('hooks.slack.com');
    expect(openSecret(sealed, 'int_a')).toBe('https://hooks.slack.com/services/T/B/secret');
    expect(() => openSecret(sealed, 'int_b')).toThrow();
    const parts = sealed.split('.');
    const data = Buffer.from(parts[3], 'base64url');
    data[0] ^= 1;
    expect(() => openSecret([...parts.slice(0, 3), data.toString('base64url')].join('.'), 'int_a')).toThrow();
  });

  it.each(['short', 'a'.repeat(63), Buffer.alloc(16).toString('base64')])('refuses encryption key %j', (key) => {
    expect(() => parseEnv({ TOLLGATE_ENCRYPTION_KEY: key })).toThrow(/TOLLGATE_ENCRYPTION_KEY/);
  });

  it('stores the URL only encrypted and never returns it — not in the list, not in the audit trail', async () => {
    const secretUrl = `${base}/services/${uniq('secret')}`;
    const created = await createIntegration(w.admin, { kind: 'slack', name: uniq('slack'), url: secretUrl }, 'r');
    const row = await getDb().integration.findUniqueOrThrow({ where: { id: created.id } });
    expect(row.secretCiphertext).not.toContain(secretUrl);
    expect(JSON.stringify(created)).not.toContain('/services/');
    expect(JSON.stringify(await listIntegrations())).not.toContain(secretUrl);
    const audit = await getDb().auditEvent.findMany({
      where: { targetId: created.id },
      select: { before: true, after: true, data: true },
    });
    expect(audit).toHaveLength(1);
    expect(JSON.stringify(audit)).not.toContain('/services/');
  });
});

describe('destinations come from integrations, not drafts', () => {
  it('a draft naming its own webhook URL cannot send there', async () => {
    await getDb().integration.updateMany({ where: { kind: 'slack' }, data: { disabledAt: new Date() } });
    const official = await createIntegration(
      w.admin,
      { kind: 'slack', name: uniq('main'), url: `${base}/official` },
      'r',
    );
    const msg = await approvedSlackPost({ webhookUrl: `${base}/attacker` });
    expect(msg.destination).toBe('default:slack');
    expect(msg.status).toBe('sent');
    expect(hits.map((h) => h.path)).toEqual(['/official']);
    const action = await getDb().action.findUniqueOrThrow({
      where: { id: msg.actionId! },
      include: { revisions: true },
    });
    expect(JSON.stringify(action)).not.toContain('/attacker');
    expect(official.id).toBeTruthy();
  });

  it('a Slack post may pick an integration by id', async () => {
    const pick = await createIntegration(w.admin, { kind: 'slack', name: uniq('pick'), url: `${base}/picked` }, 'r');
    const msg = await approvedSlackPost({ integrationId: pick.id });
    expect(msg).toMatchObject({ status: 'sent', destination: `integration:${pick.id}` });
    expect(hits.map((h) => h.path)).toEqual(['/picked']);
  });

  it.each([
    ['disabled', async (id: string) => void (await updateIntegration(w.admin, id, { disabled: true }, 'r'))],
    [
      'of another kind',
      async (id: string) => void (await getDb().integration.update({ where: { id }, data: { kind: 'crm' } })),
    ],
  ])('refuses an integration that is %s', async (_label, spoil) => {
    const hook = await createIntegration(w.admin, { kind: 'slack', name: uniq('spoilt'), url: `${base}/spoilt` }, 'r');
    await spoil(hook.id);
    const msg = await approvedSlackPost({ integrationId: hook.id });
    expect(msg.status).toBe('dead');
    expect(hits).toHaveLength(0);
  });

  it('a rotated URL applies to messages already queued', async () => {
    const hook = await createIntegration(w.admin, { kind: 'slack', name: uniq('rot'), url: `${base}/old` }, 'r');
    await getDb().outboxMessage.create({
      data: {
        channel: 'slack',
        destination: `integration:${hook.id}`,
        payload: { text: 'x' },
        idempotencyKey: uniq('k'),
      },
    });
    await updateIntegration(w.admin, hook.id, { url: `${base}/new` }, 'r');
    await deliverDueOutbox();
    expect(hits.map((h) => h.path)).toEqual(['/new']);
  });

  it('a raw URL in the outbox is refused', async () => {
    const msg = await getDb().outboxMessage.create({
      data: { channel: 'slack', destination: `${base}/raw`, payload: { text: 'x' }, idempotencyKey: uniq('k') },
    });
    await deliverDueOutbox();
    const after = await getDb().outboxMessage.findUniqueOrThrow({ where: { id: msg.id } });
    expect(after.status).toBe('dead');
    expect(after.lastError).toMatch(/never a URL/);
    expect(hits).toHaveLength(0);
  });

  it('SLACK_WEBHOOK_URL remains the fallback when no Slack integration is enabled', async () => {
    await getDb().integration.updateMany({ where: { kind: 'slack' }, data: { disabledAt: new Date() } });
    process.env.SLACK_WEBHOOK_URL = `${base}/from-env`;
    resetEnvForTests();
    const msg = await approvedSlackPost({});
    expect(msg.status).toBe('sent');
    expect(hits.map((h) => h.path)).toEqual(['/from-env']);
  });

  it('"Send test" posts a test message through the integration', async () => {
    const hook = await createIntegration(w.admin, { kind: 'crm', name: uniq('crm'), url: `${base}/crm` }, 'r');
    expect(await sendIntegrationTest(hook.id)).toMatchObject({ ok: true, status: 200 });
    expect(hits).toEqual([{ path: '/crm', body: expect.objectContaining({ type: 'test' }) }]);
  });
});
