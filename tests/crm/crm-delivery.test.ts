import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { getDb } from '@/lib/db';
import { resetEnvForTests } from '@/lib/env';
import { decideAction } from '@/lib/server/actions/decide-action';
import { proposeAction } from '@/lib/server/actions/propose-action';
import { runDueActions } from '@/lib/server/actions/run-due-actions';
import { createLedgerProvider } from '@/lib/server/billing/ledger-provider';
import { crmTaskMarker } from '@/lib/server/integrations/crm/crm-task';
import { clearSalesforceTokens } from '@/lib/server/integrations/crm/salesforce-adapter';
import { createIntegration, listIntegrations, updateIntegration } from '@/lib/server/integrations/save-integration';
import { sendIntegrationTest } from '@/lib/server/integrations/send-integration-test';
import { deliverDueOutbox } from '@/lib/server/outbox/deliver-outbox';
import { makeWorld, parkOpenActions, setPolicy, type World } from '../actions/world';
import { FakeCrmServer } from '../fixtures/fake-crm-servers';

// CRM tasks end to end: an approved crm_task → the outbox → the configured provider's real API
// shape on a local fake server, associated from the stored customer → CRM mapping.
const crm = new FakeCrmServer();
let w: World;

beforeAll(async () => {
  await crm.start();
  process.env.OUTBOUND_ALLOW_LOOPBACK = 'true';
  resetEnvForTests();
  await setPolicy('crm_task', { mode: 'assist' });
});
afterAll(async () => {
  delete process.env.OUTBOUND_ALLOW_LOOPBACK;
  resetEnvForTests();
  await crm.stop();
});
beforeEach(async () => {
  const db = getDb();
  await parkOpenActions();
  await db.outboxMessage.updateMany({
    where: { status: { in: ['pending', 'failed', 'sending'] } },
    data: { status: 'dead' },
  });
  // `default:crm` is the first enabled CRM integration: each test configures its own.
  await db.integration.updateMany({ where: { kind: 'crm' }, data: { disabledAt: new Date() } });
  clearSalesforceTokens();
  crm.requests.length = 0;
  w = await makeWorld();
});

type Provider = 'salesforce' | 'hubspot' | 'gainsight';
const CREDENTIALS = {
  salesforce: () => ({ clientId: crm.salesforce.clientId, clientSecret: crm.salesforce.clientSecret }),
  hubspot: () => ({ token: crm.hubspotToken }),
  gainsight: () => ({ accessKey: crm.gainsightKey }),
};

let seq = 0;
async function configure(provider: Provider, credentials: Record<string, string> = CREDENTIALS[provider]()) {
  return createIntegration(
    w.admin,
    { kind: 'crm', name: `${provider}-${w.tag}-${++seq}`, url: crm.url, provider, credentials },
    'req',
  );
}

async function link(provider: Provider, accountId: string, contactId: string | null = null) {
  await getDb().customerCrmLink.create({
    data: {
      customerId: w.customer.id,
      provider,
      accountId,
      contactId,
      ownerExternalId: provider === 'hubspot' ? '77' : null,
    },
  });
}

// A draft that tries to pick its own destination and CRM ids: the schema drops them.
async function approvedTask() {
  const { actionId } = await getDb().$transaction((tx) =>
    proposeAction(tx, {
      kind: 'crm_task',
      customerId: w.customer.id,
      title: 'Expansion conversation',
      payload: {
        title: 'Expansion conversation',
        body: 'Expansion score 82/100',
        dueDate: '2026-12-05',
        WhatId: '001EVILEVILEVIL',
        destination: 'https://attacker.example',
      },
      actor: { type: 'agent', id: 'developer-success', version: '1.0.0' },
    }),
  );
  await decideAction(w.revops, actionId!, { revision: 1, decision: 'approved' }, 'r');
  expect(await runDueActions(createLedgerProvider())).toEqual(['executed']);
  return actionId!;
}
const outboxOf = (actionId: string) => getDb().outboxMessage.findFirstOrThrow({ where: { actionId } });
const makeDue = (id: string) => getDb().outboxMessage.update({ where: { id }, data: { nextAttemptAt: new Date(0) } });

