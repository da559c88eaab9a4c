import { describe, expect, it } from 'vitest';
import { getDb } from '@/lib/db';
import { clock } from '@/lib/clock';
import { slaPolicyFields } from '@/lib/schemas/sla';
import { updateSlaPolicy } from '@/lib/server/sla-policies/update-sla-policy';
import { openIncident } from '@/lib/server/incidents/open-incident';
import { resolveIncident } from '@/lib/server/incidents/resolve-incident';
import { can } from '@/lib/auth/capabilities';
import { makeSlaWorld } from './sla-world';

// SLA policies (admins, audited, validated field by field) and incidents opened and resolved in
// the console (revops, admin) with their timeline and audit records.

const fields = {
  name: 'Scale SLA',
  uptimeTargetBp: 9990,
  windowDays: 30,
  creditTiers: [
    { belowBp: 9950, creditPercent: 25 },
    { belowBp: 9990, creditPercent: 10 },
  ],
  capPercent: 50,
  capMinor: 10_000,
  exclusions: [{ startsAt: '2026-01-10T02:00:00Z', endsAt: '2026-01-10T03:00:00Z', note: 'DB upgrade' }],
};

describe('SLA policies', () => {
  it('only admins edit them; revops and support read', () => {
    expect(can({ role: 'admin' }, 'sla-policies.edit')).toBe(true);
    expect(can({ role: 'revops' }, 'sla-policies.edit')).toBe(false);
    expect(can({ role: 'revops' }, 'incidents.manage')).toBe(true);
    expect(can({ role: 'support' }, 'incidents.manage')).toBe(false);
  });

  it('refuses tiers above the target, duplicate tiers and a maintenance window that ends before it starts, by field', () => {
    const r = slaPolicyFields.safeParse({
      ...fields,
      creditTiers: [
        { belowBp: 9995, creditPercent: 10 },
        { belowBp: 9995, creditPercent: 20 },
      ],
      exclusions: [{ startsAt: '2026-01-10T03:00:00Z', endsAt: '2026-01-10T02:00:00Z' }],
    });
    expect(r.success).toBe(false);
    const paths = r.error!.issues.map((i) => i.path.join('.'));
    expect(paths).toEqual(
      expect.arrayContaining(['creditTiers.0.belowBp', 'creditTiers.1.belowBp', 'exclusions.0.endsAt']),
    );
    expect(slaPolicyFields.safeParse({ ...fields, capPercent: 0 }).success).toBe(false);
    expect(slaPolicyFields.safeParse({ ...fields, creditTiers: [] }).success).toBe(false);
  });

  it('an update is written with its audit record (before and after), tiers kept deepest last', async () => {
    const w = await makeSlaWorld();
    const admin = await getDb().user.create({
      data: { email: `admin-${w.tag}@example.test`, name: 'A', role: 'admin' },
    });
    const view = await updateSlaPolicy(
      { id: admin.id, email: admin.email, name: 'A', role: 'admin' },
      w.policy.id,
      fields,
      'req-sla',
    );
    expect(view).toMatchObject({
      capMinor: 10_000,
      windowDays: 30,
      creditTiers: [{ belowBp: 9990 }, { belowBp: 9950 }],
    });
    const audit = await getDb().auditEvent.findFirstOrThrow({
      where: { targetId: w.policy.id, action: 'sla_policy.updated' },
    });
    expect(audit).toMatchObject({ actorId: admin.id, requestId: 'req-sla' });
    expect(audit.before).toMatchObject({ capMinor: 3_000 });
    expect(audit.after).toMatchObject({ capMinor: 10_000, exclusions: [{ note: 'DB upgrade' }] });
  });
});

describe('incidents in the console', () => {
  it('opened and resolved by a person: lifecycle, timeline, audit; resolving twice is refused', async () => {
    const w = await makeSlaWorld();
    const startedAt = new Date(clock.nowMs() - 30 * 60_000).toISOString();
    const { id } = await openIncident(w.revops, {
      title: 'Search degraded',
      description: '',
      severity: 'sev3',
      services: ['search'],
      regions: ['eu-west-1'],
      startedAt,
    });
    await expect(
      resolveIncident(w.revops, id, { resolvedAt: new Date(clock.nowMs() - 60 * 60_000).toISOString(), note: '' }, 'r'),
    ).rejects.toMatchObject({ code: 'resolved_before_start' });
    await resolveIncident(
      w.revops,
      id,
      { resolvedAt: new Date(clock.nowMs() - 60_000).toISOString(), note: 'rolled back' },
      'r',
    );
    const incident = await getDb().incident.findUniqueOrThrow({ where: { id }, include: { events: true } });
    expect(incident).toMatchObject({
      status: 'resolved',
      source: 'console',
      services: ['search'],
      regions: ['eu-west-1'],
    });
    expect(incident.events.map((e) => e.kind).sort()).toEqual(['opened', 'resolved']);
    await expect(
      resolveIncident(w.revops, id, { resolvedAt: new Date(clock.nowMs() - 60_000).toISOString(), note: '' }, 'r'),
    ).rejects.toMatchObject({ code: 'already_resolved' });
    const audit = await getDb().auditEvent.findMany({ where: { targetId: id }, orderBy: { sequence: 'asc' } });
    expect(audit.map((a) => [a.action, a.actorId])).toEqual([
      ['incident.opened', w.revops.id],
      ['incident.resolved', w.revops.id],
    ]);
  });
});
