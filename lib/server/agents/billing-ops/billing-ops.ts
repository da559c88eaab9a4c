import { getDb, type Tx } from '@/lib/db';
import { classifyDecline } from '@/lib/analytics/dunning/decline-class';
import { chooseDunningStep, DEFAULT_POLICY_SETTINGS } from '@/lib/analytics/dunning/dunning-policy';
import { RECOVERY_MODEL } from '@/lib/analytics/dunning/current-recovery-model';
import { safeTimeZone } from '@/lib/analytics/dunning/payday';
import { topFactors } from '@/lib/analytics/dunning/recovery-model';
import { DAY_MS } from '@/lib/server/insights/insight-rules';
import { defineAgent, type AgentContext } from '../define-agent';
import { closeDunningEpisode } from './close-dunning-episode';
import { customerOfCardEvent, decideExpiringCard } from './decide-expiring-card';
import { draftDunningStep } from './draft-dunning-step';
import { findDueDunningInvoices } from './find-due-dunning-invoices';
import { findDunningInvoice } from './find-dunning-invoice';
import { findExpiringCardCustomers } from './find-expiring-cards';
import { readAccountFeatures } from './read-account-features';
import { AGENT_ID, readDunningEpisode, type DunningOutput } from './read-dunning-episode';

// Advisory lock namespace (two-int form): the three events of one failed attempt, a retry's
// outcome and the daily follow-up take turns per invoice.
const LOCK_SPACE = 7_311_011;
const FAILURE_EVENTS = [
  'invoice.payment_failed',
  'charge.failed',
  'payment_intent.payment_failed',
  'invoice.payment_action_required',
];
// A card was added, renewed, changed or removed, or the customer picked another default: the
// card check runs for that customer at once (a pending reminder may be out of date).
const CARD_EVENTS = [
  'payment_method.attached',
  'payment_method.updated',
  'payment_method.automatically_updated',
  'payment_method.detached',
  'customer.updated',
];

// Decides for one invoice (named by any id a billing event carries), in the caller's transaction.
export async function decideForInvoice(ctx: AgentContext, tx: Tx, objectId: string, followUp: boolean) {
  const found = await findDunningInvoice(tx, objectId);
  if (!found) return; // a charge tied to no stored invoice: nothing to dun
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(${LOCK_SPACE}::int, hashtext(${found.id}))`;
  const invoice = (await findDunningInvoice(tx, found.id))!;
  const episode = await readDunningEpisode(tx, invoice.id, ctx.now);
  if (invoice.status !== 'open' || invoice.amountRemaining <= 0) {
    if (episode.decided.length && !episode.closed) await closeDunningEpisode(ctx, tx, invoice, episode);
    return;
  }
  const actionRequired = ctx.input.trigger === 'invoice.payment_action_required';
  if (!episode.failures && !actionRequired) return;
  const attempt = Math.max(invoice.attemptCount, episode.failures, 1);
  // One decision per failed attempt (Stripe reports it up to three times), one per follow-up day.
  const episodeKey = `${invoice.id}#${attempt}${followUp ? `#${ctx.now.toISOString().slice(0, 10)}` : ''}`;
  if (episode.decided.some((d) => d.episodeKey === episodeKey)) return;

  const customer = await tx.customer.findUniqueOrThrow({
    where: { id: invoice.customerId },
    select: { name: true, email: true, metadata: true },
  });
  const cls = classifyDecline(actionRequired ? ['authentication_required'] : episode.latestCodes, attempt);
  const facts = await readAccountFeatures(tx, invoice.customerId, invoice, ctx.now);
  const account = {
    ...facts,
    declineClass: cls.declineClass,
    attempt,
    daysSinceFirstFailure: (ctx.now.getTime() - episode.firstFailureAt.getTime()) / DAY_MS,
    touchesSoFar: episode.touchesSoFar,
  };
  const timeZone = safeTimeZone((customer.metadata as Record<string, unknown> | null)?.timezone);
  const choice = chooseDunningStep({ account, state: episode.state, now: ctx.now, timeZone, model: RECOVERY_MODEL });
  const factors = choice.prediction ? topFactors(choice.prediction) : [];
  const output: DunningOutput = {
    invoiceId: invoice.id,
    episodeKey,
    attempt,
    declineClass: cls.declineClass,
    declineCode: cls.code,
    step: choice.step,
    at: choice.at?.toISOString() ?? null,
    probability: choice.prediction ? Number(choice.probability.toFixed(4)) : null,
    extendGrace: choice.extendGrace,
    graceDays: choice.extendGrace ? DEFAULT_POLICY_SETTINGS.graceDays : null,
    modelVersion: RECOVERY_MODEL.version,
    why: [cls.why, ...choice.why],
    factors: factors.map((f) => ({
      feature: f.feature,
      value: f.value,
      contribution: Number(f.contribution.toFixed(3)),
    })),
  };
  const header = {
    customerId: invoice.customerId,
    sourceRef: ctx.trigger.ref,
    inputs: { invoiceId: invoice.id, invoiceNumber: invoice.number, attempt, timeZone, followUp, account },
    model: {
      provider: 'builtin',
      id: `recovery-model/${RECOVERY_MODEL.version}`,
      promptVersion: `${AGENT_ID}/${ctx.agent.version}`,
    },
  };
  await ctx.decide(tx, header, async (run) => {
    run.evidence(
      { invoice: { id: invoice.id, number: invoice.number, amountRemaining: invoice.amountRemaining, attempt } },
      { decline: cls },
      { options: choice.options.map((o) => ({ step: o.step, at: o.at, probability: o.probability, score: o.score })) },
    );
    run.reason(
      ...output.why,
      factors.length
        ? `Factors (log-odds): ${factors.map((f) => `${f.feature} ${f.contribution >= 0 ? '+' : ''}${f.contribution.toFixed(2)}`).join(', ')}.`
        : 'No step was scored.',
    );
    run.output({ dunning: output });
    if (choice.step === 'stop') run.outcome(`stop: ${choice.why[0] ?? 'nothing worth a touch'}`);
    await draftDunningStep(
      run,
      choice,
      {
        invoiceId: invoice.id,
        episodeKey,
        customerName: customer.name,
        customerEmail: customer.email,
        invoiceNumber: invoice.number ?? invoice.id,
        amountMinor: invoice.amountRemaining,
        currency: invoice.currency,
        payUrl: invoice.hostedUrl,
        declineClass: cls.declineClass,
        declineCode: cls.code,
        mrrMinor: facts.mrrMinor,
      },
      DEFAULT_POLICY_SETTINGS.graceDays,
    );
  });
}

