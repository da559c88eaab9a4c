import type Stripe from 'stripe';
import { getEnv } from '@/lib/env';
import { clock } from '@/lib/clock';
import { buildForwardUnits } from './build-forward-units';
import { claimForwardUnits, type ClaimedUnit } from './claim-forward-units';
import { recordForwardResults, type SendResult } from './record-forward-results';
import { sendMeterEvent, sendMeterEventBatch, STREAM_BATCH } from './send-meter-events';

export type ForwardStep = 'before_send' | 'after_send' | 'after_record';

export interface ForwardOptions {
  mode?: 'v1' | 'v2';
  aggregate?: boolean;
  batch?: number;
  concurrency?: number;
  leaseMs?: number;
  /** Stop after this many rounds (default: until nothing is due). */
  maxRounds?: number;
  /** Test seam: called at each step with the units concerned (the crash tests kill the process here). */
  onStep?: (step: ForwardStep, unitIds: string[]) => Promise<void> | void;
}

export interface ForwardOutcome {
  built: number;
  flaggedEvents: number;
  sent: number;
  acked: number;
  retried: number;
  refused: number;
}

// Forwards accepted usage to Stripe until nothing is due: pending events become units (fixed
// identifier, value, timestamp), due units are claimed under a lease, sent (v1: `concurrency`
// requests at once; v2: batches of 100), and the outcomes recorded in one go. Exactly once:
// a unit is resent only while not acknowledged, and always as itself, so Stripe's identifier
// dedupe absorbs the one resend a crash between send and record can cause; past that window
// the unit is flagged instead (claimForwardUnits).
export async function forwardUsage(stripe: Stripe, options: ForwardOptions = {}): Promise<ForwardOutcome> {
  const env = getEnv();
  const mode = options.mode ?? (env.USAGE_FORWARDING === 'v2' ? 'v2' : 'v1');
  const batch = options.batch ?? env.USAGE_FORWARD_BATCH;
  const concurrency = options.concurrency ?? env.USAGE_FORWARD_CONCURRENCY;
  const leaseMs = options.leaseMs ?? env.USAGE_FORWARD_LEASE_MS;
  const aggregate = options.aggregate ?? env.USAGE_FORWARD_AGGREGATE;
  const total: ForwardOutcome = { built: 0, flaggedEvents: 0, sent: 0, acked: 0, retried: 0, refused: 0 };
  for (let round = 0; round < (options.maxRounds ?? Infinity); round++) {
    const built = await buildForwardUnits(batch, aggregate);
    total.built += built.built;
    total.flaggedEvents += built.flagged;
    const units = await claimForwardUnits(batch, leaseMs);
    if (!units.length && !built.built && !built.flagged) break;
    await options.onStep?.(
      'before_send',
      units.map((u) => u.id),
    );
    const results = await sendAll(stripe, units, mode, concurrency, options.onStep);
    await recordForwardResults(results);
    await options.onStep?.(
      'after_record',
      units.map((u) => u.id),
    );
    total.sent += units.length;
    for (const r of results) {
      if (r.outcome === 'acked') total.acked++;
      else if (r.outcome === 'retry') total.retried++;
      else total.refused++;
    }
  }
  return total;
}

async function sendAll(
  stripe: Stripe,
  units: ClaimedUnit[],
  mode: 'v1' | 'v2',
  concurrency: number,
  onStep: ForwardOptions['onStep'],
): Promise<SendResult[]> {
  const requests: ClaimedUnit[][] =
    mode === 'v2'
      ? Array.from({ length: Math.ceil(units.length / STREAM_BATCH) }, (_, i) =>
          units.slice(i * STREAM_BATCH, (i + 1) * STREAM_BATCH),
        )
      : units.map((u) => [u]);
  const results: SendResult[] = [];
  let next = 0;
  const lane = async () => {
    while (next < requests.length) {
      const group = requests[next++]!;
      const sent =
        mode === 'v2'
          ? await sendMeterEventBatch(stripe, group, clock.nowMs())
          : [await sendMeterEvent(stripe, group[0]!)];
      await onStep?.(
        'after_send',
        group.map((u) => u.id),
      );
      results.push(...sent);
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, requests.length) }, lane));
  return results;
}
