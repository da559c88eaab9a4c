import { z } from 'zod';
import { getEnv } from '@/lib/env';
import { defineWebhookSource } from '@/lib/server/webhook-source/define-webhook-source';
import { applyIncidentSignals } from '../apply-incident-signals';
import { parseJsonBody, sha256, verifyBearer, type IncidentSignal, type IncidentSignals } from './incident-signal';

// Prometheus Alertmanager's webhook_config (payload version 4). Alertmanager does not sign the
// body; it sends the bearer token configured in `http_config.authorization` — compared with
// ALERTMANAGER_WEBHOOK_TOKEN. One notification groups several alerts: each alert is one
// incident, keyed by fingerprint and start (a later firing of the same alert is a new incident).

const alert = z.object({
  status: z.enum(['firing', 'resolved']),
  labels: z.record(z.string(), z.string()).default({}),
  annotations: z.record(z.string(), z.string()).default({}),
  startsAt: z.iso.datetime({ offset: true }),
  endsAt: z.string().default(''),
  fingerprint: z.string().min(1).max(100),
});

const notification = z.object({
  version: z.literal('4'),
  groupKey: z.string().max(2000),
  status: z.enum(['firing', 'resolved']),
  receiver: z.string().default(''),
  commonLabels: z.record(z.string(), z.string()).default({}),
  alerts: z.array(alert).min(1).max(500),
});

// Alertmanager's "zero" endsAt of a firing alert.
const validDate = (v: string) => {
  const d = new Date(v);
  return Number.isNaN(d.getTime()) || d.getUTCFullYear() < 2000 ? null : d;
};

const list = (v: string | undefined) => (v ? [...new Set(v.split(/[,\s]+/).filter(Boolean))] : []);

function toSignal(a: z.infer<typeof alert>): IncidentSignal {
  const startedAt = new Date(a.startsAt);
  const endedAt = a.status === 'resolved' ? (validDate(a.endsAt) ?? startedAt) : null;
  const title = a.annotations.summary ?? a.labels.alertname ?? 'Alert';
  return {
    key: `${a.fingerprint}:${startedAt.toISOString()}`,
    state: a.status === 'resolved' ? 'resolved' : 'open',
    phase: a.status === 'resolved' ? 'resolved' : 'investigating',
    title,
    description: a.annotations.description ?? '',
    severity: a.labels.severity ?? 'sev2',
    services: list(a.labels.service ?? a.labels.job),
    regions: list(a.labels.region),
    startedAt,
    resolvedAt: endedAt,
    eventAt: endedAt ?? startedAt,
    message: a.status === 'resolved' ? `Alertmanager: ${title} resolved` : `Alertmanager: ${title} firing`,
  };
}

export const alertmanagerWebhookSource = defineWebhookSource<IncidentSignals>({
  id: 'alertmanager',
  label: 'Alertmanager',
  configurationProblem: () =>
    getEnv().ALERTMANAGER_WEBHOOK_TOKEN
      ? null
      : 'Alertmanager bearer token not configured: set ALERTMANAGER_WEBHOOK_TOKEN; deliveries are answered 503 until then',
  verify: (_raw, headers) => verifyBearer(headers, getEnv().ALERTMANAGER_WEBHOOK_TOKEN, 'ALERTMANAGER_WEBHOOK_TOKEN'),

  // No event id: a notification is identified by its group, status and alerts' states, so a
  // resend dedupes and a change of state is a new event.
  read(rawBody) {
    const json = parseJsonBody(rawBody);
    if (!json.ok) return json;
    const parsed = notification.safeParse(json.value);
    if (!parsed.success)
      return { ok: false, reason: `Not an Alertmanager v4 notification: ${parsed.error.message}`, payload: json.value };
    const n = parsed.data;
    const identity = n.alerts
      .map((a) => `${a.fingerprint}:${a.status}:${a.startsAt}:${a.endsAt}`)
      .sort()
      .join('|');
    const times = n.alerts.flatMap((a) => [validDate(a.startsAt), validDate(a.endsAt)]).filter((d) => d !== null);
    return {
      ok: true,
      envelope: {
        eventId: sha256(`${n.groupKey}\u0000${n.status}\u0000${identity}`),
        type: `alert.${n.status}`,
        apiVersion: n.version,
        livemode: true,
        createdAt: times.length ? new Date(Math.max(...times.map((d) => d.getTime()))) : null,
        payload: n,
      },
    };
  },

  // The payload is the truth: there is no API to re-fetch an alert from.
  async parse(envelope) {
    const parsed = notification.safeParse(envelope.payload);
    if (!parsed.success) return { ok: false, reason: parsed.error.message };
    return { ok: true, event: { source: 'alertmanager', signals: parsed.data.alerts.map(toSignal) } };
  },

  eventTypes: { 'alert.firing': applyIncidentSignals, 'alert.resolved': applyIncidentSignals },
  subjectOf: (e) => `alertmanager:${e.signals[0]?.key ?? ''}`.slice(0, 200),
});
