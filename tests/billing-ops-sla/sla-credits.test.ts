import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getDb } from '@/lib/db';
import { runAgent } from '@/lib/server/agents/run-agent';
import { billingOpsSla } from '@/lib/server/agents/billing-ops-sla/billing-ops-sla';
import { approveIncidentCredits } from '@/lib/server/incidents/approve-incident-credits';
import { getIncident } from '@/lib/server/incidents/get-incident';
import { runDueActions } from '@/lib/server/actions/run-due-actions';
import { parkOpenActions, setPolicy } from '../actions/world';
import { startStripeWorld, type StripeWorld } from '../actions/stripe-world';
import { makeSlaWorld } from './sla-world';

// The SLA agent on real PostgreSQL: a resolved incident in us-east-1 / api, subscribers whose
// usage tells different stories, one batch of credit drafts for the customers actually hurt,
// approval together (dual approval above the threshold still applies), notifications, and
// execution once each against the fake Stripe.

let stripeWorld: StripeWorld;
let w: Awaited<ReturnType<typeof makeSlaWorld>>;
let people: Record<string, Awaited<ReturnType<Awaited<ReturnType<typeof makeSlaWorld>>['customer']>>>;

const all = (region: string, failing: number, perMinute = 10) => ({
  region,
  from: 0,
  to: 120,
  perMinute,
  failingPerMinute: failing,
});

const run = () =>
  runAgent(billingOpsSla, { trigger: 'incident.resolved', objectId: `incidents:${w.incident.id}` }, { jobId: 'test' });

const batchOf = (incidentId: string) => ({
  agentRun: { agentId: 'billing-ops-sla', inputs: { path: ['incidentId'], equals: incidentId } },
});

const assessment = (customerId: string) =>
  getDb().slaCreditAssessment.findUniqueOrThrow({
    where: { incidentId_customerId: { incidentId: w.incident.id, customerId } },
  });

beforeAll(async () => {
  stripeWorld = await startStripeWorld();
  await parkOpenActions();
  await setPolicy('credit', { mode: 'assist', dualApprovalAbove: 2_800 });
  w = await makeSlaWorld();
  people = {
    acme: await w.customer('acme', 25_000, [all('us-east-1', 5)], true),
    fjord: await w.customer('fjord', 50_000, [all('us-east-1', 5)]),
    quiet: await w.customer('quiet', 25_000, [all('us-east-1', 0)]),
    europe: await w.customer('europe', 25_000, [all('eu-west-1', 5)]),
    maint: await w.customer('maint', 25_000, [
      { region: 'us-east-1', from: 0, to: 120, perMinute: 5, failingPerMinute: 0 },
      { region: 'us-east-1', from: 40, to: 60, perMinute: 5, failingPerMinute: 5 },
    ]),
    idle: await w.customer('idle', 25_000, []),
    trickle: await w.customer('trickle', 25_000, [all('us-east-1', 1, 100)]),
  };
});
afterAll(() => stripeWorld.close());

