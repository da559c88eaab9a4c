import type { Tx } from '@/lib/db';
import { getEnv } from '@/lib/env';
import { evaluatePromotion, uneditedPercent, type PromotionCriteria } from '@/lib/analytics/promotion-criteria';
import type { WorkflowRow } from './ensure-workflow';

export const METRICS_WINDOW_DAYS = 90;
const DAY = 86_400_000;
const APPROVED = new Set(['approved', 'executing', 'executed', 'failed', 'unknown']);

export function promotionCriteria(): PromotionCriteria {
  const env = getEnv();
  return {
    minAssistDays: env.AUTONOMY_MIN_ASSIST_DAYS,
    minDrafts: env.AUTONOMY_MIN_DRAFTS,
    minUneditedPercent: env.AUTONOMY_MIN_UNEDITED_PERCENT,
    reversalWindowDays: env.AUTONOMY_REVERSAL_WINDOW_DAYS,
  };
}

/** Days the workflow has spent in assist over its whole history (a demotion does not reset the count). */
export async function daysInAssist(tx: Tx, workflowId: string, now: Date): Promise<number> {
  const changes = await tx.workflowPhaseChange.findMany({
    where: { workflowId, effectiveAt: { lte: now } },
    orderBy: { effectiveAt: 'asc' },
    select: { toPhase: true, effectiveAt: true },
  });
  let ms = 0;
  changes.forEach((c, i) => {
    if (c.toPhase !== 'assist') return;
    const end = changes[i + 1]?.effectiveAt ?? now;
    ms += end.getTime() - c.effectiveAt.getTime();
  });
  return ms / DAY;
}

type DraftOutcome = 'auto' | 'unedited' | 'edited' | 'rejected' | 'expired' | 'pending' | 'cancelled';

function draftOutcome(a: { status: string; autoApproved: boolean; currentRevision: number }): DraftOutcome {
  if (a.autoApproved) return 'auto';
  if (APPROVED.has(a.status)) return a.currentRevision === 1 ? 'unedited' : 'edited';
  if (a.status === 'rejected' || a.status === 'expired' || a.status === 'cancelled') return a.status;
  return 'pending';
}

function weekStart(d: Date): string {
  const day = (d.getUTCDay() + 6) % 7; // Monday = 0
  return new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate() - day)).toISOString().slice(0, 10);
}

