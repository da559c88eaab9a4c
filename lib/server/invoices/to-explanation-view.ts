import { z } from 'zod';
import { attributeNumbers } from '@/lib/ai/check-grounding';
import { BUILTIN_WRITER_LABEL } from '@/lib/ai/builtin-writer';
import { factSheetSchema, type Fact, type FactSheet } from '@/lib/schemas/invoice-facts';
import { explanationView, type AttributedText, type ExplanationView } from '@/lib/schemas/invoices';
import { renderExplanationMarkdown } from './render-explanation-markdown';

// Pure: a stored InvoiceExplanation row → what the page shows. Each number in the text is
// attributed to the fact it states (attributeNumbers against the stored fact sheet), so the UI
// can name the source of every number on hover; drivers come from the same fact sheet.

export interface StoredExplanationRow {
  id: string;
  invoiceId: string;
  agentRunId: string | null;
  summary: string;
  sections: unknown;
  source: string;
  provider: string;
  modelId: string | null;
  promptVersion: string;
  verdict: unknown;
  facts: unknown;
  createdAt: Date;
}

/** Prisma select giving a StoredExplanationRow. */
export const storedExplanationSelect = {
  id: true,
  invoiceId: true,
  agentRunId: true,
  summary: true,
  sections: true,
  source: true,
  provider: true,
  modelId: true,
  promptVersion: true,
  verdict: true,
  facts: true,
  createdAt: true,
} as const;

const fallbackReason = z.enum(['not_configured', 'ungrounded', 'model_error']).nullable().catch(null);
const sectionsSchema = z.object({
  lines: z.array(z.object({ lineId: z.string(), explanation: z.string() })).catch([]),
  changes: z.array(z.string()).catch([]),
  label: z.string().optional(),
  fallbackReason: fallbackReason.optional(),
});
const verdictSchema = z.object({
  ok: z.boolean().catch(false),
  numbers: z.array(z.object({ factId: z.string().nullable() })).catch([]),
  attempts: z
    .array(
      z.object({
        attempt: z.number(),
        source: z.enum(['model', 'builtin']),
        provider: z.string(),
        modelId: z.string().nullable(),
        ok: z.boolean(),
        unverified: z.array(z.string()),
        issues: z.array(z.string()),
      }),
    )
    .catch([]),
});

/**
 * Several facts can have the same value (a flat-fee-only invoice: subtotal = total = the fee).
 * Any of them is a true source; name the one the section talks about — the line's own facts in
 * a line, change facts in "what changed", the total in the summary — among candidates of the
 * best match's unit.
 */
function preferredFactId(
  candidates: string[],
  section: string,
  sheet: FactSheet,
  facts: Map<string, Fact>,
): string | null {
  if (candidates.length === 0) return null;
  const unit = facts.get(candidates[0])?.unit;
  const same = candidates.filter((id) => facts.get(id)?.unit === unit);
  const lineKey = section.startsWith('lines.')
    ? sheet.lines.find((l) => `lines.${l.id}` === section)?.factKey
    : undefined;
  const order =
    lineKey !== undefined
      ? [`line.${lineKey}.`, 'meter.']
      : section.startsWith('changes.')
        ? ['change.', 'prev.', 'invoice.total', 'meter.']
        : ['invoice.total', 'invoice.', 'change.'];
  for (const prefix of order) {
    const hit = same.find((id) => id.startsWith(prefix));
    if (hit) return hit;
  }
  return candidates[0];
}

function attribute(text: string, sheet: FactSheet | null, section: string): AttributedText {
  if (!sheet) return { text, segments: [{ text }] };
  const facts = new Map(sheet.facts.map((f) => [f.id, f]));
  const segments: AttributedText['segments'] = [];
  let at = 0;
  for (const n of attributeNumbers(text, sheet, section).sort((a, b) => a.start - b.start)) {
    if (n.start < at) continue;
    if (n.start > at) segments.push({ text: text.slice(at, n.start) });
    const factId = n.factId ? preferredFactId(n.candidateFactIds, section, sheet, facts) : null;
    const fact = factId ? facts.get(factId) : undefined;
    segments.push(
      fact
        ? {
            text: text.slice(n.start, n.end),
            factId: fact.id,
            label: fact.label,
            source: `${fact.id} = ${fact.display}`,
          }
        : { text: text.slice(n.start, n.end), factId: null, source: 'Not found in the invoice data' },
    );
    at = n.end;
  }
  if (at < text.length) segments.push({ text: text.slice(at) });
  return { text, segments };
}

