import type { MeterInsight } from '@/lib/server/insights/analyze-meter-usage';

export interface AlertRow {
  id: string;
  meterId: string;
  periodStart: Date;
  thresholdPct: number;
  resolvedAt: Date | null;
}

export interface ThresholdChanges {
  /** Newly crossed this period (refire: a resolved alert crossed again, e.g. after a plan change). */
  fire: { meterId: string; meterKey: string; pct: number; refireId: string | null }[];
  resolve: { id: string; meterId: string; pct: number }[];
}

// Which tier thresholds fire or resolve now. One alert row per customer, meter, period and
// threshold (the table's unique key) is what makes a threshold fire once per period. An alert
// resolves when usage is back under it — within a period that happens after an upgrade raised
// the included quantity; alerts of a past period resolve because the new period starts at zero.
export function evaluateThresholds(
  meters: readonly MeterInsight[],
  pcts: readonly number[],
  periodStart: number,
  alerts: readonly AlertRow[],
): ThresholdChanges {
  const out: ThresholdChanges = { fire: [], resolve: [] };
  const current = (a: AlertRow) => a.periodStart.getTime() === periodStart;
  for (const a of alerts) {
    if (!a.resolvedAt && (!current(a) || !meters.some((m) => m.meterId === a.meterId && m.included)))
      out.resolve.push({ id: a.id, meterId: a.meterId, pct: a.thresholdPct });
  }
  for (const m of meters) {
    if (!m.included) continue;
    for (const pct of pcts) {
      const crossed = m.used >= (m.included * pct) / 100;
      const row = alerts.find((a) => current(a) && a.meterId === m.meterId && a.thresholdPct === pct);
      if (crossed && (!row || row.resolvedAt))
        out.fire.push({ meterId: m.meterId, meterKey: m.meterKey, pct, refireId: row?.id ?? null });
      else if (!crossed && row && !row.resolvedAt) out.resolve.push({ id: row.id, meterId: m.meterId, pct });
    }
  }
  return out;
}
