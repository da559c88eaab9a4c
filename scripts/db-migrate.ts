// npm run db:migrate — apply prisma/migrations to DATABASE_URL (or the embedded database), offline.
// Equivalent to `prisma migrate deploy`, and recorded in the same `_prisma_migrations` table.
import { openLocalDatabase } from './lib/local-database';
import { migrateDatabase } from '../lib/server/db/migrate-database';

const db = await openLocalDatabase();
try {
  const applied = await migrateDatabase(db.url);
  console.log(applied.length ? `Applied: ${applied.join(', ')}` : 'Database is up to date.');
} finally {
  await db.stop();
}
