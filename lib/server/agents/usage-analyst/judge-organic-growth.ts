import { formatDate, formatQuantity } from '@/lib/format';
import type { MeterInsight } from '@/lib/server/insights/analyze-meter-usage';
import { usagePercent } from './usage-percent';

// Is crossing `pct` of the included quantity organic growth (worth an upgrade) or the work of an
// anomaly (worth a review)? Not organic while an upward episode is runaway or still going on, or
// when the units above baseline during this period's upward episodes are what pushed usage over.
export function judgeOrganicGrowth(m: MeterInsight, pct: number): { organic: boolean; why: string } {
  const ups = m.anomalies.filter((a) => a.direction === 'up');
  const live = ups.find((a) => a.runaway || a.ongoing);
  if (live) {
    return {
      organic: false,
      why: `${m.meterName} crossed ${pct}%, but during anomalous growth (${live.runaway ? 'runaway' : live.kind.replace('_', ' ')} since ${formatDate(new Date(live.at))}, now ${live.currentRatio.toFixed(1)}x its baseline): no upgrade proposed.`,
    };
  }
  const excess = ups.reduce((s, a) => s + a.excessInPeriod, 0);
  const without = m.used - excess;
  if (m.included && excess > 0 && without < (m.included * pct) / 100) {
    return {
      organic: false,
      why: `${m.meterName} crossed ${pct}% only because of ${formatQuantity(Math.round(excess))} ${m.unit} above baseline during anomalies; without them usage would be ${usagePercent(without / m.included)}: no upgrade proposed.`,
    };
  }
  return {
    organic: true,
    why: `${m.meterName} crossed ${pct}% of the included ${formatQuantity(m.included ?? 0)} ${m.unit} with organic growth (${usagePercent(m.utilisation ?? 0)} used, no anomalous episode behind it).`,
  };
}
