import { getDb } from '@/lib/db';
import { validateCustomer, COHORT_REASON_LABELS, type CohortVerdict } from '@/lib/analytics/sla-cohort';
import { calculateSlaCredit, type CreditCalculation } from '@/lib/analytics/sla-credit-amount';
import { formatMoney } from '@/lib/money';
import type { AgentContext } from '../define-agent';
import { loadCohortCandidates, type CohortCandidate } from './load-cohort-candidates';
import { readIncidentTraffic } from './read-incident-traffic';
import { writeCreditWorking } from './write-credit-working';

// Advisory lock namespace (two-int form): two runs for one incident draft one batch.
const LOCK_SPACE = 7_311_012;

export type AssessOutcome = 'assessed' | 'already_assessed' | 'not_resolved' | 'not_found';

interface Row {
  candidate: CohortCandidate;
  verdict: CohortVerdict;
  included: boolean;
  reason: string;
  calc: CreditCalculation | null;
  steps: string[];
}

function judge(candidate: CohortCandidate, verdict: CohortVerdict): Omit<Row, 'candidate' | 'verdict'> {
  if (verdict.reason !== 'in_cohort') return { included: false, reason: verdict.reason, calc: null, steps: [] };
  const p = candidate.policy;
  if (!p) return { included: false, reason: 'no_sla_policy', calc: null, steps: [] };
  const inv = candidate.invoice;
  const calc = calculateSlaCredit(verdict.downtimeMinutes, p, {
    feeMinor: inv?.subtotal ?? 0,
    invoiceTotalMinor: inv?.total ?? 0,
  });
  const steps = writeCreditWorking({
    customerName: candidate.name,
    policyName: p.name,
    verdict,
    calc,
    currency: candidate.currency,
    invoiceNumber: inv?.number ?? null,
  });
  const reason = !inv ? 'no_invoice' : calc.amountMinor > 0 ? 'credit' : 'below_tier';
  return { included: true, reason, calc, steps };
}

