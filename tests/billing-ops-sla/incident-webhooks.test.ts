import { beforeAll, describe, expect, it } from 'vitest';
import { getDb } from '@/lib/db';
import { clock } from '@/lib/clock';
import { resetEnvForTests } from '@/lib/env';
import { processWebhookEvent } from '@/lib/server/webhooks/process-webhook-event';
import { uniq } from '../helpers/fresh-database';
import {
  alertmanagerNotification,
  configureIncidentEnv,
  datadogNotification,
  deliverIncident,
  genericEvent,
  incidentByKey,
  statuspageNotification,
  SECRETS,
} from './incident-payloads';

// Each incident source through the real webhook route and the inbox processor: verified, stored
// once, parsed into an incident with its lifecycle, services and regions; forged deliveries are
// refused with nothing stored, and redeliveries change nothing.

beforeAll(() => configureIncidentEnv());

const minutesAgo = (m: number) => new Date(clock.nowMs() - m * 60_000);

async function deliverAndProcess(source: keyof typeof SECRETS, payload: unknown) {
  const res = await deliverIncident(source, payload);
  expect(res.status).toBe(200);
  if (!res.body.duplicate) await processWebhookEvent(res.body.id);
  return res.body;
}

describe('Alertmanager (bearer token)', () => {
  it('firing opens an incident per alert, resolved closes it, a resend is a harmless duplicate', async () => {
    const fingerprint = uniq('fp');
    const startsAt = minutesAgo(90);
    const firing = alertmanagerNotification({ fingerprint, status: 'firing', startsAt });
    const first = await deliverAndProcess('alertmanager', firing);
    expect(first).toMatchObject({ duplicate: false });
    const key = `alertmanager:${fingerprint}:${startsAt.toISOString()}`;
    expect(await incidentByKey(key)).toMatchObject({
      status: 'investigating',
      source: 'alertmanager',
      title: 'Elevated 5xx on the API',
      services: ['api'],
      regions: ['us-east-1'],
      resolvedAt: null,
    });

    const again = await deliverIncident('alertmanager', firing);
    expect(again.body).toMatchObject({ duplicate: true, id: first.id });

    const endsAt = minutesAgo(10);
    await deliverAndProcess(
      'alertmanager',
      alertmanagerNotification({ fingerprint, status: 'resolved', startsAt, endsAt }),
    );
    const resolved = await incidentByKey(key);
    expect(resolved).toMatchObject({ status: 'resolved', resolvedAt: endsAt, startedAt: startsAt });
    expect(resolved!.events.map((e) => e.kind)).toEqual(['opened', 'resolved']);
    const audit = await getDb().auditEvent.findMany({
      where: { targetId: resolved!.id },
      orderBy: { sequence: 'asc' },
    });
    expect(audit.map((a) => a.action)).toEqual(['incident.opened', 'incident.resolved']);
  });

  it('a late firing (older than the resolution) does not reopen the incident', async () => {
    const fingerprint = uniq('fp');
    const startsAt = minutesAgo(60);
    const endsAt = minutesAgo(5);
    await deliverAndProcess(
      'alertmanager',
      alertmanagerNotification({ fingerprint, status: 'resolved', startsAt, endsAt }),
    );
    const body = await deliverAndProcess(
      'alertmanager',
      alertmanagerNotification({ fingerprint, status: 'firing', startsAt }),
    );
    const incident = await incidentByKey(`alertmanager:${fingerprint}:${startsAt.toISOString()}`);
    expect(incident?.status).toBe('resolved');
    const inbox = await getDb().webhookEvent.findUniqueOrThrow({ where: { id: body.id } });
    expect(inbox.status).toBe('processed');
  });

  it('a wrong or missing token is refused and nothing is stored; no token configured answers 503', async () => {
    const payload = alertmanagerNotification({ fingerprint: uniq('fp'), status: 'firing', startsAt: minutesAgo(3) });
    const before = await getDb().webhookEvent.count({ where: { source: 'alertmanager' } });
    expect((await deliverIncident('alertmanager', payload, { forged: true })).status).toBe(400);
    expect((await deliverIncident('alertmanager', payload, { headers: {} })).body.error.code).toBe('invalid_signature');
    expect(await getDb().webhookEvent.count({ where: { source: 'alertmanager' } })).toBe(before);
    delete process.env.ALERTMANAGER_WEBHOOK_TOKEN;
    resetEnvForTests();
    try {
      const res = await deliverIncident('alertmanager', payload);
      expect(res.status).toBe(503);
      expect(res.body.error.code).toBe('webhook_not_configured');
    } finally {
      configureIncidentEnv();
    }
  });

  it('an authentic body that is not an Alertmanager v4 notification is stored as failed, never refused', async () => {
    const res = await deliverIncident('alertmanager', { version: '3', alerts: [] });
    expect(res.status).toBe(200);
    const row = await getDb().webhookEvent.findUniqueOrThrow({ where: { id: res.body.id } });
    expect(row.status).toBe('failed');
  });
});

