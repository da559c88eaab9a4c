import { migrateDatabase } from '../../lib/server/db/migrate-database';
import { DEMO_USERS } from '../../prisma/factories/catalog';
import type { DemoDataOptions } from '../../prisma/factories/demo-data';
import { demoPasswordRefusal, wantsDemoData, type LaunchMode } from './demo-data-policy';
import { openLocalDatabase, type LocalDatabase } from './local-database';
import { localAppRolePassword } from './local-secret';

export interface PrepareOptions {
  // development seeds the demo world on first run; production only with --demo / TOLLGATE_DEMO=true,
  // and refuses to start while a README password still signs in.
  mode: LaunchMode;
  demo?: DemoDataOptions;
}

// Open (or start) the database, apply pending migrations, and seed demo data when wanted.
export async function prepareDatabase(options: PrepareOptions): Promise<LocalDatabase> {
  const db = await openLocalDatabase();
  process.env.DATABASE_URL = db.url;
  console.log(`[tollgate] database: ${db.source}`);
  const applied = await migrateDatabase(db.url);
  if (applied.length) console.log(`[tollgate] applied migrations: ${applied.join(', ')}`);
  const { getDb } = await import('../../lib/db');
  const demo = wantsDemoData(options.mode);
  if (demo) {
    const { seedDemoData } = await import('../../prisma/seed/seed-demo-data');
    const started = Date.now();
    const result = await seedDemoData(getDb(), options.demo);
    if (result.seeded) {
      console.log(
        `[tollgate] seeded demo data: ${result.customers} customers, ${result.rollups} hourly usage rows (${((Date.now() - started) / 1000).toFixed(1)} s)`,
      );
      printDemoUsers();
      const { scoreDemoCustomers } = await import('../../prisma/seed/score-demo-customers');
      console.log(`[tollgate] scored demo customers: ${await scoreDemoCustomers(getDb())} score rows`);
    } else {
      console.log('[tollgate] demo data: not seeded, the database already has users');
    }
  }
  if (options.mode === 'production' && !demo) await refuseDemoPasswords(db);
  return { ...db, url: await appRoleUrl(db.url) };
}

// Next and its in-process worker connect as the restricted app role (no UPDATE/DELETE/TRUNCATE
// on audit_events, not an owner, not a superuser); migrations above ran as the owner. A
// DATABASE_URL whose user may not create roles keeps working as before, with a warning.
export async function appRoleUrl(ownerUrl: string): Promise<string> {
  const { ensureAppRole } = await import('../../lib/server/db/ensure-app-role');
  const role = process.env.TOLLGATE_APP_DB_ROLE ?? 'tollgate_app';
  // A process started by `npm run dev` / `npm start` (the gateway) inherits the app role's URL.
  if (decodeURIComponent(new URL(ownerUrl).username) === role) return ownerUrl;
  try {
    return await ensureAppRole(ownerUrl, role, localAppRolePassword());
  } catch (err) {
    console.warn(
      `[tollgate] could not set up the restricted app role (${(err as Error).message}); the console connects as the DATABASE_URL user, who can rewrite the audit trail. Create the role yourself: see lib/server/db/ensure-app-role.ts.`,
    );
    return ownerUrl;
  }
}

async function refuseDemoPasswords(db: LocalDatabase) {
  const { getDb } = await import('../../lib/db');
  const { findDemoPasswordAccounts } = await import('../../lib/server/users/find-demo-password-accounts');
  const found = await findDemoPasswordAccounts(getDb());
  if (found.length) {
    const ownAdmins = await getDb().user.count({
      where: { role: 'admin', disabledAt: null, email: { notIn: [...found] } },
    });
    console.error(demoPasswordRefusal(found, ownAdmins > 0));
    await db.stop();
    process.exit(1);
  }
  if ((await getDb().user.count({ where: { role: 'admin', disabledAt: null } })) === 0) {
    console.log('[tollgate] no admin yet: create one with `npm run admin:create -- --email you@example.com`');
  }
}

export function printDemoUsers() {
  console.log('[tollgate] demo users (change these passwords in Settings → Users):');
  for (const u of DEMO_USERS) console.log(`    ${u.role.padEnd(8)} ${u.email.padEnd(26)} password: ${u.password}`);
}
