import path from 'node:path';
import { openSchemaEngine } from './schema-engine';
import { readMigrationList } from './migrations-dir';

const SCHEMA_PATH = path.resolve(process.cwd(), 'prisma/schema.prisma');

// Applies every pending migration in prisma/migrations; returns the names it applied.
export async function migrateDatabase(connectionString: string): Promise<string[]> {
  const engine = await openSchemaEngine(connectionString, SCHEMA_PATH);
  try {
    const out = await engine.applyMigrations({
      migrationsList: readMigrationList(),
      filters: { externalTables: [], externalEnums: [] },
    });
    return out.appliedMigrationNames;
  } finally {
    engine.free();
  }
}
