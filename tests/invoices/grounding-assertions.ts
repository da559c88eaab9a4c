import { expect } from 'vitest';
import { checkGrounding, type GroundedNumber } from '@/lib/ai/check-grounding';
import type { Fact, FactSheet, InvoiceExplanation } from '@/lib/schemas/invoice-facts';

// Shared by the invoice tests: every number in an explanation has a source — a fact of the sheet
// whose display form is what the text says (or its absolute value, for "a credit of $5.00").

function writtenAs(text: string, fact: Fact): boolean {
  const bare = (s: string) => s.replace(/^[-−]/, '');
  // A code the extractor does not know (XXX) is not part of the token: compare the figures then.
  const figures = (s: string) => Number((s.match(/\d[\d,]*(\.\d+)?/)?.[0] ?? 'NaN').replaceAll(',', ''));
  return bare(text) === bare(fact.display) || (fact.unit !== 'date' && figures(text) === figures(fact.display));
}

/** Asserts that every number in `ex` is traced to a fact and returns [text, factId] pairs. */
export function expectEveryNumberSourced(
  sheet: FactSheet,
  ex: InvoiceExplanation,
  context = '',
): Array<[string, string]> {
  const verdict = checkGrounding(ex, sheet);
  expect(verdict.issues, context).toEqual([]);
  expect(
    verdict.unverified.map((n) => `${n.section}: ${n.text}`),
    context,
  ).toEqual([]);
  const facts = new Map(sheet.facts.map((f) => [f.id, f]));
  return verdict.numbers.map((n: GroundedNumber) => {
    expect(n.factId, `${context} ${n.section}: ${n.text}`).not.toBeNull();
    const fact = facts.get(n.factId!);
    expect(fact, `${context} ${n.factId}`).toBeDefined();
    expect(writtenAs(n.text, fact!), `${context} "${n.text}" vs ${fact!.id} = ${fact!.display}`).toBe(true);
    return [n.text, n.factId!] as [string, string];
  });
}
