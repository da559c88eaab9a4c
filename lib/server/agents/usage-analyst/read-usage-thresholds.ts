import { z } from 'zod';
import type { Tx } from '@/lib/db';
import { getPolicy } from '@/lib/server/policies/get-policy';

export const DEFAULT_USAGE_THRESHOLDS = [80, 90, 100];
const thresholds = z.array(z.number().int().min(1).max(1000)).min(1);

// Tier thresholds (percent of the included quantity) live in the plan_change policy's settings,
// so the people who own upgrades tune when the agent speaks. A malformed value falls back to
// the default rather than silencing the agent.
export async function readUsageThresholds(tx: Tx): Promise<number[]> {
  const policy = await getPolicy(tx, 'plan_change');
  const parsed = thresholds.safeParse(policy.settings.usageThresholds);
  return parsed.success ? [...new Set(parsed.data)].sort((a, b) => a - b) : DEFAULT_USAGE_THRESHOLDS;
}