function changeView(sheet: FactSheet | null): ExplanationView['change'] {
  if (!sheet?.change || !sheet.previous) return null;
  const display = (id: string) => sheet.facts.find((f) => f.id === id)?.display ?? '';
  const c = sheet.change;
  return {
    currency: sheet.currency,
    previousInvoiceId: c.previousInvoiceId,
    previousInvoiceNumber: sheet.previous.invoiceNumber,
    previousTotal: display('prev.total'),
    total: display('invoice.total'),
    totalChange: { amount: c.totalChange, display: display('change.total'), factId: 'change.total' },
    totalChangePercent: c.totalChangePercent === null ? null : display('change.total_percent') || null,
    drivers: [...c.drivers]
      .sort((a, b) => Math.abs(b.amount) - Math.abs(a.amount))
      .map((d) => ({
        id: d.id,
        kind: d.kind,
        label: d.label,
        amount: d.amount,
        display: display(d.factId),
        factId: d.factId,
      })),
  };
}

// The built-in label says "no AI model configured"; a fallback from a configured model says why instead.
function writerLabel(
  source: 'model' | 'builtin',
  label: string | undefined,
  reason: ExplanationView['fallbackReason'],
  row: StoredExplanationRow,
): string {
  if (source === 'model') return label ?? `${row.provider} · ${row.modelId ?? ''}`;
  if (reason === 'ungrounded') return "Built-in writer (the model's text failed the grounding check)";
  if (reason === 'model_error') return 'Built-in writer (the model could not be reached)';
  return BUILTIN_WRITER_LABEL;
}

export function toExplanationView(row: StoredExplanationRow): ExplanationView {
  const parsedSheet = factSheetSchema.safeParse(row.facts);
  const sheet = parsedSheet.success ? parsedSheet.data : null;
  const sections = sectionsSchema.catch({ lines: [], changes: [] }).parse(row.sections);
  const verdict = verdictSchema.catch({ ok: false, numbers: [], attempts: [] }).parse(row.verdict);
  const source = row.source === 'model' ? 'model' : 'builtin';
  const descriptions = new Map(sheet?.lines.map((l) => [l.id, l.description || l.kind]) ?? []);
  const lines = sections.lines.map((l) => ({
    lineId: l.lineId,
    description: descriptions.get(l.lineId) ?? '',
    ...attribute(l.explanation, sheet, `lines.${l.lineId}`),
  }));
  const base = {
    id: row.id,
    invoiceId: row.invoiceId,
    invoiceNumber: sheet?.invoiceNumber ?? null,
    agentRunId: row.agentRunId,
    createdAt: row.createdAt.toISOString(),
    source,
    writerLabel: writerLabel(source, sections.label, sections.fallbackReason ?? null, row),
    provider: row.provider,
    modelId: row.modelId,
    promptVersion: row.promptVersion,
    fallbackReason: sections.fallbackReason ?? null,
    verdict: {
      ok: verdict.ok,
      numbers: verdict.numbers.length,
      verified: verdict.numbers.filter((n) => n.factId !== null).length,
      attempts: verdict.attempts.map(({ attempt, source: s, provider, modelId, ok, unverified, issues }) => ({
        attempt,
        source: s,
        provider,
        modelId,
        ok,
        unverified,
        issues,
      })),
    },
    summary: attribute(row.summary, sheet, 'summary'),
    lines,
    changes: sections.changes.map((c, i) => attribute(c, sheet, `changes.${i}`)),
    change: changeView(sheet),
    warnings: sheet?.warnings ?? [],
  } satisfies Omit<ExplanationView, 'markdown'>;
  const markdown = renderExplanationMarkdown({
    ...base,
    summary: row.summary,
    lines: lines.map((l) => ({ description: l.description, text: l.text })),
    changes: sections.changes,
  });
  return explanationView.parse({ ...base, markdown });
}
