// npm run gateway — the gateway fast path on its own: POST /api/v1/usage, POST
// /api/v1/entitlements/check and GET /health on GATEWAY_PORT (default 3001), the same endpoint
// code as the console's routes on bare node:http. Any number may run beside the console on one
// database; `npm run dev` and `npm start` start one too. Prints "[gateway] listening on <port>".
import { openLocalDatabase } from './lib/local-database';
import { migrateDatabase } from '../lib/server/db/migrate-database';
import { appRoleUrl } from './lib/prepare-database';

const db = await openLocalDatabase();
if (db.source !== 'external') await migrateDatabase(db.url);
// Requests are served as the restricted app role, like the console (migrations ran as the owner).
process.env.DATABASE_URL = await appRoleUrl(db.url);
const { startGateway } = await import('../lib/gateway/start-gateway');
const gateway = await startGateway().catch((err: NodeJS.ErrnoException) => {
  if (err.code !== 'EADDRINUSE') throw err;
  console.error(`[gateway] port ${process.env.GATEWAY_PORT ?? 3001} is in use: set GATEWAY_PORT to a free port.`);
  process.exit(1);
});
console.log(`[gateway] listening on ${gateway.port}`);
let stopping = false;
const stop = async () => {
  if (stopping) return;
  stopping = true;
  await gateway.stop();
  await db.stop();
  process.exit(0);
};
process.on('SIGINT', () => void stop());
process.on('SIGTERM', () => void stop());