// One decision per resolved incident: validate every subscriber against their usage in the
// incident window, then draft one batch of `credit` actions (one per customer owed a credit)
// through policy. Idempotent: the assessments are unique per incident and customer and the run
// holds the incident's lock, so a repeated trigger finds them and drafts nothing.
export async function assessIncident(ctx: AgentContext, incidentId: string): Promise<AssessOutcome> {
  return getDb().$transaction(
    async (tx) => {
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(${LOCK_SPACE}::int, hashtext(${incidentId}))`;
      const incident = await tx.incident.findUnique({
        where: { id: incidentId },
        select: {
          id: true,
          title: true,
          status: true,
          startedAt: true,
          resolvedAt: true,
          services: true,
          regions: true,
        },
      });
      if (!incident) return 'not_found';
      if (incident.status !== 'resolved' || !incident.resolvedAt) return 'not_resolved';
      if (await tx.slaCreditAssessment.count({ where: { incidentId } })) return 'already_assessed';
      const window = { startedAt: incident.startedAt, resolvedAt: incident.resolvedAt };
      const candidates = await loadCohortCandidates(tx, window);
      const traffic = await readIncidentTraffic(
        tx,
        candidates.map((c) => c.customerId),
        incident.startedAt,
        incident.resolvedAt,
      );
      const scope = { regions: incident.regions, services: incident.services };
      const rows: Row[] = candidates.map((candidate) => {
        const verdict = validateCustomer(
          traffic.get(candidate.customerId) ?? [],
          scope,
          candidate.policy?.maintenance ?? [],
        );
        return { candidate, verdict, ...judge(candidate, verdict) };
      });
      const owed = rows.filter((r) => r.reason === 'credit');
      const header = {
        customerId: null,
        sourceRef: ctx.trigger.ref ?? `incidents:${incident.id}`,
        inputs: {
          incidentId: incident.id,
          window: { from: incident.startedAt.toISOString(), to: incident.resolvedAt.toISOString() },
          scope,
          candidates: rows.length,
        },
        model: { provider: 'builtin', promptVersion: `${ctx.agent.id}/${ctx.agent.version}` },
      };
      await ctx.decide(tx, header, async (run) => {
        const counts = Object.fromEntries(
          Object.keys(COHORT_REASON_LABELS).map((r) => [r, rows.filter((x) => x.verdict.reason === r).length]),
        );
        run.evidence({ scope, counts });
        run.reason(
          `Incident "${incident.title}" ran from ${incident.startedAt.toISOString()} to ${incident.resolvedAt!.toISOString()} in ${scope.regions.join(', ') || 'every region'}, ${scope.services.join(', ') || 'every service'}.`,
          `${rows.filter((r) => r.included).length} of ${rows.length} subscribers had traffic and failures in that scope; ${owed.length} are owed a credit under their plan's SLA.`,
        );
        for (const r of rows) {
          let actionId: string | null = null;
          if (r.reason === 'credit' && r.calc && r.candidate.invoice) {
            const draft = await run.propose({
              kind: 'credit',
              customerId: r.candidate.customerId,
              title: `SLA credit ${formatMoney(r.calc.amountMinor, r.candidate.currency)} for ${r.candidate.name}`,
              payload: {
                amountMinor: r.calc.amountMinor,
                currency: r.candidate.currency,
                reasonCode: 'sla_breach',
                mode: 'credit_note',
                invoiceId: r.candidate.invoice.id,
                memo: `SLA credit: ${incident.title}`.slice(0, 500),
              },
              reasoning: r.steps.join(' '),
              sourceRef: `incidents:${incident.id}`,
            });
            actionId = draft.actionId;
          }
          await tx.slaCreditAssessment.create({
            data: {
              incidentId: incident.id,
              customerId: r.candidate.customerId,
              included: r.included,
              reason: r.reason,
              requests: r.verdict.requests,
              failures: r.verdict.failures,
              downtimeMin: r.verdict.downtimeMinutes,
              calculation: {
                verdict: { ...r.verdict },
                policy: r.candidate.policy ? { id: r.candidate.policy.id, name: r.candidate.policy.name } : null,
                invoice: r.candidate.invoice,
                credit: r.calc ? { ...r.calc } : null,
                steps: r.steps,
              },
              amountMinor: r.reason === 'credit' ? (r.calc?.amountMinor ?? null) : null,
              currency: r.candidate.currency,
              actionId,
              ticketId: r.candidate.ticketId,
              agentRunId: run.runId,
            },
          });
          if (r.included) {
            await tx.incidentImpact.upsert({
              where: { incidentId_customerId: { incidentId: incident.id, customerId: r.candidate.customerId } },
              create: {
                incidentId: incident.id,
                customerId: r.candidate.customerId,
                downtimeMin: r.verdict.downtimeMinutes,
              },
              update: { downtimeMin: r.verdict.downtimeMinutes },
            });
          }
        }
        const total = owed.reduce((s, r) => s + (r.calc?.amountMinor ?? 0), 0);
        const currency = owed[0]?.candidate.currency ?? 'usd';
        await tx.incidentEvent.create({
          data: {
            incidentId: incident.id,
            at: ctx.now,
            kind: 'credits_drafted',
            source: 'agent',
            message: `Cohort validated from usage: ${rows.filter((r) => r.included).length} in the cohort, ${rows.filter((r) => !r.included).length} excluded; ${owed.length} SLA credits drafted (${formatMoney(total, currency)}).`,
          },
        });
        run.output({
          incidentId: incident.id,
          included: rows.filter((r) => r.included).length,
          credits: owed.length,
          totalMinor: total,
        });
        run.outcome(`${owed.length} SLA credits drafted (${formatMoney(total, currency)})`);
      });
      return 'assessed';
    },
    { timeout: 60_000 },
  );
}