// Billing Ops · dunning: on each failed payment (and daily for invoices still unpaid) it
// classifies the decline, estimates with the recovery model how likely each next step is to
// recover the invoice, and drafts the best one — a payday-aware retry, an update-card e-mail, a
// call task, a retention credit, a grace extension, a pause offer — or stops. Everything goes
// through proposeAction; high-value accounts always wait for a person (dunning_step's rule).
// When the invoice is paid the episode closes and its pending drafts are withdrawn.
// Before a payment fails: daily (and on each card event) a default card expiring this month or
// next, on a subscription that renews, gets one update-card e-mail per card × expiry; a new card
// or a new expiry withdraws it.
export const billingOps = defineAgent({
  id: AGENT_ID,
  version: '1.1.0',
  title: 'Billing Ops · dunning',
  description:
    'Classifies each failed payment, estimates what would recover it from the account’s health and value, and drafts the next dunning step; asks customers to update a default card before it expires.',
  triggers: [
    { on: 'webhook', events: [...FAILURE_EVENTS, 'invoice.paid', ...CARD_EVENTS] },
    { on: 'cron', cron: '17 7 * * *' },
    { on: 'on_demand' },
  ],
  job: { retryLimit: 4, retryDelaySeconds: 5 },
  run: async (ctx) => {
    const objectId = ctx.input.objectId;
    if (objectId && CARD_EVENTS.includes(ctx.input.trigger)) {
      await getDb().$transaction(async (tx) => {
        const customerId = await customerOfCardEvent(tx, objectId);
        if (customerId) await decideExpiringCard(ctx, tx, customerId);
      });
      return;
    }
    if (objectId) {
      await getDb().$transaction((tx) => decideForInvoice(ctx, tx, objectId, false), { timeout: 30_000 });
      return;
    }
    for (const id of await findDueDunningInvoices(getDb(), ctx.now, ctx.input.customerIds)) {
      await getDb().$transaction((tx) => decideForInvoice(ctx, tx, id, true), { timeout: 30_000 });
    }
    for (const id of await findExpiringCardCustomers(getDb(), ctx.now, ctx.input.customerIds)) {
      await getDb().$transaction((tx) => decideExpiringCard(ctx, tx, id), { timeout: 30_000 });
    }
  },
});
