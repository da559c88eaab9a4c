import type { FactSheet } from '@/lib/schemas/invoice-facts';
import type { GroundingVerdict } from '@/lib/ai/check-grounding';

// The prompt for invoice explanations. Bump PROMPT_VERSION whenever the wording changes: it is
// stored with every explanation so a decision record says which prompt produced it.

export const PROMPT_VERSION = 'invoice-explain/v1';

export const INVOICE_SYSTEM_PROMPT = `You explain usage-based invoices to software developers in plain, friendly language.

Rules — follow all of them:
1. Every number you write (amounts, quantities, percentages, dates) must be copied exactly from the "display" column of the FACTS table. Never calculate, add up, round, convert or estimate a number yourself. If a number you would like to state is not in FACTS, say it in words without a number.
2. Write no other digits: no line numbers, no counts that are not in FACTS, no times of day, no version numbers. Line descriptions may be quoted exactly as given.
3. For credits, discounts and decreases, write the display value without its minus sign and say "credit", "discount", "lower" or "less".
4. "summary": 2 to 4 sentences — what the invoice covers, its total, what makes it up and the main change since the previous invoice.
5. "lines": exactly one entry for every invoice line, in the order given, with "lineId" copied exactly; say what the line is and how its amount comes about.
6. "changes": what changed since the previous invoice and why, one sentence per entry, using the change.* facts (volume effect = more or less usage, price effect = a different unit price). If there is no previous invoice, a single entry saying this is the first invoice.
7. Answer with the JSON object only.`;

function table(rows: string[][]): string {
  return rows.map((r) => r.map((c) => c.replace(/\s*\|\s*/g, ' / ').replace(/\s+/g, ' ')).join(' | ')).join('\n');
}

/** The user message: the invoice's lines, its facts and the change drivers. */
export function buildInvoicePrompt(sheet: FactSheet): string {
  const header = [
    `Invoice ${sheet.invoiceNumber ?? '(no number)'} — currency ${sheet.currency}, status ${sheet.status}.`,
    sheet.change
      ? 'A previous invoice exists; explain the change using the change.* facts.'
      : sheet.previous
        ? `The previous invoice is in ${sheet.previous.currency}, so the change is not compared.`
        : 'There is no previous invoice: this is the first one.',
  ].join('\n');
  const lines = table([
    ['lineId', 'kind', 'description'],
    ...sheet.lines.map((l) => [l.id, l.proration ? `${l.kind} (proration)` : l.kind, l.description]),
  ]);
  const facts = table([['id', 'label', 'display'], ...sheet.facts.map((f) => [f.id, f.label, f.display])]);
  const drivers = sheet.change
    ? table([
        ['driver', 'label', 'fact id'],
        ...[...sheet.change.drivers]
          .sort((a, b) => Math.abs(b.amount) - Math.abs(a.amount))
          .map((d) => [d.kind, d.label, d.factId]),
      ])
    : '(none)';
  return `${header}\n\nLINES\n${lines}\n\nFACTS\n${facts}\n\nCHANGE DRIVERS (largest first; they add up to change.total)\n${drivers}`;
}

/** Extra instructions for the one regeneration after a failed grounding check. */
export function buildRetryInstruction(verdict: GroundingVerdict): string {
  const bad = verdict.unverified.map((n) => `"${n.text}" (in ${n.section})`);
  const parts = ['Your previous answer was rejected.'];
  if (bad.length > 0) parts.push(`These numbers are not in FACTS: ${[...new Set(bad)].join(', ')}.`);
  if (verdict.issues.length > 0) parts.push(`Problems: ${verdict.issues.join(' ')}`);
  parts.push('Write the explanation again, copying every number exactly from the FACTS display column.');
  return parts.join(' ');
}