describe('Salesforce', () => {
  it('client-credentials token, then a Task on the stored Account and Contact', async () => {
    await configure('salesforce');
    await link('salesforce', '001000000000001AAA', '003000000000001AAA');
    const actionId = await approvedTask();
    await deliverDueOutbox();
    expect((await outboxOf(actionId)).status).toBe('sent');
    const [token] = crm.to('/services/oauth2/token');
    expect(token!.headers['content-type']).toBe('application/x-www-form-urlencoded');
    expect(Object.fromEntries(new URLSearchParams(token!.body))).toEqual({
      grant_type: 'client_credentials',
      client_id: 'sf-client',
      client_secret: 'sf-secret',
    });
    const [task] = crm.to('/services/data/v62.0/sobjects/Task');
    expect(task!.headers.authorization).toMatch(/^Bearer 00Dtoken!/);
    const marker = crmTaskMarker((await outboxOf(actionId)).idempotencyKey);
    expect(JSON.parse(task!.body)).toEqual({
      Subject: `Expansion conversation [${marker}]`,
      Description: `Expansion score 82/100\n\nTollgate reference: ${marker}`,
      ActivityDate: '2026-12-05',
      Status: 'Not Started',
      Priority: 'Normal',
      WhatId: '001000000000001AAA',
      WhoId: '003000000000001AAA',
    });
  });

  it('an expired session is refreshed once and the task still goes out; the token is reused meanwhile', async () => {
    await configure('salesforce');
    await link('salesforce', '001000000000002AAA');
    await deliverDueOutbox(); // nothing due yet
    const first = await approvedTask();
    await deliverDueOutbox();
    const second = await approvedTask();
    await deliverDueOutbox();
    expect(crm.to('/services/oauth2/token')).toHaveLength(1); // reused
    crm.expireSalesforceTokens();
    const third = await approvedTask();
    await deliverDueOutbox();
    for (const id of [first, second, third]) expect((await outboxOf(id)).status).toBe('sent');
    expect(crm.to('/services/oauth2/token')).toHaveLength(2);
    const tasks = crm.to('/services/data/v62.0/sobjects/Task');
    expect(tasks).toHaveLength(4); // the third was refused once (401), then accepted
  });

  it('429 waits at least as long as Retry-After asks, then delivers', async () => {
    await configure('salesforce');
    await link('salesforce', '001000000000003AAA');
    crm.script('/services/data/v62.0/sobjects/Task', {
      status: 429,
      headers: { 'retry-after': '600' },
      body: [{ errorCode: 'REQUEST_LIMIT_EXCEEDED' }],
    });
    const actionId = await approvedTask();
    await deliverDueOutbox();
    const failed = await outboxOf(actionId);
    expect(failed.status).toBe('failed');
    expect(failed.lastError).toContain('429');
    expect(failed.nextAttemptAt.getTime() - Date.now()).toBeGreaterThan(590_000);
    await makeDue(failed.id);
    await deliverDueOutbox();
    expect((await outboxOf(actionId)).status).toBe('sent');
  });

  it('wrong client credentials: Send test says so; the secret never appears in the view', async () => {
    const bad = await configure('salesforce', { clientId: 'sf-client', clientSecret: 'wrong-secret' });
    const good = await configure('salesforce');
    expect(await sendIntegrationTest(bad.id)).toMatchObject({ ok: false, status: 400 });
    expect(await sendIntegrationTest(good.id)).toMatchObject({ ok: true, status: 200 });
    const views = JSON.stringify(await listIntegrations());
    expect(views).not.toContain('sf-secret');
    expect(views).not.toContain('wrong-secret');
    expect(good).toMatchObject({ config: { provider: 'salesforce' }, secretHint: new URL(crm.url).host });
  });

  it('rotating only the client secret keeps the rest of the stored credentials; a bad merge is refused', async () => {
    const integration = await configure('salesforce', { clientId: 'sf-client', clientSecret: 'old-secret' });
    expect(await sendIntegrationTest(integration.id)).toMatchObject({ ok: false });
    await updateIntegration(w.admin, integration.id, { credentials: { clientSecret: 'sf-secret' } }, 'r');
    expect(await sendIntegrationTest(integration.id)).toMatchObject({ ok: true });
    await expect(
      updateIntegration(w.admin, integration.id, { credentials: { apiVersion: 'v62' } as never }, 'r'),
    ).rejects.toBeTruthy();
  });
});

