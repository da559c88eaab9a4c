import { z } from 'zod';
import { getEnv } from '@/lib/env';
import { defineWebhookSource } from '@/lib/server/webhook-source/define-webhook-source';
import { applyIncidentSignals } from '../apply-incident-signals';
import { parseJsonBody, tagValues, verifyBasic, type IncidentSignals } from './incident-signal';

// Datadog monitor notifications through the Webhooks integration. Datadog does not sign the
// body; its webhook supports basic authentication, checked against DATADOG_WEBHOOK_BASIC_AUTH
// (user:password). The payload is the template configured in Datadog (README "Incident webhooks"):
//   {"id":"$ID","alert_id":"$ALERT_ID","alert_cycle_key":"$ALERT_CYCLE_KEY","transition":"$ALERT_TRANSITION",
//    "title":"$EVENT_TITLE","message":"$EVENT_MSG","priority":"$ALERT_PRIORITY","date":"$DATE",
//    "last_updated":"$LAST_UPDATED","tags":"$TAGS","scope":"$ALERT_SCOPE"}
// $ID is unique per notification (the inbox's event id); $ALERT_CYCLE_KEY links every
// notification from a trigger to its recovery (the incident's key).

const epochMs = z.union([z.string(), z.number()]).transform((v, ctx) => {
  const ms = typeof v === 'number' ? v : /^\d+$/.test(v) ? Number(v) : Date.parse(v);
  if (!Number.isFinite(ms) || ms <= 0) {
    ctx.addIssue({ code: 'custom', message: 'not a date' });
    return z.NEVER;
  }
  return new Date(ms);
});

const notification = z.object({
  id: z.string().min(1).max(100),
  alert_id: z.string().min(1).max(100),
  alert_cycle_key: z.string().max(100).optional(),
  transition: z.string().min(1),
  title: z.string().default('Datadog monitor'),
  message: z.string().default(''),
  priority: z.string().default(''),
  date: epochMs,
  last_updated: epochMs.optional(),
  tags: z.string().default(''),
  scope: z.string().default(''),
});

// $ALERT_TRANSITION values → the inbox event type; others (No Data, Warn …) are stored, ignored.
const TYPES: Record<string, string> = {
  Triggered: 'monitor.triggered',
  'Re-Triggered': 'monitor.triggered',
  Recovered: 'monitor.recovered',
};

export const datadogWebhookSource = defineWebhookSource<IncidentSignals>({
  id: 'datadog',
  label: 'Datadog',
  configurationProblem: () =>
    getEnv().DATADOG_WEBHOOK_BASIC_AUTH
      ? null
      : 'Datadog webhook credentials not configured: set DATADOG_WEBHOOK_BASIC_AUTH (user:password)',
  verify: (_raw, headers) => verifyBasic(headers, getEnv().DATADOG_WEBHOOK_BASIC_AUTH, 'DATADOG_WEBHOOK_BASIC_AUTH'),

  read(rawBody) {
    const json = parseJsonBody(rawBody);
    if (!json.ok) return json;
    const parsed = notification.safeParse(json.value);
    if (!parsed.success)
      return { ok: false, reason: `Not a Datadog monitor notification: ${parsed.error.message}`, payload: json.value };
    const n = parsed.data;
    return {
      ok: true,
      envelope: {
        eventId: n.id,
        type: TYPES[n.transition] ?? `monitor.${n.transition.toLowerCase().replace(/[^a-z]+/g, '_')}`,
        apiVersion: null,
        livemode: true,
        createdAt: n.last_updated ?? n.date,
        payload: json.value,
      },
    };
  },

  async parse(envelope) {
    const parsed = notification.safeParse(envelope.payload);
    if (!parsed.success) return { ok: false, reason: parsed.error.message };
    const n = parsed.data;
    const tags = [...n.tags.split(','), ...n.scope.split(',')].map((t) => t.trim()).filter(Boolean);
    const resolved = envelope.type === 'monitor.recovered';
    const at = n.last_updated ?? n.date;
    return {
      ok: true,
      event: {
        source: 'datadog',
        signals: [
          {
            key: `${n.alert_id}:${n.alert_cycle_key ?? 'cycle'}`,
            state: resolved ? 'resolved' : 'open',
            phase: resolved ? 'resolved' : 'investigating',
            title: n.title.replace(/^\[(Triggered|Re-Triggered|Recovered)[^\]]*\]\s*/, ''),
            description: n.message.slice(0, 2000),
            severity: n.priority ? n.priority.toLowerCase() : 'sev2',
            services: tagValues(tags, 'service'),
            regions: tagValues(tags, 'region'),
            startedAt: n.date,
            resolvedAt: resolved ? at : null,
            eventAt: at,
            message: `Datadog: ${n.transition} — ${n.title}`,
          },
        ],
      },
    };
  },

  eventTypes: { 'monitor.triggered': applyIncidentSignals, 'monitor.recovered': applyIncidentSignals },
  subjectOf: (e) => `datadog:${e.signals[0]?.key ?? ''}`.slice(0, 200),
});
