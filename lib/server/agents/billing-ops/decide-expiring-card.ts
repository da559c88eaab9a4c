import type { Tx } from '@/lib/db';
import { getEnv } from '@/lib/env';
import { withdrawAgentDrafts } from '@/lib/server/actions/withdraw-agent-drafts';
import type { AgentContext } from '../define-agent';
import { isExpiringSoon } from '@/lib/analytics/dunning/card-expiry';
import { formatCard } from '@/lib/format';
import { cardExpiryKey, whyNow, writeCardExpiryEmail } from './write-card-expiry';

// Advisory lock namespace (two-int form) of the card check, per customer: two scans, or a scan and
// a card webhook, take turns, so one card × expiry is drafted once.
const CARD_LOCK_SPACE = 7_311_012;
/** inputs.check of a card-check decision; inputs.cardKey names the card × expiry it drafted for. */
export const CARD_CHECK = 'expiring_card';
/** A subscription that will charge the card again. */
export const RENEWING_SUBSCRIPTION = {
  status: { in: ['trialing' as const, 'active' as const, 'past_due' as const] },
  cancelAtPeriodEnd: false,
};

/** The customer a card event is about: the card's (pm_…) or the customer's own (cus_…) id. */
export async function customerOfCardEvent(tx: Tx, objectId: string): Promise<string | null> {
  const card = await tx.paymentCard.findUnique({ where: { externalId: objectId }, select: { customerId: true } });
  if (card) return card.customerId;
  const where = { billingProvider_externalId: { billingProvider: 'stripe' as const, externalId: objectId } };
  return (await tx.customer.findUnique({ where, select: { id: true } }))?.id ?? null;
}

// One customer's default card: when it expires this month or next and a subscription will charge
// it again, an update-card e-mail is drafted through policy — once per card × expiry. A pending
// reminder for a card that is no longer the default, or whose expiry moved, is withdrawn. Nothing
// changed: no decision is recorded. In the caller's transaction.
export async function decideExpiringCard(ctx: AgentContext, tx: Tx, customerId: string): Promise<void> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(${CARD_LOCK_SPACE}::int, hashtext(${customerId}))`;
  const customer = await tx.customer.findUnique({
    where: { id: customerId },
    select: {
      name: true,
      email: true,
      deletedAt: true,
      defaultPaymentMethodExternalId: true,
      subscriptions: {
        where: RENEWING_SUBSCRIPTION,
        orderBy: { currentPeriodEnd: 'asc' },
        take: 1,
        select: { id: true, status: true, currentPeriodEnd: true },
      },
    },
  });
  if (!customer) return;
  const card = customer.defaultPaymentMethodExternalId
    ? await tx.paymentCard.findFirst({
        where: { externalId: customer.defaultPaymentMethodExternalId, customerId, detachedAt: null },
        select: { externalId: true, brand: true, last4: true, expMonth: true, expYear: true },
      })
    : null;
  const subscription = customer.deletedAt ? null : (customer.subscriptions[0] ?? null);
  const dueKey = card && subscription && isExpiringSoon(card, ctx.now) ? cardExpiryKey(card) : null;

  const pending = await tx.action.findMany({
    where: {
      customerId,
      status: 'pending_approval',
      agentRun: { agentId: ctx.agent.id, inputs: { path: ['check'], equals: CARD_CHECK } },
    },
    select: { agentRun: { select: { inputs: true } } },
  });
  const staleKeys = [
    ...new Set(pending.map((p) => (p.agentRun?.inputs as { cardKey?: unknown } | null)?.cardKey)),
  ].filter((k): k is string => typeof k === 'string' && k !== dueKey);
  const drafted =
    dueKey !== null &&
    (await tx.agentRun.count({
      where: { agentId: ctx.agent.id, customerId, status: 'succeeded', inputs: { path: ['cardKey'], equals: dueKey } },
    })) > 0;
  const toDraft = dueKey !== null && !drafted;
  if (!staleKeys.length && !toDraft) return;

  const current = !card
    ? 'the customer has no default card on file'
    : !subscription
      ? 'no subscription will charge the card again'
      : `the default card is now ${formatCard(card)}`;
  const withdrawn: string[] = [];
  for (const key of staleKeys) {
    withdrawn.push(
      ...(await withdrawAgentDrafts(tx, {
        agent: ctx.agent,
        customerId,
        runInputs: { path: ['cardKey'], equals: key },
        reason: `card reminder ${key} is out of date: ${current}`,
      })),
    );
  }
  const updateUrl = getEnv().STRIPE_BILLING_PORTAL_URL ?? (await latestPayLink(tx, customerId));
  const header = {
    customerId,
    sourceRef: ctx.trigger.ref,
    inputs: {
      check: CARD_CHECK,
      cardKey: toDraft ? dueKey : null,
      card,
      subscription: subscription
        ? { id: subscription.id, status: subscription.status, renewsAt: subscription.currentPeriodEnd.toISOString() }
        : null,
    },
    model: { provider: 'builtin', promptVersion: `${ctx.agent.id}/${ctx.agent.version}` },
  };
  await ctx.decide(tx, header, async (run) => {
    run.evidence({ card, subscription, staleKeys, updateUrl });
    if (withdrawn.length) {
      run.reason(`A pending card reminder is out of date: ${current}. ${withdrawn.length} draft(s) withdrawn.`);
    }
    run.output({ expiringCard: { cardKey: toDraft ? dueKey : null, withdrawn } });
    if (!toDraft || !card || !subscription) {
      run.outcome(`withdrew ${withdrawn.length} card reminder(s)`);
      return;
    }
    const why = whyNow(card, subscription.currentPeriodEnd, ctx.now);
    run.reason(...why);
    const sourceRef = `billing-ops:card:${dueKey}`;
    if (!customer.email) {
      run.skip({ kind: 'email', actionId: null, reason: 'the customer has no e-mail address on file', sourceRef });
      return;
    }
    const mail = writeCardExpiryEmail({
      customerName: customer.name,
      card,
      renewsAt: subscription.currentPeriodEnd,
      updateUrl,
    });
    await run.propose({
      kind: 'email',
      title: `Ask ${customer.name} to update ${formatCard(card)}`,
      payload: { to: customer.email, ...mail },
      reasoning: why.join(' '),
      sourceRef,
    });
  });
}

// Without a portal link configured: the hosted page of an open invoice, where the card can be changed.
async function latestPayLink(tx: Tx, customerId: string): Promise<string | null> {
  const invoice = await tx.invoice.findFirst({
    where: { customerId, status: 'open', hostedUrl: { not: null } },
    orderBy: { createdAt: 'desc' },
    select: { hostedUrl: true },
  });
  return invoice?.hostedUrl ?? null;
}
