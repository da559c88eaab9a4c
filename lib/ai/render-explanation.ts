import type { InvoiceExplanation } from '@/lib/schemas/invoice-facts';

// Plain-text rendering of an explanation (streaming preview, storage, e-mail). Rendering a
// partial explanation gives a prefix of rendering the complete one, as long as the JSON arrives
// in schema order (summary, lines, changes) — that is what makes text deltas possible.

export const CHANGES_HEADING = 'What changed since the previous invoice';

export interface PartialExplanation {
  summary?: string;
  lines?: Array<{ lineId?: string; explanation?: string } | undefined>;
  changes?: Array<string | undefined>;
}

export function renderExplanationText(explanation: PartialExplanation | InvoiceExplanation): string {
  let out = explanation.summary ?? '';
  const lines = explanation.lines ?? [];
  if (lines.length > 0) {
    out += '\n\n';
    out += lines.map((l) => `- ${l?.explanation ?? ''}`).join('\n');
  }
  const changes = explanation.changes ?? [];
  if (changes.length > 0) {
    out += `\n\n${CHANGES_HEADING}\n`;
    out += changes.map((c) => `- ${c ?? ''}`).join('\n');
  }
  return out;
}
