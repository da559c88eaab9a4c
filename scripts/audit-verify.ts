// npm run audit:verify — recompute the audit hash chain; exit 1 and name the first broken row.
import { openLocalDatabase } from './lib/local-database';

const local = await openLocalDatabase();
process.env.DATABASE_URL = local.url;
const { getDb, getPool } = await import('../lib/db');
const { verifyAuditChain } = await import('../lib/server/audit/verify-audit-chain');
const { readAuditAnchors } = await import('../lib/server/audit/write-audit-anchor');
const { getEnv } = await import('../lib/env');
const verdict = await verifyAuditChain(getDb(), undefined, readAuditAnchors(getEnv().AUDIT_ANCHOR_FILE));
if (verdict.ok) console.log(`Audit chain intact: ${verdict.rows} events, latest hash ${verdict.lastHash}`);
else
  console.log(
    `Audit chain BROKEN at sequence ${verdict.brokenAt} (${verdict.reason}); ${verdict.rows} events before it verify.`,
  );
console.log(JSON.stringify(verdict));
await getDb().$disconnect();
await getPool().end();
await local.stop();
process.exit(verdict.ok ? 0 : 1);
