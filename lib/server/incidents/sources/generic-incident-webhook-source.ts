import { createHmac } from 'node:crypto';
import { z } from 'zod';
import { getEnv } from '@/lib/env';
import { clock } from '@/lib/clock';
import { defineWebhookSource, type VerifyOutcome } from '@/lib/server/webhook-source/define-webhook-source';
import { applyIncidentSignals } from '../apply-incident-signals';
import { sameSecret } from '@/lib/server/webhook-source/same-secret';
import { notConfigured, parseJsonBody, refused, type IncidentSignals } from './incident-signal';

// A generic JSON shape for any other monitor (PagerDuty automation, an in-house checker …),
// signed with HMAC-SHA256 like Stripe: header `Tollgate-Signature: t=<unix seconds>,v1=<hex>`
// where v1 = HMAC(INCIDENT_WEBHOOK_SECRET, "<t>.<raw body>"). Signed within 5 minutes either way.
export const SIGNATURE_HEADER = 'tollgate-signature';
export const TOLERANCE_SECONDS = 300;

export const genericIncidentEvent = z.object({
  id: z.string().min(1).max(200),
  incident: z.object({
    key: z.string().min(1).max(200),
    status: z.enum(['open', 'resolved']),
    title: z.string().min(1).max(300),
    description: z.string().max(5000).default(''),
    severity: z.string().max(20).default('sev2'),
    services: z.array(z.string().min(1).max(100)).max(50).default([]),
    regions: z.array(z.string().min(1).max(100)).max(50).default([]),
    startedAt: z.iso.datetime({ offset: true }),
    resolvedAt: z.iso.datetime({ offset: true }).nullish(),
  }),
  occurredAt: z.iso.datetime({ offset: true }),
});

export function signGenericIncidentBody(rawBody: string, secret: string, timestamp: number): string {
  return `t=${timestamp},v1=${createHmac('sha256', secret).update(`${timestamp}.${rawBody}`).digest('hex')}`;
}

function verifyHmac(rawBody: string, headers: Headers): VerifyOutcome {
  const secret = getEnv().INCIDENT_WEBHOOK_SECRET;
  if (!secret) return notConfigured('INCIDENT_WEBHOOK_SECRET');
  const header = headers.get(SIGNATURE_HEADER) ?? '';
  const t = /(?:^|,)t=(\d+)/.exec(header)?.[1];
  const v1 = /(?:^|,)v1=([0-9a-f]{64})/.exec(header)?.[1];
  if (!t || !v1) return refused(`Missing or malformed ${SIGNATURE_HEADER} header`);
  if (Math.abs(clock.nowMs() / 1000 - Number(t)) > TOLERANCE_SECONDS) {
    return refused(`Signature timestamp is more than ${TOLERANCE_SECONDS} s away from now`);
  }
  const expected = signGenericIncidentBody(rawBody, secret, Number(t)).split('v1=')[1]!;
  return sameSecret(v1, expected) ? { ok: true } : refused('Signature does not match');
}

export const genericIncidentWebhookSource = defineWebhookSource<IncidentSignals>({
  id: 'incidents',
  label: 'Incidents (generic JSON)',
  configurationProblem: () =>
    getEnv().INCIDENT_WEBHOOK_SECRET
      ? null
      : 'Generic incident webhook secret not configured: set INCIDENT_WEBHOOK_SECRET',
  verify: verifyHmac,

  read(rawBody) {
    const json = parseJsonBody(rawBody);
    if (!json.ok) return json;
    const parsed = genericIncidentEvent.safeParse(json.value);
    if (!parsed.success)
      return { ok: false, reason: `Not an incident event: ${parsed.error.message}`, payload: json.value };
    return {
      ok: true,
      envelope: {
        eventId: parsed.data.id,
        type: `incident.${parsed.data.incident.status === 'open' ? 'opened' : 'resolved'}`,
        apiVersion: null,
        livemode: true,
        createdAt: new Date(parsed.data.occurredAt),
        payload: json.value,
      },
    };
  },

  async parse(envelope) {
    const parsed = genericIncidentEvent.safeParse(envelope.payload);
    if (!parsed.success) return { ok: false, reason: parsed.error.message };
    const { incident: i, occurredAt } = parsed.data;
    const resolved = i.status === 'resolved';
    return {
      ok: true,
      event: {
        source: 'incidents',
        signals: [
          {
            key: i.key,
            state: i.status,
            phase: resolved ? 'resolved' : 'investigating',
            title: i.title,
            description: i.description,
            severity: i.severity,
            services: i.services,
            regions: i.regions,
            startedAt: new Date(i.startedAt),
            resolvedAt: resolved ? new Date(i.resolvedAt ?? occurredAt) : null,
            eventAt: new Date(occurredAt),
            message: resolved ? `Resolved: ${i.title}` : `Opened: ${i.title}`,
          },
        ],
      },
    };
  },

  eventTypes: { 'incident.opened': applyIncidentSignals, 'incident.resolved': applyIncidentSignals },
  subjectOf: (e) => `incidents:${e.signals[0]?.key ?? ''}`.slice(0, 200),
});