describe('billing-ops-sla', () => {
  it('validates the cohort from usage: only traffic with failures in scope, outside maintenance, is credited', async () => {
    await run();
    const reasons = Object.fromEntries(
      await Promise.all(Object.entries(people).map(async ([k, p]) => [k, (await assessment(p.customer.id)).reason])),
    );
    expect(reasons).toEqual({
      acme: 'credit',
      fjord: 'credit',
      quiet: 'no_errors',
      europe: 'errors_outside_scope',
      maint: 'maintenance_window',
      idle: 'no_traffic',
      // 1 % of requests failing never makes a minute "down": in the cohort, but no tier is reached.
      trickle: 'below_tier',
    });
    const acme = await assessment(people.acme.customer.id);
    // 120 minutes, 20 inside maintenance: 100 minutes down → 1 − 100/43 200 = 99.76 % < 99.90 % → 10 % of 250.00.
    expect(acme).toMatchObject({
      included: true,
      downtimeMin: 100,
      amountMinor: 2_500,
      ticketId: people.acme.ticket!.id,
    });
    expect(acme.calculation).toMatchObject({
      credit: { uptimeBp: 9976.85, creditPercent: 10, rawMinor: 2_500, cappedBy: null },
    });
    const fjord = await assessment(people.fjord.customer.id);
    // 10 % of 500.00 = 50.00, capped at the policy's 30.00 per incident.
    expect(fjord).toMatchObject({ amountMinor: 3_000 });
    expect(fjord.calculation).toMatchObject({ credit: { rawMinor: 5_000, cappedBy: 'per_incident' } });
    expect((fjord.calculation as { steps: string[] }).steps.at(-1)).toBe(
      'Capped by the per-incident cap: credit $30.00.',
    );
    for (const k of ['quiet', 'europe', 'maint', 'idle', 'trickle']) {
      expect((await assessment(people[k]!.customer.id)).actionId).toBeNull();
    }

    const actions = await getDb().action.findMany({ where: batchOf(w.incident.id), include: { revisions: true } });
    expect(actions.map((a) => [a.customerId, a.kind, a.status, a.amountMinor]).sort()).toEqual(
      [
        [people.acme.customer.id, 'credit', 'pending_approval', 2_500],
        [people.fjord.customer.id, 'credit', 'pending_approval', 3_000],
      ].sort(),
    );
    expect(actions.find((a) => a.customerId === people.acme.customer.id)!.revisions[0]!.payload).toMatchObject({
      reasonCode: 'sla_breach',
      mode: 'credit_note',
      invoiceId: people.acme.invoice.id,
    });
    const impacts = await getDb().incidentImpact.findMany({ where: { incidentId: w.incident.id } });
    expect(impacts.map((i) => i.customerId).sort()).toEqual(
      [people.acme.customer.id, people.fjord.customer.id, people.trickle.customer.id].sort(),
    );
  });

  it('a rerun drafts no second batch and records no second decision', async () => {
    const decisions = () =>
      getDb().agentRun.count({
        where: { agentId: 'billing-ops-sla', inputs: { path: ['incidentId'], equals: w.incident.id } },
      });
    expect(await decisions()).toBe(1);
    await run();
    await runAgent(billingOpsSla, { trigger: 'schedule' }, { jobId: 'sweep' });
    expect(await decisions()).toBe(1);
    expect(await getDb().action.count({ where: batchOf(w.incident.id) })).toBe(2);
  });

  it('approves the batch together: dual approval above the threshold, notifications once, credit notes once each', async () => {
    const detail = await getIncident(w.incident.id);
    expect(detail.totals).toMatchObject({ included: 3, creditMinor: 5_500 });
    const items = detail.totals.pendingActionIds;
    expect(items).toHaveLength(2);

    const first = await approveIncidentCredits(w.revops, w.incident.id, items, 'req-1');
    const acmeAction = (await assessment(people.acme.customer.id)).actionId!;
    const fjordAction = (await assessment(people.fjord.customer.id)).actionId!;
    expect(first).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ id: acmeAction, status: 'approved' }),
        expect.objectContaining({ id: fjordAction, status: 'pending_approval', approvals: 1, approvalsNeeded: 2 }),
      ]),
    );
    const outbox = (actionId: string) =>
      getDb().outboxMessage.findMany({
        where: { idempotencyKey: { startsWith: `sla-credit:${actionId}:` } },
        orderBy: { channel: 'asc' },
      });
    expect((await outbox(acmeAction)).map((m) => [m.channel, (m.payload as { to?: string }).to ?? null])).toEqual([
      ['email', `am-acme-${w.tag}@example.test`],
      ['slack', null],
    ]);
    expect(await outbox(fjordAction)).toHaveLength(0);
    const notes = await getDb().supportTicketNote.findMany({ where: { ticketId: people.acme.ticket!.id } });
    expect(notes).toHaveLength(1);
    expect(notes[0]!.body).toContain('SLA credit of $25.00 approved');

    // The same person cannot be the second approver; a colleague can.
    const again = await approveIncidentCredits(
      w.revops,
      w.incident.id,
      [items.find((i) => i.id === fjordAction)!],
      'req-2',
    );
    expect(again[0]).toMatchObject({ status: 'pending_approval', approvals: 1 });
    const second = await approveIncidentCredits(
      w.revops2,
      w.incident.id,
      [items.find((i) => i.id === fjordAction)!],
      'req-3',
    );
    expect(second[0]).toMatchObject({ status: 'approved' });
    expect(await outbox(fjordAction)).toHaveLength(2);

    // A credit of another incident (or any other action) is not part of this batch.
    const stray = await approveIncidentCredits(w.revops, w.incident.id, [{ id: 'act_not_here', revision: 1 }], 'req-4');
    expect(stray[0]).toMatchObject({ error: { code: 'not_in_batch' } });

    expect((await runDueActions(stripeWorld.provider)).filter((o) => o === 'executed')).toHaveLength(2);
    expect(await runDueActions(stripeWorld.provider)).toEqual([]);
    for (const id of [acmeAction, fjordAction]) {
      const notesForAction = stripeWorld.billing
        .effectsFor('credit_note')
        .filter((e) => e.idempotencyKey === `tollgate-action-${id}-r1`);
      expect(notesForAction).toHaveLength(1);
    }
    expect(
      stripeWorld.billing
        .effectsFor('credit_note')
        .find((e) => e.idempotencyKey === `tollgate-action-${fjordAction}-r1`)!.body,
    ).toMatchObject({
      invoice: people.fjord.invoice.externalId,
      'lines[0][unit_amount]': '3000',
    });
    // Notifying again (the agent's sweep) changes nothing.
    await runAgent(billingOpsSla, { trigger: 'schedule' }, { jobId: 'sweep-2' });
    expect(await outbox(acmeAction)).toHaveLength(2);
    expect(await getDb().supportTicketNote.count({ where: { ticketId: people.acme.ticket!.id } })).toBe(1);
    const timeline = (await getIncident(w.incident.id)).timeline.map((e) => e.kind);
    expect(timeline).toEqual(['credits_drafted', 'credit_approved', 'credit_approved']);
  });
});
