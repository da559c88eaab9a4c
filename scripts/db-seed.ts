// npm run db:seed — seed the demo data into an empty database (a no-op when users exist).
import { prepareDatabase } from './lib/prepare-database';

const db = await prepareDatabase({ mode: 'development' });
const { getDb, getPool } = await import('../lib/db');
await getDb().$disconnect();
await getPool().end();
await db.stop();
process.exit(0);
