// npm run db:migration:new -- <name>
// Writes prisma/migrations/<timestamp>_<name>/migration.sql: the SQL that takes the schema of the
// last migration (kept in prisma/migrations/schema.snapshot.prisma) to prisma/schema.prisma.
// Works offline through the WebAssembly schema engine; needs no shadow database.
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startEmbeddedPostgres } from '../lib/server/db/embedded-postgres';
import { MIGRATIONS_DIR } from '../lib/server/db/migrations-dir';
import { openSchemaEngine } from '../lib/server/db/schema-engine';

const name = (process.argv[2] ?? '').replace(/[^a-z0-9_]/gi, '_').toLowerCase();
if (!name) {
  console.error('usage: npm run db:migration:new -- <name>');
  process.exit(2);
}
const schemaPath = path.resolve('prisma/schema.prisma');
const snapshotPath = path.join(MIGRATIONS_DIR, 'schema.snapshot.prisma');

const tmp = mkdtempSync(path.join(os.tmpdir(), 'tollgate-diff-'));
const db = await startEmbeddedPostgres({
  dataDir: path.join(tmp, 'pg'),
  port: 54000 + Math.floor(Math.random() * 900),
  persistent: false,
});
try {
  const engine = await openSchemaEngine(db.url, schemaPath);
  const current = readFileSync(schemaPath, 'utf8');
  const from = existsSync(snapshotPath)
    ? { tag: 'schemaDatamodel' as const, files: [{ path: snapshotPath, content: readFileSync(snapshotPath, 'utf8') }] }
    : { tag: 'empty' as const };
  const result = await engine.diff({
    from,
    to: { tag: 'schemaDatamodel', files: [{ path: schemaPath, content: current }] },
    script: true,
    exitCode: null,
    filters: { externalTables: [], externalEnums: [] },
  });
  const sql = result.stdout ?? '';
  engine.free();
  if (!sql.trim() || /empty migration/i.test(sql)) {
    console.log('No schema changes: nothing written.');
  } else {
    const stamp = new Date().toISOString().replace(/\D/g, '').slice(0, 14);
    const dir = path.join(MIGRATIONS_DIR, `${stamp}_${name}`);
    mkdirSync(dir, { recursive: true });
    writeFileSync(path.join(dir, 'migration.sql'), sql);
    writeFileSync(snapshotPath, current);
    if (!existsSync(path.join(MIGRATIONS_DIR, 'migration_lock.toml'))) {
      writeFileSync(path.join(MIGRATIONS_DIR, 'migration_lock.toml'), 'provider = "postgresql"\n');
    }
    console.log(`Wrote ${path.relative(process.cwd(), dir)}/migration.sql`);
  }
} finally {
  await db.stop();
  rmSync(tmp, { recursive: true, force: true });
}
