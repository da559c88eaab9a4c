import { createHash, randomUUID } from 'node:crypto';
import type { Prisma } from '@/generated/prisma/client';
import type { GroundingVerdict } from '@/lib/ai/check-grounding';
import type { ExplainAttempt, InvoiceExplanationResult } from '@/lib/ai/explain-invoice';
import type { FactSheet } from '@/lib/schemas/invoice-facts';
import { decisionRow } from '@/lib/server/decisions/record-decision';
import type { StoredInvoiceFacts } from './build-stored-invoice-facts';
import { clock } from '@/lib/clock';

// Who writes invoice explanations: recorded on every AgentRun and audit event it produces.
// Bump the version when the flow (not the prompt: that has PROMPT_VERSION) changes.
export const INVOICE_EXPLAINER = { id: 'invoice-explainer', version: '1.0.0' } as const;

// Pure: an explain result → the rows that record it. The InvoiceExplanation is what readers see
// (text, writer, verdict, the fact sheet it was checked against); the AgentRun is the decision
// record (what started it, what it saw, each attempt's verdict, why this text was kept). Shared
// by the on-demand/job path and the seed, so both store exactly the same shape.

export interface ExplanationTrigger {
  /** e.g. `invoice.finalized`, `on_demand`, `seed`. */
  type: string;
  /** What the trigger refers to, e.g. `webhook_events:<id>` or `invoices:<id>`. */
  ref?: string | null;
  /** The user who asked, for on-demand explanations. */
  requestedBy?: string | null;
}

const json = (value: unknown) => value as Prisma.InputJsonValue;
export const newRecordId = (prefix: string) => `${prefix}_${randomUUID().replaceAll('-', '')}`;

/** A stable id of the facts an explanation was checked against. */
export function factSheetId(sheet: FactSheet): string {
  const digest = createHash('sha256')
    .update(JSON.stringify({ id: sheet.invoiceId, lines: sheet.lines, facts: sheet.facts }))
    .digest('hex');
  return `fs_${digest.slice(0, 24)}`;
}

export function compactVerdict(v: GroundingVerdict) {
  return {
    ok: v.ok,
    numbers: v.numbers.map((n) => ({ text: n.text, section: n.section, start: n.start, end: n.end, factId: n.factId })),
    unverified: v.unverified.map((n) => ({ text: n.text, section: n.section })),
    issues: v.issues,
  };
}

function attemptRecord(a: ExplainAttempt) {
  return {
    attempt: a.attempt,
    source: a.source,
    provider: a.provider,
    modelId: a.modelId,
    promptVersion: a.promptVersion,
    ok: a.verdict.ok,
    numbers: a.verdict.numbers.length,
    unverified: a.verdict.unverified.map((n) => n.text),
    issues: a.verdict.issues,
    error: a.error,
  };
}

const writer = (a: Pick<ExplainAttempt, 'provider' | 'modelId'>) => `${a.provider} · ${a.modelId}`;

/** Why the stored text is the one it is, in a sentence or two. */
export function explanationReasoning(r: InvoiceExplanationResult): string {
  const n = r.verdict.numbers.length;
  const first = r.attempts[0];
  const rejected = r.attempts.filter((a) => a.source === 'model' && !a.verdict.ok);
  let text: string;
  switch (r.fallbackReason) {
    case null:
      text = `${writer(r)} wrote the explanation (prompt ${r.promptVersion}); all ${n} numbers in it match facts of the invoice${rejected.length ? ', on the regeneration after the first answer was rejected' : ''}.`;
      break;
    case 'not_configured':
      text = `No AI model is configured, so the built-in writer composed the explanation from the fact sheet; all ${n} numbers in it match facts of the invoice.`;
      break;
    case 'ungrounded': {
      const bad = rejected.map(
        (a) =>
          `attempt ${a.attempt}: ${[...new Set(a.verdict.unverified.map((u) => u.text))].join(', ') || a.verdict.issues.join(' ')}`,
      );
      text = `${writer(first)} stated numbers that are not in the invoice data (${bad.join('; ')}), so its text was rejected${rejected.length > 1 ? ' after one regeneration' : ''}; the built-in writer's explanation was stored instead (${n} numbers, all matching facts).`;
      break;
    }
    default:
      text = `The model call to ${writer(first)} failed (${r.attempts.find((a) => a.error)?.error ?? 'unknown error'}); the built-in writer's explanation was stored instead.`;
  }
  if (!r.verdict.ok)
    text += ` Warning: the stored text has ${r.verdict.unverified.length} number(s) not matched to a fact and ${r.verdict.issues.length} structural issue(s).`;
  return text;
}

