import { currencyExponent, formatMoney } from '@/lib/money';
import { formatDate, formatQuantity } from '@/lib/format';
import type { Fact } from '@/lib/schemas/invoice-facts';
import type { GroundingSheet } from '@/lib/ai/check-grounding';
import { extractNumbers } from '@/lib/ai/extract-numbers';
import { detectInjections, flaggedSources, type InjectionFlag, type UntrustedText } from './detect-injections';

// What the copilot's tools returned, as the grounding checker sees it: every figure a tool
// output states becomes a Fact (the same Fact type invoice explanations are checked against),
// written in the display form the model is told to copy. A number in an answer must be one of
// these facts, so an answer can only repeat what the customer's data says.

/** A source an answer may cite as [S1], [S2] … (digits glued to a letter are not figures). */
export interface CopilotSource {
  ref: string;
  type: 'document' | 'ticket' | 'invoice_explanation' | 'invoice' | 'customer';
  id: string;
  title: string;
  snippet: string;
}

export class CopilotFacts {
  readonly facts: Fact[] = [];
  readonly sources: CopilotSource[] = [];
  readonly untrusted: UntrustedText[] = [];
  private readonly identifiers = new Set<string>();
  private readonly ids = new Set<string>();

  constructor(readonly currency: string) {}

  private push(fact: Fact): string {
    if (!this.ids.has(fact.id)) {
      this.ids.add(fact.id);
      this.facts.push(fact);
    }
    return fact.display;
  }

  /** Integer (or fractional) minor units → its display form, e.g. `$1,234.50`. */
  money(id: string, label: string, minor: number, currency = this.currency): string {
    return this.push({
      id,
      label,
      unit: 'money',
      value: minor,
      currency: currency.toUpperCase(),
      display: formatMoney(minor, currency),
    });
  }

  quantity(id: string, label: string, value: number): string {
    return this.push({ id, label, unit: 'quantity', value, display: formatQuantity(value) });
  }

  /** A ratio (0.853) stated as a percent (85.3%). */
  percent(id: string, label: string, ratio: number): string {
    const value = ratio * 100;
    return this.push({ id, label, unit: 'percent', value, display: `${value.toFixed(value < 10 ? 1 : 0)}%` });
  }

  date(id: string, label: string, iso: string | Date): string {
    const d = typeof iso === 'string' ? iso : iso.toISOString();
    return this.push({ id, label, unit: 'date', value: d.slice(0, 10), display: formatDate(d) });
  }

  /** Facts computed elsewhere (an invoice's fact sheet). */
  addFacts(facts: readonly Fact[]): void {
    for (const f of facts) this.push(f);
  }

  /** Names that contain digits but are not figures (invoice numbers, endpoints, meter keys). */
  identifier(...names: Array<string | null | undefined>): void {
    for (const n of names) if (n && n.trim()) this.identifiers.add(n.trim());
  }

  /** Text written by someone other than us: checked for injected instructions. */
  read(source: string, field: string, text: string | null | undefined): void {
    if (!text || this.untrusted.some((u) => u.source === source && u.field === field && u.text === text)) return;
    this.untrusted.push({ source, field, text });
  }

  /** A citable source; the same (type, id) keeps its first ref. */
  cite(source: Omit<CopilotSource, 'ref'>): string {
    const found = this.sources.find((s) => s.type === source.type && s.id === source.id);
    if (found) return found.ref;
    const ref = `S${this.sources.length + 1}`;
    this.sources.push({ ...source, ref });
    return ref;
  }

  /**
   * Figures stated in an admin's knowledge document ("overage is billed at $0.002 per call") are
   * facts too — but only from a document that is not flagged, so an injected "$5,000 credit"
   * never grounds an answer.
   */
  factsFromDocument(sourceKey: string, text: string): void {
    if (flaggedSources(this.injections()).has(sourceKey)) return;
    const exp = currencyExponent(this.currency);
    for (const [i, t] of extractNumbers(text).entries()) {
      const id = `${sourceKey}.n${i}`;
      const label = `figure in ${sourceKey}`;
      if (t.kind === 'money' && !t.cents)
        this.push({
          id,
          label,
          unit: 'money',
          value: t.value * 10 ** exp,
          currency: this.currency.toUpperCase(),
          display: t.text,
        });
      else if (t.kind === 'percent') this.push({ id, label, unit: 'percent', value: t.value, display: t.text });
      else if (t.kind === 'number') this.push({ id, label, unit: 'quantity', value: t.value, display: t.text });
    }
  }

  injections(): InjectionFlag[] {
    return detectInjections(this.untrusted);
  }

  /** The sheet checkGrounding reads. Flagged texts never count as identifiers (nothing hides behind them). */
  sheet(): GroundingSheet {
    const flaggedText = new Set(this.injections().map((f) => f.source));
    const unsafe = new Set(this.untrusted.filter((u) => flaggedText.has(u.source)).map((u) => u.text.trim()));
    return {
      facts: this.facts,
      identifiers: [...this.identifiers].filter((i) => !unsafe.has(i)),
      currency: this.currency.toUpperCase(),
    };
  }
}
