import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { getDb } from '@/lib/db';
import { resetEnvForTests } from '@/lib/env';
import { deliverDueOutbox } from '@/lib/server/outbox/deliver-outbox';
import { proposeAction } from '@/lib/server/actions/propose-action';
import { decideAction } from '@/lib/server/actions/decide-action';
import { runDueActions } from '@/lib/server/actions/run-due-actions';
import { createLedgerProvider } from '@/lib/server/billing/ledger-provider';
import { createIntegration } from '@/lib/server/integrations/save-integration';
import { makeWorld, setPolicy, type World } from '../actions/world';

// A real HTTP receiver on loopback stands in for Slack; OUTBOUND_ALLOW_LOOPBACK is the explicit
// test setting that lets the SSRF guard reach it.
let receiver: Server;
let url = '';
const received: { body: unknown; key: string | undefined }[] = [];
let replies: number[] = [];

beforeAll(async () => {
  receiver = createServer((req: IncomingMessage, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const status = replies.shift() ?? 200;
      if (status === 302) {
        res.writeHead(302, { location: 'http://169.254.169.254/latest/meta-data' }).end();
        return;
      }
      received.push({
        body: JSON.parse(Buffer.concat(chunks).toString()),
        key: req.headers['idempotency-key'] as string | undefined,
      });
      res.writeHead(status).end('ok');
    });
  });
  await new Promise<void>((r) => receiver.listen(0, '127.0.0.1', r));
  url = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hook`;
  process.env.OUTBOUND_ALLOW_LOOPBACK = 'true';
  resetEnvForTests();
});
afterAll(async () => {
  delete process.env.OUTBOUND_ALLOW_LOOPBACK;
  resetEnvForTests();
  await new Promise((r) => receiver.close(r));
});

let w: World;
let hookId = '';
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
  hookId ||= (await createIntegration(w.admin, { kind: 'slack', name: `outbox-test-${Date.now()}`, url }, 'r')).id;
  await setPolicy('slack_post', { mode: 'assist' });
  received.length = 0;
  replies = [];
});

async function approvedSlackPost(text: string) {
  const { actionId } = await getDb().$transaction((tx) =>
    proposeAction(tx, {
      kind: 'slack_post',
      customerId: w.customer.id,
      title: 'Runaway usage',
      payload: { text, integrationId: hookId },
      actor: { type: 'agent', id: 'usage-analyst', version: '0.1.0' },
    }),
  );
  await decideAction(w.revops, actionId!, { revision: 1, decision: 'approved' }, 'r');
  expect(await runDueActions(createLedgerProvider())).toEqual(['executed']);
  return actionId!;
}

describe('outbox delivery', () => {
  it('delivers an approved Slack post once, with an idempotency key', async () => {
    const id = await approvedSlackPost('Usage spike at Acme');
    await deliverDueOutbox();
    await deliverDueOutbox();
    expect(received).toEqual([{ body: { text: 'Usage spike at Acme' }, key: `tollgate-action-${id}-r1` }]);
    expect(await getDb().outboxMessage.findFirstOrThrow({ where: { actionId: id } })).toMatchObject({
      status: 'sent',
      attempts: 1,
    });
    // The delivery is one of the action's outbound calls (issue 17), with its answer status.
    expect(await getDb().actionOutboundCall.findMany({ where: { actionId: id } })).toEqual([
      expect.objectContaining({ target: 'outbox', method: 'POST', responseStatus: 200, aiAgentId: 'usage-analyst' }),
    ]);
  });

  it('retries after a receiver error and marks the message sent when it recovers', async () => {
    const id = await approvedSlackPost('retry me');
    replies = [503];
    await deliverDueOutbox();
    const failed = await getDb().outboxMessage.findFirstOrThrow({ where: { actionId: id } });
    expect(failed).toMatchObject({ status: 'failed', attempts: 1 });
    expect(failed.lastError).toMatch(/503/);
    await getDb().outboxMessage.update({ where: { id: failed.id }, data: { nextAttemptAt: new Date() } });
    await deliverDueOutbox();
    expect(await getDb().outboxMessage.findUniqueOrThrow({ where: { id: failed.id } })).toMatchObject({
      status: 'sent',
      attempts: 2,
    });
  });

  it('does not follow a redirect (e.g. towards the metadata service)', async () => {
    const id = await approvedSlackPost('redirect me');
    replies = [302];
    await deliverDueOutbox();
    const msg = await getDb().outboxMessage.findFirstOrThrow({ where: { actionId: id } });
    expect(msg.status).toBe('dead');
    expect(msg.lastError).toMatch(/302.*redirects are not followed/);
    expect(received).toHaveLength(0);
  });

  it('refuses a private destination outright', async () => {
    const { id: privateHook } = await createIntegration(
      w.admin,
      { kind: 'slack', name: `private-${Date.now()}`, url: 'https://10.0.0.8/hook' },
      'r',
    );
    const { actionId } = await getDb().$transaction((tx) =>
      proposeAction(tx, {
        kind: 'slack_post',
        customerId: w.customer.id,
        title: 'x',
        payload: { text: 'x', integrationId: privateHook },
        actor: { type: 'user', id: w.revops.id },
      }),
    );
    await decideAction(w.revops2, actionId!, { revision: 1, decision: 'approved' }, 'r');
    await runDueActions(createLedgerProvider());
    await deliverDueOutbox();
    const msg = await getDb().outboxMessage.findFirstOrThrow({ where: { actionId: actionId! } });
    expect(msg.status).toBe('dead');
    expect(msg.lastError).toMatch(/private/);
  });
});