// The acceptance metrics of a workflow over the last 90 days: how people decided its drafts
// (approved as drafted, approved after an edit and by how much the amount moved, rejected and
// why, expired), what autopilot ran, reversals in the reversal window, and in observe how the
// shadow drafts compare with the equivalent drafts people made. Plus a weekly series for the
// chart and the promotion verdict. Read-only.
export async function computeWorkflowMetrics(tx: Tx, wf: WorkflowRow, now: Date) {
  const criteria = promotionCriteria();
  const since = new Date(now.getTime() - METRICS_WINDOW_DAYS * DAY);
  const reversalSince = new Date(now.getTime() - criteria.reversalWindowDays * DAY);
  const actions = await tx.action.findMany({
    where: { aiAgentId: wf.agentId, kind: wf.actionKind, createdAt: { gte: since, lte: now } },
    select: {
      status: true,
      autoApproved: true,
      currentRevision: true,
      amountMinor: true,
      initialAmountMinor: true,
      createdAt: true,
      approvals: { where: { decision: 'rejected' }, select: { reason: true } },
    },
  });
  const reversals = await tx.action.count({
    where: { aiAgentId: wf.agentId, kind: wf.actionKind, reversedAt: { gte: reversalSince, lte: now } },
  });
  const m = { drafts: 0, approvedUnedited: 0, approvedEdited: 0, rejected: 0, expired: 0, pending: 0, autoApproved: 0 };
  const deltas: number[] = [];
  const reasons = new Map<string, number>();
  const weeks = new Map<
    string,
    { unedited: number; edited: number; rejected: number; expired: number; auto: number }
  >();
  for (const a of actions) {
    const key = weekStart(a.createdAt);
    const week = weeks.get(key) ?? { unedited: 0, edited: 0, rejected: 0, expired: 0, auto: 0 };
    weeks.set(key, week);
    const outcome = draftOutcome(a);
    if (outcome === 'pending') m.pending += 1;
    if (outcome === 'pending' || outcome === 'cancelled') continue;
    if (outcome === 'auto') {
      m.autoApproved += 1;
      week.auto += 1;
      continue;
    }
    m.drafts += 1;
    week[outcome] += 1;
    if (outcome === 'unedited') m.approvedUnedited += 1;
    if (outcome === 'expired') m.expired += 1;
    if (outcome === 'edited') {
      m.approvedEdited += 1;
      if (a.initialAmountMinor && a.amountMinor !== null)
        deltas.push((100 * Math.abs(a.amountMinor - a.initialAmountMinor)) / Math.abs(a.initialAmountMinor));
    }
    if (outcome === 'rejected') {
      m.rejected += 1;
      const reason = a.approvals[0]?.reason?.trim() || '(no reason given)';
      reasons.set(reason, (reasons.get(reason) ?? 0) + 1);
    }
  }
  const assistDays = await daysInAssist(tx, wf.id, now);
  const promotion = evaluatePromotion(
    { daysInAssist: assistDays, drafts: m.drafts, approvedUnedited: m.approvedUnedited, reversals },
    criteria,
  );
  return {
    windowDays: METRICS_WINDOW_DAYS,
    ...m,
    uneditedPercent: uneditedPercent(m),
    editDelta: {
      averagePercent: deltas.length ? Math.round((10 * deltas.reduce((s, d) => s + d, 0)) / deltas.length) / 10 : null,
      maxPercent: deltas.length ? Math.round(10 * Math.max(...deltas)) / 10 : null,
    },
    rejectionReasons: [...reasons]
      .map(([reason, count]) => ({ reason, count }))
      .sort((a, b) => b.count - a.count)
      .slice(0, 5),
    reversals,
    daysInAssist: Math.floor(assistDays),
    shadow: await shadowComparison(tx, wf, since, now),
    weekly: [...weeks].map(([week, v]) => ({ week, ...v })).sort((a, b) => a.week.localeCompare(b.week)),
    promotion,
  };
}
export type WorkflowMetrics = Awaited<ReturnType<typeof computeWorkflowMetrics>>;

// Each shadow draft against the nearest draft of the same kind for the same customer that
// someone else (a person, another agent) made from a day before to a week after it.
async function shadowComparison(tx: Tx, wf: WorkflowRow, since: Date, now: Date) {
  const rows = await tx.$queryRaw<{ would: boolean; status: string | null; revision: number | null }[]>`
    SELECT s.would_auto_approve AS would, a.status::text AS status, a.current_revision AS revision
      FROM workflow_shadow_drafts s
      LEFT JOIN LATERAL (
        SELECT x.status, x.current_revision FROM actions x
         WHERE x.kind = ${wf.actionKind}::"ActionKind" AND x.customer_id = s.customer_id
           AND x.ai_agent_id IS DISTINCT FROM ${wf.agentId}
           AND x.created_at BETWEEN s.observed_at - interval '1 day' AND s.observed_at + interval '7 days'
         ORDER BY abs(extract(epoch FROM x.created_at - s.observed_at)) LIMIT 1
      ) a ON true
     WHERE s.workflow_id = ${wf.id} AND s.observed_at >= ${since} AND s.observed_at <= ${now}`;
  const out = {
    observed: rows.length,
    wouldAutoApprove: 0,
    approvedUnedited: 0,
    approvedEdited: 0,
    rejected: 0,
    expired: 0,
    undecided: 0,
    noEquivalent: 0,
  };
  for (const r of rows) {
    if (r.would) out.wouldAutoApprove += 1;
    if (!r.status) out.noEquivalent += 1;
    else if (APPROVED.has(r.status) && r.revision === 1) out.approvedUnedited += 1;
    else if (APPROVED.has(r.status)) out.approvedEdited += 1;
    else if (r.status === 'rejected') out.rejected += 1;
    else if (r.status === 'expired') out.expired += 1;
    else out.undecided += 1;
  }
  return out;
}
