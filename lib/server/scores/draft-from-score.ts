import { getDb } from '@/lib/db';
import { clock } from '@/lib/clock';
import { ApiError, notFound } from '@/lib/errors';
import { formatDate } from '@/lib/format';
import type { SessionUser } from '@/lib/auth/roles';
import type { ScorecardView, ScoreList } from '@/lib/schemas/scores';
import { proposeAction, type ProposeOutcome } from '@/lib/server/actions/propose-action';
import { chooseUpgradePlan } from '@/lib/server/insights/choose-upgrade-plan';
import { computeCustomerInsights } from '@/lib/server/insights/compute-customer-insights';
import type { StoredScoreFactors } from './record-customer-scores';

const DAY = 86_400_000;
const TASK_DUE_DAYS = 3;
const CARD = { expansion: 'expansion', health: 'health', churn_risk: 'churnRisk' } as const;
const NAME = { expansion: 'Expansion', health: 'Health', churn_risk: 'Churn risk' } as const;

// The scorecard as the reviewer reads it: the score, then each factor's contribution, largest first.
export function scorecardText(list: ScoreList, card: ScorecardView, computedAt: Date): string {
  const lines = [...card.factors]
    .sort((a, b) => b.points - a.points)
    .map((f) => `- ${f.label}: ${f.points}/${f.maxPoints} — ${f.detail}`);
  return [`${NAME[list]} score ${card.score}/100 (computed ${formatDate(computedAt)}):`, ...lines].join('\n');
}

// "Create CRM task" and "Draft upgrade" from a row of the Expansion page: drafted through
// proposeAction as the person who clicked, so the kind's policy and the approval queue apply as
// to any draft. The evidence — the customer's latest scorecard — goes into the draft's reasoning
// and its source reference names the score row. Where the task goes is the configured CRM
// integration (crm_task's executor), never something chosen here.
export async function draftFromScore(
  user: SessionUser,
  customerId: string,
  input: { action: 'crm_task' | 'upgrade'; list: ScoreList },
  requestId: string,
): Promise<ProposeOutcome> {
  const db = getDb();
  const [customer, score] = await Promise.all([
    db.customer.findFirst({ where: { id: customerId, deletedAt: null }, select: { id: true, name: true } }),
    db.customerHealthScore.findFirst({ where: { customerId }, orderBy: { computedAt: 'desc' } }),
  ]);
  if (!customer) throw notFound('Customer');
  if (!score) throw new ApiError(422, 'not_scored', 'This customer has no score yet');
  const factors = score.factors as unknown as StoredScoreFactors;
  const list = input.action === 'upgrade' ? 'expansion' : input.list;
  const evidence = scorecardText(list, factors[CARD[list]], score.computedAt);
  const sourceRef = `customer_health_scores:${score.id}`;
  const actor = { type: 'user' as const, id: user.id };

  if (input.action === 'crm_task') {
    const owner = await db.customerCrmLink.findFirst({
      where: { customerId, ownerName: { not: null } },
      select: { ownerName: true },
    });
    const title =
      list === 'expansion'
        ? `Expansion conversation with ${customer.name}`
        : `Retention check-in with ${customer.name}`;
    const payload = {
      title,
      body: evidence,
      dueDate: new Date(clock.nowMs() + TASK_DUE_DAYS * DAY).toISOString().slice(0, 10),
      ...(owner?.ownerName ? { owner: owner.ownerName } : {}),
    };
    return db.$transaction((tx) =>
      proposeAction(tx, {
        kind: 'crm_task',
        customerId,
        title,
        payload,
        actor,
        requestId,
        sourceRef,
        reasoning: evidence,
      }),
    );
  }

  const insights = await computeCustomerInsights(customerId, clock.now());
  if (!insights) throw new ApiError(422, 'no_subscription', 'This customer has no live subscription to upgrade');
  return db.$transaction(async (tx) => {
    const choice = await chooseUpgradePlan(tx, insights.subscription.plan, insights.meters);
    if (!choice)
      throw new ApiError(422, 'no_higher_plan', `${insights.subscription.plan.name} is already the largest plan`);
    const from = insights.subscription.plan;
    const title = `Upgrade ${customer.name} from ${from.name} to ${choice.plan.name}`;
    const reasoning = `${evidence}\n\n${choice.plan.name} is the smallest larger plan that ${choice.fits ? 'covers' : 'comes closest to'} this period's usage and forecast.`;
    return proposeAction(tx, {
      kind: 'plan_change',
      customerId,
      title,
      payload: {
        subscriptionId: insights.subscription.id,
        fromPlanKey: from.key,
        toPlanKey: choice.plan.key,
        proration: 'create_prorations',
        effective: 'now',
        note: evidence,
      },
      actor,
      requestId,
      sourceRef,
      reasoning,
    });
  });
}
