import { getEnv } from '@/lib/env';
import type { BillingProvider } from '@/lib/server/billing/billing-provider';
import { getBillingProvider } from '@/lib/server/billing/get-billing-provider';
import { claimNextAction } from './claim-next-action';
import { executeClaimedAction } from './execute-claimed-action';

// Executes every action that is due right now, one at a time, and returns how each ended.
export async function runDueActions(given?: BillingProvider, max = 50): Promise<string[]> {
  const provider = given ?? (await getBillingProvider());
  const outcomes: string[] = [];
  for (let i = 0; i < max; i++) {
    const claim = await claimNextAction(getEnv().ACTION_LEASE_SECONDS);
    if (!claim) break;
    outcomes.push(await executeClaimedAction(claim, provider));
  }
  return outcomes;
}
