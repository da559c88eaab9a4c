import { z } from 'zod';
import type { Tx } from '@/lib/db';
import { DAY_MS } from '@/lib/server/insights/insight-rules';
import { episodeRef, type EpisodeRef } from './find-new-episodes';
import { USAGE_ANALYST_ID } from './usage-analyst-identity';
import { clock } from '@/lib/clock';

const outputs = z.object({ episodes: z.array(episodeRef).catch([]) }).catch({ episodes: [] });
// Long enough to cover any episode the analysis window (4 weeks + a period) can still see.
const LOOKBACK_DAYS = 62;

// The anomaly episodes this customer's earlier decision records already reported.
export async function loadReportedEpisodes(tx: Tx, customerId: string, now = clock.now()): Promise<EpisodeRef[]> {
  const runs = await tx.agentRun.findMany({
    where: {
      agentId: USAGE_ANALYST_ID,
      customerId,
      status: 'succeeded',
      startedAt: { gte: new Date(now.getTime() - LOOKBACK_DAYS * DAY_MS) },
    },
    select: { outputs: true },
  });
  return runs.flatMap((r) => outputs.parse(r.outputs).episodes);
}
