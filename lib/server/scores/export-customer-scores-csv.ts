import type { ScoreListQuery } from '@/lib/schemas/scores';
import { listCustomerScores } from './list-customer-scores';

const MAX_ROWS = 10_000;
const PAGE = 200;
const COLUMNS = [
  'customer_id',
  'customer',
  'email',
  'plan',
  'mrr_minor',
  'currency',
  'expansion',
  'health',
  'churn_risk',
  'headroom_used_pct',
  'forecast_crossing',
  'owner',
  'top_factors',
  'computed_at',
] as const;

// RFC 4180 quoting; a cell a spreadsheet would run as a formula is prefixed with a quote
// (customer names come from outside).
function cell(value: unknown): string {
  let text = value === null || value === undefined ? '' : String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

// The list as filtered and sorted on screen, every page of it (up to 10 000 customers).
export async function exportCustomerScoresCsv(query: ScoreListQuery): Promise<string> {
  const lines = [COLUMNS.join(',')];
  for (let offset = 0; offset < MAX_ROWS; offset += PAGE) {
    const { items } = await listCustomerScores({ ...query, limit: PAGE, offset });
    for (const r of items) {
      const top = [...r.card.factors]
        .sort((a, b) => b.points - a.points)
        .slice(0, 3)
        .map((f) => `${f.label} ${f.points}/${f.maxPoints}`)
        .join('; ');
      lines.push(
        [
          r.customerId,
          r.customerName,
          r.email,
          r.plan?.name,
          r.mrrMinor,
          r.currency,
          r.expansion,
          r.health,
          r.churnRisk,
          r.headroomUsed === null ? null : Math.round(r.headroomUsed * 100),
          r.crossingAt,
          r.owner,
          top,
          r.computedAt,
        ]
          .map(cell)
          .join(','),
      );
    }
    if (items.length < PAGE) break;
  }
  return `${lines.join('\n')}\n`;
}