export interface ExplanationRecordsInput {
  facts: StoredInvoiceFacts;
  result: InvoiceExplanationResult;
  trigger: ExplanationTrigger;
  agentRunId?: string;
  explanationId?: string;
  startedAt: Date;
  finishedAt?: Date;
}

export function buildExplanationRecords(input: ExplanationRecordsInput) {
  const { facts, result, trigger } = input;
  const { sheet } = facts;
  const agentRunId = input.agentRunId ?? newRecordId('run');
  const explanationId = input.explanationId ?? newRecordId('expl');
  const consulted = result.attempts[0];
  const reasoning = explanationReasoning(result);
  const finishedAt = input.finishedAt ?? clock.now();
  const agentRun = decisionRow(
    {
      id: agentRunId,
      agent: INVOICE_EXPLAINER,
      customerId: facts.invoice.customerId,
      trigger: { type: trigger.type, ref: trigger.ref ?? null, requestedBy: trigger.requestedBy ?? null },
      sourceRef: trigger.ref ?? `invoices:${facts.invoice.id}`,
      inputs: {
        invoiceId: facts.invoice.id,
        previousInvoiceId: facts.previousInvoiceId,
        factSheetId: factSheetId(sheet),
        factSheet: {
          currency: sheet.currency,
          total: sheet.totals.total,
          totalChange: sheet.change?.totalChange ?? null,
          lines: sheet.lines.length,
          meters: sheet.meters.map((m) => m.key),
          facts: sheet.facts.length,
          warnings: sheet.warnings,
        },
        mappingNotes: facts.notes,
      },
      // The model that was consulted first (the built-in writer when none is configured).
      model: { provider: consulted.provider, id: consulted.modelId, promptVersion: consulted.promptVersion },
      startedAt: input.startedAt,
    },
    {
      outcome: result.fallbackReason ? `explained by the built-in writer (${result.fallbackReason})` : 'explained',
      reasoning,
      // Each number of the stored text and the fact it was matched to.
      evidence: result.verdict.numbers.map((n) => ({ text: n.text, factId: n.factId })),
      // Each writer consulted, in order, with its verdict.
      toolCalls: result.attempts.map((a) => ({
        name: a.source === 'model' ? `model:${a.provider}/${a.modelId}` : 'builtin-writer',
        args: { attempt: a.attempt, promptVersion: a.promptVersion },
        result: { ok: a.verdict.ok, error: a.error },
      })),
      drafts: [],
      outputs: {
        explanationId,
        accepted: {
          source: result.source,
          provider: result.provider,
          modelId: result.modelId,
          promptVersion: result.promptVersion,
        },
        fallbackReason: result.fallbackReason,
        verdicts: result.attempts.map(attemptRecord),
      },
      finishedAt,
    },
  );
  const explanation = {
    id: explanationId,
    invoiceId: facts.invoice.id,
    agentRunId,
    summary: result.sections.summary,
    sections: json({
      lines: result.sections.lines,
      changes: result.sections.changes,
      label: result.label,
      fallbackReason: result.fallbackReason,
    }),
    source: result.source,
    provider: result.provider,
    modelId: result.modelId,
    promptVersion: result.promptVersion,
    verdict: json({
      ...compactVerdict(result.verdict),
      fallbackReason: result.fallbackReason,
      attempts: result.attempts.map(attemptRecord),
    }),
    facts: json(sheet),
    createdAt: finishedAt,
  };
  return { agentRun: { ...agentRun, id: agentRunId }, explanation, reasoning };
}

export type ExplanationRecords = ReturnType<typeof buildExplanationRecords>;
