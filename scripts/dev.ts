// npm run dev — the whole console on one command: database (embedded unless DATABASE_URL is set),
// migrations, demo data on first run, Next.js in dev mode with the job worker in-process, and the
// gateway (usage ingest, entitlement checks) on GATEWAY_PORT.
import { prepareDatabase } from './lib/prepare-database';
import { runNext } from './lib/run-next';

const db = await prepareDatabase({ mode: 'development' });
runNext('dev', db, process.env.PORT ?? '3000');
