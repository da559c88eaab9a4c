import type { FactSheet, InvoiceExplanation } from '@/lib/schemas/invoice-facts';

// Model-style answers for tests and demos of the explain flow: one that only uses fact display
// forms (passes the grounding check) and one with a made-up amount (fails it).

export const MADE_UP_AMOUNT = '$9,999.99';

function show(sheet: FactSheet, id: string): string {
  const fact = sheet.facts.find((f) => f.id === id);
  if (!fact) throw new Error(`no fact ${id}`);
  return fact.display.replace(/^-/, '');
}

/** A grounded, model-like explanation of `sheet` (expects an `api_calls` meter). */
export function groundedAnswer(sheet: FactSheet): InvoiceExplanation {
  const s = (id: string) => show(sheet, id);
  const hasChange = sheet.change !== null;
  return {
    summary: `This invoice comes to ${s('invoice.total')}, most of it usage: API calls alone account for ${s('meter.api_calls.amount')}. ${hasChange ? `That is ${s('change.total')} more than last month.` : 'It is your first invoice.'}`,
    lines: sheet.lines.map((l) => ({
      lineId: l.id,
      explanation: `${l.description} — ${s(`line.${l.factKey}.amount`)} for this period.`,
    })),
    changes: hasChange
      ? [
          `You made more API calls (${s('meter.api_calls.overage_quantity')} billable), which added ${s('change.meter.api_calls.volume')}, and the unit price of ${s('meter.api_calls.unit_price')} added ${s('change.meter.api_calls.price')}.`,
        ]
      : ['This is the first invoice, so there is nothing to compare.'],
  };
}

/** The grounded answer with one made-up amount in the summary. */
export function ungroundedAnswer(sheet: FactSheet): InvoiceExplanation {
  const answer = groundedAnswer(sheet);
  return { ...answer, summary: `${answer.summary} You could save ${MADE_UP_AMOUNT} a year on an annual plan.` };
}
