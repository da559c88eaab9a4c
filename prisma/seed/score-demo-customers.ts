import type { Db } from '@/lib/db';
import { developerSuccess } from '@/lib/server/agents/developer-success/developer-success';
import { runAgent } from '@/lib/server/agents/run-agent';
import { DEMO_SEED_MARKER } from './seed-demo-data';

// After the demo world is written, the Developer Success agent scores every customer as of the
// demo's "now", so the Expansion page and the scorecards have figures on first start — computed
// by the agent from the seeded usage, payments and tickets, not written by hand. Returns how
// many score rows exist afterwards.
export async function scoreDemoCustomers(db: Db): Promise<number> {
  const marker = await db.systemState.findUnique({ where: { key: DEMO_SEED_MARKER } });
  const now = (marker?.value as { now?: string } | null)?.now;
  if (!now) return 0;
  await runAgent(developerSuccess, { trigger: 'seed', asOf: now }, { jobId: 'seed' });
  return db.customerHealthScore.count();
}
