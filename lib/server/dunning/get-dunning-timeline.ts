import { getDb } from '@/lib/db';
import { notFound } from '@/lib/errors';
import { clock } from '@/lib/clock';
import type { DunningTimeline } from '@/lib/schemas/dunning';
import type { DunningOutput } from '@/lib/server/agents/billing-ops/read-dunning-episode';
import { DEFAULT_PAST_DUE_POLICY, pastDueGrace, pastDuePhase } from '@/lib/server/entitlements/decide-past-due';

const EPISODES = 12;

// The customer's dunning, newest first: each invoice that had a failed payment, its failures, the
// billing-ops decisions on it (class, chosen step, why, the model's factors, the drafts and their
// status) and how it ended; plus what the entitlement check does for their plan while past due.
export async function getDunningTimeline(customerId: string, now = clock.now()): Promise<DunningTimeline> {
  const db = getDb();
  const customer = await db.customer.findUnique({ where: { id: customerId }, select: { id: true } });
  if (!customer) throw notFound('Customer');
  const [invoices, sub] = await Promise.all([
    db.invoice.findMany({
      where: { customerId, paymentAttempts: { some: { succeeded: false } } },
      orderBy: { periodStart: 'desc' },
      take: EPISODES,
      select: {
        id: true,
        number: true,
        status: true,
        amountRemaining: true,
        currency: true,
        paymentAttempts: {
          where: { succeeded: false },
          orderBy: { attemptedAt: 'asc' },
          select: { attemptedAt: true, failureCode: true, failureMessage: true },
        },
      },
    }),
    db.subscription.findFirst({
      where: { customerId, status: { in: ['trialing', 'active', 'past_due'] } },
      orderBy: { currentPeriodEnd: 'desc' },
      select: { status: true, plan: { select: { name: true, pastDuePolicy: true } } },
    }),
  ]);
  const runs = await db.agentRun.findMany({
    where: { agentId: 'billing-ops', customerId, status: 'succeeded' },
    orderBy: { startedAt: 'asc' },
    take: 500,
    select: {
      id: true,
      startedAt: true,
      trigger: true,
      outputs: true,
      actions: { select: { id: true, kind: true, title: true, status: true } },
    },
  });
  const episodes = invoices.map((inv) => {
    const decisions = runs
      .map((r) => ({ r, d: (r.outputs as { dunning?: DunningOutput } | null)?.dunning }))
      .filter((x): x is { r: (typeof runs)[number]; d: DunningOutput } => x.d?.invoiceId === inv.id)
      .map(({ r, d }) => ({
        runId: r.id,
        at: r.startedAt.toISOString(),
        trigger: String((r.trigger as { type?: unknown } | null)?.type ?? 'unknown'),
        step: d.step,
        declineClass: d.declineClass,
        declineCode: d.declineCode,
        probability: d.probability,
        retryAt: d.step === 'retry' ? d.at : null,
        extendGrace: d.extendGrace,
        why: d.why,
        factors: d.factors,
        modelVersion: d.modelVersion,
        actions: r.actions,
      }));
    return {
      invoiceId: inv.id,
      invoiceNumber: inv.number,
      status: inv.status,
      amountRemaining: inv.amountRemaining,
      currency: inv.currency,
      failures: inv.paymentAttempts.map((a) => ({
        at: a.attemptedAt.toISOString(),
        code: a.failureCode,
        message: a.failureMessage,
      })),
      decisions: decisions.reverse(),
      outcome:
        inv.status === 'paid'
          ? ('recovered' as const)
          : inv.status === 'open'
            ? ('open' as const)
            : ('closed' as const),
    };
  });
  const policy = sub?.plan.pastDuePolicy ?? null;
  const rules = policy ?? DEFAULT_PAST_DUE_POLICY;
  // The same start the entitlement check uses: the first failed payment of the oldest open invoice.
  const openFailures = invoices
    .filter((i) => i.status === 'open' && i.amountRemaining > 0)
    .flatMap((i) => i.paymentAttempts.map((a) => a.attemptedAt.getTime()));
  const since = sub?.status === 'past_due' && openFailures.length ? Math.min(...openFailures) : null;
  const g = since === null ? null : pastDueGrace(since, rules);
  return {
    grace: sub
      ? {
          planName: sub.plan.name,
          allowDays: rules.allowDays,
          refuseAfterDays: rules.refuseAfterDays,
          isDefault: !policy,
          current: g
            ? {
                phase: pastDuePhase(g, now.getTime()),
                since: new Date(g.sinceMs).toISOString(),
                softLimitFrom: new Date(g.softLimitFromMs).toISOString(),
                refuseFrom: new Date(g.refuseFromMs).toISOString(),
              }
            : null,
        }
      : null,
    episodes,
  };
}
