import { getDb, type Db } from '@/lib/db';
import { generateDemoData, type DemoDataOptions } from '../factories/demo-data';
import { writeCatalog } from './write-catalog';
import { writeCrmLinks } from './write-crm-links';
import { writeCustomers } from './write-customers';
import { writeDunningDecisions } from './write-dunning-decisions';
import { writeInvoiceExplanations } from './write-invoice-explanations';
import { writeKnowledgeDocuments } from './write-knowledge-documents';
import { writeRollups } from './write-rollups';
import { writeIncidentUsage } from './write-incident-usage';
import { runAgent } from '@/lib/server/agents/run-agent';
import { billingOpsSla } from '@/lib/server/agents/billing-ops-sla/billing-ops-sla';
import { usageAnalyst } from '@/lib/server/agents/usage-analyst/usage-analyst';

export const DEMO_SEED_MARKER = 'demo_seed';

export interface SeedResult {
  seeded: boolean;
  customers: number;
  rollups: number;
}

// Seeds the demo world once. Everything, including the marker, is one transaction: a crash
// mid-seed leaves an empty database and the next start seeds again.
export async function seedDemoData(db: Db, options: DemoDataOptions = {}): Promise<SeedResult> {
  const marker = await db.systemState.findUnique({ where: { key: DEMO_SEED_MARKER } });
  if (marker || (await db.user.count()) > 0) return { seeded: false, customers: 0, rollups: 0 };
  const data = generateDemoData(options);
  let rollups = 0;
  await db.$transaction(
    async (tx) => {
      await writeCatalog(tx, data);
      await writeCustomers(tx, data);
      await writeCrmLinks(tx, data);
      rollups = await writeRollups(tx, data);
      await writeIncidentUsage(tx, data);
      await writeDunningDecisions(tx, data);
      await writeInvoiceExplanations(tx);
      await writeKnowledgeDocuments(tx);
      await tx.systemState.create({
        data: {
          key: DEMO_SEED_MARKER,
          value: { seed: data.seed, now: data.now.toISOString(), customers: data.customers.length, days: data.days },
        },
      });
    },
    { timeout: 600_000, maxWait: 30_000 },
  );
  // The real agents on the seeded world, after the commit (each opens its own transactions; if
  // this is interrupted, their worker-start and sweep triggers catch up on the next start): the
  // SLA agent on the past incident, the Usage Analyst on the near-limit and runaway customers, so the queue
  // opens with the threshold notices, upgrades and reviews it drafts itself. Agents use the application's client: a
  // caller seeding another database gets no agent run.
  if (db === getDb()) {
    const asOf = data.now.toISOString();
    await runAgent(
      billingOpsSla,
      { trigger: 'seed', objectId: `incidents:${data.incident.id}`, asOf },
      { jobId: 'seed' },
    );
    const nearLimit = data.customers
      .filter((c) => ['near_limit', 'runaway'].includes(c.profile.usage.shape))
      .map((c) => c.profile.id);
    if (nearLimit.length)
      await runAgent(usageAnalyst, { trigger: 'seed', customerIds: nearLimit, asOf }, { jobId: 'seed' });
  }
  return { seeded: true, customers: data.customers.length, rollups };
}
