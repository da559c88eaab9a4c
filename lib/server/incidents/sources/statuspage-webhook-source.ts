import { z } from 'zod';
import { getEnv } from '@/lib/env';
import { defineWebhookSource } from '@/lib/server/webhook-source/define-webhook-source';
import { applyIncidentSignals } from '../apply-incident-signals';
import { parseJsonBody, sha256, verifyBasic, type IncidentSignals } from './incident-signal';

// Atlassian Statuspage incident webhooks (a subscriber's webhook notifications). Statuspage
// neither signs the body nor lets you add headers, so the endpoint carries basic-auth
// credentials in its URL (https://user:password@host/api/webhooks/statuspage), which the sender
// turns into an Authorization header; checked against STATUSPAGE_WEBHOOK_BASIC_AUTH.
// Component updates and scheduled maintenances arrive on the same URL and are stored, ignored.

const component = z.object({ name: z.string(), status: z.string().optional() }).loose();

const incident = z
  .object({
    id: z.string().min(1).max(100),
    name: z.string().min(1),
    status: z.string().min(1),
    impact: z.string().default('none'),
    created_at: z.iso.datetime({ offset: true }),
    updated_at: z.iso.datetime({ offset: true }),
    started_at: z.iso.datetime({ offset: true }).nullish(),
    resolved_at: z.iso.datetime({ offset: true }).nullish(),
    incident_updates: z
      .array(z.object({ id: z.string(), status: z.string(), body: z.string().default('') }).loose())
      .default([]),
    components: z.array(component).default([]),
  })
  .loose();

const notification = z.object({ page: z.object({ id: z.string() }).loose(), incident }).loose();

const PHASES = ['investigating', 'identified', 'monitoring', 'resolved'] as const;
const SEVERITY: Record<string, string> = { critical: 'sev1', major: 'sev2', minor: 'sev3', none: 'sev3' };

// "API (us-east-1)" → service "API", region "us-east-1": Statuspage components are often named so.
function scopeOf(components: z.infer<typeof component>[]) {
  const services = new Set<string>();
  const regions = new Set<string>();
  for (const c of components) {
    const m = /^(.*?)\s*\(([a-z]{2}-[a-z]+-\d)\)\s*$/.exec(c.name);
    services.add((m?.[1] ?? c.name).trim());
    if (m?.[2]) regions.add(m[2]);
  }
  return { services: [...services], regions: [...regions] };
}

export const statuspageWebhookSource = defineWebhookSource<IncidentSignals>({
  id: 'statuspage',
  label: 'Statuspage',
  configurationProblem: () =>
    getEnv().STATUSPAGE_WEBHOOK_BASIC_AUTH
      ? null
      : 'Statuspage webhook credentials not configured: set STATUSPAGE_WEBHOOK_BASIC_AUTH (user:password)',
  verify: (_raw, headers) =>
    verifyBasic(headers, getEnv().STATUSPAGE_WEBHOOK_BASIC_AUTH, 'STATUSPAGE_WEBHOOK_BASIC_AUTH'),

  // One event per incident state: the incident id with its updated_at (a resend dedupes).
  read(rawBody) {
    const json = parseJsonBody(rawBody);
    if (!json.ok) return json;
    const parsed = notification.safeParse(json.value);
    if (!parsed.success) {
      const kind = (json.value as { component_update?: unknown })?.component_update ? 'component_update' : null;
      if (kind) {
        return {
          ok: true,
          envelope: {
            eventId: sha256(rawBody),
            type: kind,
            apiVersion: null,
            livemode: true,
            createdAt: null,
            payload: json.value,
          },
        };
      }
      return {
        ok: false,
        reason: `Not a Statuspage incident notification: ${parsed.error.message}`,
        payload: json.value,
      };
    }
    const i = parsed.data.incident;
    return {
      ok: true,
      envelope: {
        eventId: `${i.id}:${i.updated_at}`,
        type: `incident.${i.status}`,
        apiVersion: null,
        livemode: true,
        createdAt: new Date(i.updated_at),
        payload: json.value,
      },
    };
  },

  async parse(envelope) {
    const parsed = notification.safeParse(envelope.payload);
    if (!parsed.success) return { ok: false, reason: parsed.error.message };
    const i = parsed.data.incident;
    const resolved = i.status === 'resolved' || i.status === 'postmortem';
    const phase = resolved ? 'resolved' : (PHASES.find((p) => p === i.status) ?? 'investigating');
    const scope = scopeOf(i.components);
    const latest = i.incident_updates[0];
    return {
      ok: true,
      event: {
        source: 'statuspage',
        signals: [
          {
            key: i.id,
            state: resolved ? 'resolved' : 'open',
            phase,
            title: i.name,
            description: latest?.body ?? '',
            severity: SEVERITY[i.impact] ?? 'sev2',
            services: scope.services,
            regions: scope.regions,
            startedAt: new Date(i.started_at ?? i.created_at),
            resolvedAt: resolved ? new Date(i.resolved_at ?? i.updated_at) : null,
            eventAt: new Date(i.updated_at),
            message: `Statuspage: ${i.status}${latest?.body ? ` — ${latest.body.slice(0, 300)}` : ''}`,
          },
        ],
      },
    };
  },

  eventTypes: Object.fromEntries(
    ['investigating', 'identified', 'monitoring', 'resolved', 'postmortem'].map((s) => [
      `incident.${s}`,
      applyIncidentSignals,
    ]),
  ),
  subjectOf: (e) => `statuspage:${e.signals[0]?.key ?? ''}`,
});