describe('Datadog (basic auth)', () => {
  it('Triggered opens, Recovered resolves the same monitor cycle; tags give services and regions', async () => {
    const alertId = uniq('mon');
    const cycle = uniq('cycle');
    const triggeredAt = minutesAgo(40);
    await deliverAndProcess(
      'datadog',
      datadogNotification({ id: uniq('dd'), alertId, cycle, transition: 'Triggered', at: triggeredAt }),
    );
    const key = `datadog:${alertId}:${cycle}`;
    expect(await incidentByKey(key)).toMatchObject({
      status: 'investigating',
      services: ['api'],
      regions: ['eu-west-1'],
    });
    const recoveredAt = minutesAgo(2);
    const recovered = datadogNotification({ id: uniq('dd'), alertId, cycle, transition: 'Recovered', at: recoveredAt });
    await deliverAndProcess('datadog', recovered);
    expect(await incidentByKey(key)).toMatchObject({
      status: 'resolved',
      startedAt: triggeredAt,
      resolvedAt: recoveredAt,
    });
    expect((await deliverIncident('datadog', recovered)).body.duplicate).toBe(true);
  });

  it('wrong credentials are refused; No Data notifications are stored and ignored', async () => {
    const payload = datadogNotification({
      id: uniq('dd'),
      alertId: uniq('mon'),
      cycle: 'c',
      transition: 'No Data',
      at: minutesAgo(1),
    });
    expect((await deliverIncident('datadog', payload, { forged: true })).status).toBe(400);
    const ok = await deliverIncident('datadog', payload);
    expect(ok.body.status).toBe('ignored');
  });
});

describe('Statuspage (basic auth in the webhook URL)', () => {
  it('follows investigating → monitoring → resolved, with the component as service and region', async () => {
    const id = uniq('sp');
    const createdAt = minutesAgo(50);
    await deliverAndProcess(
      'statuspage',
      statuspageNotification({ id, status: 'investigating', createdAt, updatedAt: createdAt }),
    );
    await deliverAndProcess(
      'statuspage',
      statuspageNotification({ id, status: 'monitoring', createdAt, updatedAt: minutesAgo(20) }),
    );
    expect(await incidentByKey(`statuspage:${id}`)).toMatchObject({
      status: 'monitoring',
      services: ['API'],
      regions: ['us-east-1'],
    });
    const resolvedAt = minutesAgo(5);
    const resolved = statuspageNotification({ id, status: 'resolved', createdAt, updatedAt: resolvedAt });
    await deliverAndProcess('statuspage', resolved);
    const incident = await incidentByKey(`statuspage:${id}`);
    expect(incident).toMatchObject({ status: 'resolved', resolvedAt, severity: 'sev2' });
    expect(incident!.events.map((e) => e.kind)).toEqual(['opened', 'updated', 'resolved']);
    expect((await deliverIncident('statuspage', resolved)).body.duplicate).toBe(true);
    expect((await deliverIncident('statuspage', resolved, { forged: true })).status).toBe(400);
  });
});

describe('generic JSON (HMAC-SHA256)', () => {
  it('verifies the signature over the raw body and timestamp; opens and resolves by key', async () => {
    const key = uniq('gen');
    const startedAt = minutesAgo(30);
    await deliverAndProcess(
      'incidents',
      genericEvent({ id: uniq('e'), key, status: 'open', startedAt, at: startedAt }),
    );
    const resolvedAt = minutesAgo(1);
    const resolved = genericEvent({ id: uniq('e'), key, status: 'resolved', startedAt, at: resolvedAt });
    await deliverAndProcess('incidents', resolved);
    expect(await incidentByKey(`incidents:${key}`)).toMatchObject({
      status: 'resolved',
      resolvedAt,
      regions: ['us-east-1'],
    });
    expect((await deliverIncident('incidents', resolved)).body.duplicate).toBe(true);
  });

  it('refuses a forged, a stale and a tampered delivery', async () => {
    const event = genericEvent({
      id: uniq('e'),
      key: uniq('gen'),
      status: 'open',
      startedAt: minutesAgo(1),
      at: minutesAgo(1),
    });
    expect((await deliverIncident('incidents', event, { forged: true })).status).toBe(400);
    const { signGenericIncidentBody } = await import('@/lib/server/incidents/sources/generic-incident-webhook-source');
    const body = JSON.stringify(event);
    const stale = signGenericIncidentBody(body, SECRETS.incidents, Math.floor(Date.now() / 1000) - 3600);
    expect((await deliverIncident('incidents', event, { headers: { 'tollgate-signature': stale } })).status).toBe(400);
    const signedOther = signGenericIncidentBody(`${body} `, SECRETS.incidents, Math.floor(Date.now() / 1000));
    expect((await deliverIncident('incidents', event, { headers: { 'tollgate-signature': signedOther } })).status).toBe(
      400,
    );
  });
});
