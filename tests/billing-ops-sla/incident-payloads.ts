import { signGenericIncidentBody } from '@/lib/server/incidents/sources/generic-incident-webhook-source';
import { postRequest } from '../webhooks/helpers';
import { getDb } from '@/lib/db';
import { resetEnvForTests } from '@/lib/env';

// Payloads shaped as each sender sends them, the credentials they authenticate with, and a
// delivery helper that posts to the real /api/webhooks/:source route.

export const SECRETS = {
  alertmanager: 'am-token-0123456789abcdef',
  datadog: 'datadog:dd-password-0123456789',
  statuspage: 'statuspage:sp-password-0123456789',
  incidents: 'generic-incident-secret-0123456789',
};

export function configureIncidentEnv() {
  process.env.ALERTMANAGER_WEBHOOK_TOKEN = SECRETS.alertmanager;
  process.env.DATADOG_WEBHOOK_BASIC_AUTH = SECRETS.datadog;
  process.env.STATUSPAGE_WEBHOOK_BASIC_AUTH = SECRETS.statuspage;
  process.env.INCIDENT_WEBHOOK_SECRET = SECRETS.incidents;
  resetEnvForTests();
}

export function alertmanagerNotification(opts: {
  fingerprint: string;
  status: 'firing' | 'resolved';
  startsAt: Date;
  endsAt?: Date;
  region?: string;
  service?: string;
}) {
  const alert = {
    status: opts.status,
    labels: {
      alertname: 'APIHighErrorRate',
      severity: 'sev2',
      region: opts.region ?? 'us-east-1',
      service: opts.service ?? 'api',
    },
    annotations: { summary: 'Elevated 5xx on the API', description: 'Error rate above 5% for 5 minutes' },
    startsAt: opts.startsAt.toISOString(),
    endsAt: opts.endsAt ? opts.endsAt.toISOString() : '0001-01-01T00:00:00Z',
    generatorURL: 'http://prometheus:9090/graph',
    fingerprint: opts.fingerprint,
  };
  return {
    version: '4',
    groupKey: `{}:{alertname="APIHighErrorRate"}`,
    truncatedAlerts: 0,
    status: opts.status,
    receiver: 'tollgate',
    groupLabels: { alertname: 'APIHighErrorRate' },
    commonLabels: alert.labels,
    commonAnnotations: alert.annotations,
    externalURL: 'http://alertmanager:9093',
    alerts: [alert],
  };
}

export function datadogNotification(opts: {
  id: string;
  alertId: string;
  cycle: string;
  transition: string;
  at: Date;
}) {
  return {
    id: opts.id,
    alert_id: opts.alertId,
    alert_cycle_key: opts.cycle,
    transition: opts.transition,
    title: `[${opts.transition}] API error rate high`,
    message: '%%%\nError rate above threshold\n%%%',
    priority: 'P2',
    date: String(opts.at.getTime()),
    last_updated: String(opts.at.getTime()),
    tags: 'env:prod,service:api,region:eu-west-1',
    scope: 'region:eu-west-1',
  };
}

export function statuspageNotification(opts: { id: string; status: string; createdAt: Date; updatedAt: Date }) {
  return {
    meta: {
      unsubscribe: 'http://statustest.flyingkleinbrothers.com:5000/?unsubscribe=j0vqr9kl3513',
      documentation: 'https://doers.statuspage.io/customer-notifications/webhooks/',
    },
    page: { id: 'j2mfxwj97wnj', status_indicator: 'major', status_description: 'Partial System Outage' },
    incident: {
      id: opts.id,
      name: 'Elevated API errors',
      status: opts.status,
      impact: 'major',
      created_at: opts.createdAt.toISOString(),
      updated_at: opts.updatedAt.toISOString(),
      resolved_at: opts.status === 'resolved' ? opts.updatedAt.toISOString() : null,
      shortlink: 'http://j.mp/example',
      incident_updates: [
        {
          id: `${opts.id}-u`,
          status: opts.status,
          body: `We are ${opts.status}.`,
          created_at: opts.updatedAt.toISOString(),
        },
      ],
      components: [{ id: 'c1', name: 'API (us-east-1)', status: 'major_outage' }],
    },
  };
}

export function genericEvent(opts: {
  id: string;
  key: string;
  status: 'open' | 'resolved';
  startedAt: Date;
  at: Date;
}) {
  return {
    id: opts.id,
    occurredAt: opts.at.toISOString(),
    incident: {
      key: opts.key,
      status: opts.status,
      title: 'Checkout API errors',
      services: ['api'],
      regions: ['us-east-1'],
      startedAt: opts.startedAt.toISOString(),
      ...(opts.status === 'resolved' ? { resolvedAt: opts.at.toISOString() } : {}),
    },
  };
}

const basic = (userPass: string) => `Basic ${Buffer.from(userPass).toString('base64')}`;

/** The headers each sender authenticates with; `forged` uses a wrong credential. */
export function authHeaders(source: keyof typeof SECRETS, body: string, forged = false): Record<string, string> {
  const wrong = (s: string) => `${s}-nope`;
  switch (source) {
    case 'alertmanager':
      return { authorization: `Bearer ${forged ? wrong(SECRETS.alertmanager) : SECRETS.alertmanager}` };
    case 'datadog':
      return { authorization: basic(forged ? wrong(SECRETS.datadog) : SECRETS.datadog) };
    case 'statuspage':
      return { authorization: basic(forged ? wrong(SECRETS.statuspage) : SECRETS.statuspage) };
    case 'incidents':
      return {
        'tollgate-signature': signGenericIncidentBody(
          body,
          forged ? wrong(SECRETS.incidents) : SECRETS.incidents,
          Math.floor(Date.now() / 1000),
        ),
      };
  }
}

export async function deliverIncident(
  source: keyof typeof SECRETS,
  payload: unknown,
  opts: { forged?: boolean; headers?: Record<string, string> } = {},
) {
  const body = JSON.stringify(payload);
  const headers = opts.headers ?? authHeaders(source, body, opts.forged);
  const res = await postRequest(
    new Request(`http://x/api/webhooks/${source}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body,
    }),
    source,
  );
  return { status: res.status, body: (await res.json()) as Record<string, any> };
}

export const incidentByKey = (externalKey: string) =>
  getDb().incident.findUnique({ where: { externalKey }, include: { events: { orderBy: { createdAt: 'asc' } } } });
