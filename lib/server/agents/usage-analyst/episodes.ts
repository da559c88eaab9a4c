import { z } from 'zod';
import type { Tx } from '@/lib/db';
import type { MeterInsight } from '@/lib/server/insights/analyze-meter-usage';
import type { UsageAnomaly } from '@/lib/server/insights/detect-usage-anomalies';
import { DAY_MS, HOUR_MS, RECENT_HOURS, SAME_EPISODE_HOURS } from '@/lib/server/insights/insight-rules';

// Anomaly episodes are reported once: which ones a run sees are new, given what the agent's
// earlier decision records reported.

// How an episode is remembered in AgentRun.outputs.episodes: its meter and first alarmed hour.
export const episodeRef = z.object({
  meterKey: z.string(),
  at: z.string(),
  direction: z.enum(['up', 'down']),
  kind: z.string(),
  runaway: z.boolean().default(false),
});
export type EpisodeRef = z.infer<typeof episodeRef>;

export interface NewEpisode {
  meter: MeterInsight;
  anomaly: UsageAnomaly;
  /** Reported before without the runaway flag: only the escalation (Slack alert) is new. */
  escalation: boolean;
}

// Anomalies are reported once per episode. An episode is actionable while it is recent or still
// going on; it is new unless a previous run reported one on the same meter, in the same direction,
// within a day of it (late data can move an alarm by a few hours). A reported episode that has
// since turned runaway is new once more, for its escalation only.
export function findNewEpisodes(
  meters: readonly MeterInsight[],
  prior: readonly EpisodeRef[],
  hour: number,
): NewEpisode[] {
  const out: NewEpisode[] = [];
  for (const meter of meters) {
    for (const anomaly of meter.anomalies) {
      if (hour - anomaly.at > RECENT_HOURS * HOUR_MS && !anomaly.ongoing) continue;
      const same = prior.filter(
        (p) =>
          p.meterKey === meter.meterKey &&
          p.direction === anomaly.direction &&
          Math.abs(Date.parse(p.at) - anomaly.at) <= SAME_EPISODE_HOURS * HOUR_MS,
      );
      if (!same.length) out.push({ meter, anomaly, escalation: false });
      else if (anomaly.runaway && !same.some((p) => p.runaway)) out.push({ meter, anomaly, escalation: true });
    }
  }
  return out;
}

const outputs = z.object({ episodes: z.array(episodeRef).catch([]) }).catch({ episodes: [] });
// Long enough to cover any episode the analysis window (4 weeks + a period) can still see.
const LOOKBACK_DAYS = 62;

// The anomaly episodes this customer's earlier decision records already reported. `now` is the
// application clock (decision records are stamped with it), not the database's now().
export async function loadReportedEpisodes(
  tx: Tx,
  agentId: string,
  customerId: string,
  now: Date,
): Promise<EpisodeRef[]> {
  const runs = await tx.agentRun.findMany({
    where: {
      agentId,
      customerId,
      status: 'succeeded',
      startedAt: { gte: new Date(now.getTime() - LOOKBACK_DAYS * DAY_MS) },
    },
    select: { outputs: true },
  });
  return runs.flatMap((r) => outputs.parse(r.outputs).episodes);
}
