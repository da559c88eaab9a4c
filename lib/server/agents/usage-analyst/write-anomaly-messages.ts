import { formatDateTime, formatQuantity } from '@/lib/format';
import { ANOMALY_THRESHOLD } from '@/lib/analytics/anomaly';
import type { MeterInsight } from '@/lib/server/insights/analyze-meter-usage';
import type { UsageAnomaly } from '@/lib/server/insights/detect-usage-anomalies';

export interface Episode {
  meter: MeterInsight;
  anomaly: UsageAnomaly;
}

const KIND_LABEL: Record<UsageAnomaly['kind'], string> = {
  spike: 'spike',
  drop: 'drop',
  level_shift: 'level shift',
  runaway_growth: 'runaway growth',
};
export const anomalyLabel = (a: UsageAnomaly) =>
  a.kind === 'drop' && a.ongoing && a.currentRatio < 0.05 ? 'drop to zero' : KIND_LABEL[a.kind];
const x = (r: number) => `${r >= 10 ? Math.round(r) : r.toFixed(1)}x`;
const list = (xs: string[]) => [...new Set(xs)].join(' and ');

// The evidence a reviewer needs, in the agent's words, from the analysis only.
export function describeEvidence(customerName: string, { meter: m, anomaly: a }: Episode): string[] {
  return [
    `${anomalyLabel(a)} in ${m.meterName} usage of ${customerName}, first alarmed at ${formatDateTime(new Date(a.at))}.`,
    `Detector score ${a.score.toFixed(2)} (alarm threshold ${ANOMALY_THRESHOLD.toFixed(2)}); detector's first classification: ${KIND_LABEL[a.detectorKind]}.`,
    `That hour: ${formatQuantity(a.value)} ${m.unit} against a baseline of ${formatQuantity(Math.round(a.expected * 100) / 100)} (same hour in previous weeks), ${x(a.ratio)}.`,
    `First six hours: ${x(a.onsetRatio)} baseline; last six hours: ${x(a.currentRatio)} baseline${a.ongoing ? ' (still going on)' : ''}.`,
    ...(a.direction === 'up'
      ? [
          `Usage above baseline so far: ${formatQuantity(Math.round(a.excess))} ${m.unit} (${formatQuantity(Math.round(a.excessInPeriod))} of it this period).`,
        ]
      : []),
  ];
}

const WHY = {
  up: 'A sudden rise like this is more often a bug, a retry loop, a leaked key or abuse than organic growth, so no upgrade is proposed on the strength of it. Check the traffic with the customer before it is billed.',
  down: 'A sudden fall often means a broken integration, a migration away or an outage on the customer side. Check in with the customer.',
};

// One review task for the episodes a run found for a customer (one incident often shows on
// several meters at once), each with its evidence.
export function writeReviewTask(customerName: string, episodes: readonly Episode[]): { title: string; body: string } {
  const title = `Review ${list(episodes.map((e) => anomalyLabel(e.anomaly)))} in ${list(episodes.map((e) => e.meter.meterName))} usage: ${customerName}`;
  const body = [
    ...episodes.flatMap((e) => [...describeEvidence(customerName, e), '']),
    ...new Set(episodes.map((e) => WHY[e.anomaly.direction])),
  ].join('\n');
  return { title: title.slice(0, 300), body: body.slice(0, 10_000) };
}

export function writeSlackAlert(customerName: string, episodes: readonly Episode[]): string {
  const meters = episodes.map(
    ({ meter: m, anomaly: a }) =>
      `${m.meterName} is at ${x(a.currentRatio)} its usual level over the last six hours (climbing since ${formatDateTime(new Date(a.at))}, detector score ${a.score.toFixed(2)})`,
  );
  return `:rotating_light: Runaway usage at ${customerName}: ${meters.join('; ')}. A review task is in Tollgate; no upgrade will be proposed for this growth.`;
}