describe('HubSpot', () => {
  it('a v3 task with the private-app token, associated with the company and contact; 5xx is retried', async () => {
    await configure('hubspot');
    await link('hubspot', '5001', '6001');
    crm.script('/crm/v3/objects/tasks', { status: 502, body: { message: 'bad gateway' } });
    const actionId = await approvedTask();
    await deliverDueOutbox();
    const failed = await outboxOf(actionId);
    expect(failed.status).toBe('failed');
    await makeDue(failed.id);
    await deliverDueOutbox();
    expect((await outboxOf(actionId)).status).toBe('sent');
    const sent = crm.to('/crm/v3/objects/tasks').at(-1)!;
    expect(sent.headers.authorization).toBe(`Bearer ${crm.hubspotToken}`);
    const body = JSON.parse(sent.body);
    const marker = crmTaskMarker((await outboxOf(actionId)).idempotencyKey);
    expect(body.properties).toMatchObject({
      hs_task_subject: 'Expansion conversation',
      hs_task_body: `Expansion score 82/100\n\nTollgate reference: ${marker}`,
      hs_timestamp: '2026-12-05T00:00:00.000Z',
      hs_task_status: 'NOT_STARTED',
      hubspot_owner_id: '77',
    });
    expect(body.associations).toEqual([
      { to: { id: '5001' }, types: [{ associationCategory: 'HUBSPOT_DEFINED', associationTypeId: 192 }] },
      { to: { id: '6001' }, types: [{ associationCategory: 'HUBSPOT_DEFINED', associationTypeId: 204 }] },
    ]);
  });

  it('a revoked token is a permanent failure (dead), and Send test reports it', async () => {
    const integration = await configure('hubspot', { token: 'pat-revoked' });
    const actionId = await approvedTask();
    await deliverDueOutbox();
    const dead = await outboxOf(actionId);
    expect(dead.status).toBe('dead');
    expect(dead.lastError).toContain('401');
    expect(await sendIntegrationTest(integration.id)).toMatchObject({ ok: false, status: 401 });
  });
});

// No CRM API here takes an idempotency key: a re-send after an answer that never arrived looks
// for the task's marker first, so the CRM holds one task, not two.
describe('a lost answer is not a second task', () => {
  for (const [provider, createPath, lookupPath, account] of [
    ['salesforce', '/services/data/v62.0/sobjects/Task', '/services/data/v62.0/query', '001000000000009AAA'],
    ['hubspot', '/crm/v3/objects/tasks', '/crm/v3/objects/tasks/search', '5009'],
  ] as const) {
    it(`${provider}: the task was created but the answer was lost; the re-send finds it and sends nothing new`, async () => {
      await configure(provider);
      await link(provider, account);
      crm.dropAfterCreate(createPath);
      const actionId = await approvedTask();
      await deliverDueOutbox();
      const failed = await outboxOf(actionId);
      expect(failed.status).toBe('failed');
      const marker = crmTaskMarker(failed.idempotencyKey);
      const ours = () =>
        crm.created.filter((t) => t.provider === provider && `${t.subject}\n${t.body}`.includes(marker));
      expect(ours()).toHaveLength(1);
      await makeDue(failed.id);
      await deliverDueOutbox();
      expect((await outboxOf(actionId)).status).toBe('sent');
      expect(ours()).toHaveLength(1);
      expect(crm.to(createPath)).toHaveLength(1);
      expect(crm.to(lookupPath)).toHaveLength(1);
    });
  }

  it('a first delivery does not search; a re-send with nothing found creates the task once', async () => {
    await configure('hubspot');
    await link('hubspot', '5010');
    crm.script('/crm/v3/objects/tasks', { status: 503, body: { message: 'unavailable' } });
    const actionId = await approvedTask();
    await deliverDueOutbox();
    expect(crm.to('/crm/v3/objects/tasks/search')).toHaveLength(0);
    await makeDue((await outboxOf(actionId)).id);
    await deliverDueOutbox();
    expect((await outboxOf(actionId)).status).toBe('sent');
    expect(crm.to('/crm/v3/objects/tasks/search')).toHaveLength(1);
    const marker = crmTaskMarker((await outboxOf(actionId)).idempotencyKey);
    expect(crm.created.filter((t) => t.body.includes(marker))).toHaveLength(1);
  });
});

describe('Gainsight', () => {
  it('a CTA on the stored company with the access key; a refused record is dead, not retried', async () => {
    await configure('gainsight');
    await link('gainsight', '1I00ABC');
    const ok = await approvedTask();
    await deliverDueOutbox();
    expect((await outboxOf(ok)).status).toBe('sent');
    const [cta] = crm.to('/v2/cockpit/cta');
    expect(cta!.headers.accesskey).toBe(crm.gainsightKey);
    expect(JSON.parse(cta!.body).requests).toEqual([
      expect.objectContaining({ Name: 'Expansion conversation', CompanyId: '1I00ABC', DueDate: '2026-12-05' }),
    ]);
    await getDb().customerCrmLink.deleteMany({ where: { customerId: w.customer.id } });
    const refused = await approvedTask();
    await deliverDueOutbox();
    expect((await outboxOf(refused)).status).toBe('dead');
  });
});
