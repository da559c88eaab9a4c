// npm run worker — a job worker on its own, for scale-out. Several may run beside the servers:
// pg-boss claims each job with SKIP LOCKED, so none is processed twice.
import { openLocalDatabase } from './lib/local-database';
import { migrateDatabase } from '../lib/server/db/migrate-database';
import { appRoleUrl } from './lib/prepare-database';

const db = await openLocalDatabase();
// Migrations belong to whoever starts the database: `npm start` / `npm run db:migrate` for an
// external one. Several workers starting together would otherwise queue on the migration lock.
if (db.source !== 'external') await migrateDatabase(db.url);
// Jobs run as the restricted app role, like the web server (migrations ran as the owner).
process.env.DATABASE_URL = await appRoleUrl(db.url);
const { startWorker } = await import('../lib/server/worker/start-worker');
const worker = await startWorker('worker');
const stop = async () => {
  await worker.stop();
  await db.stop();
  process.exit(0);
};
process.on('SIGINT', () => void stop());
process.on('SIGTERM', () => void stop());
