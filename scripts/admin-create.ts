// npm run admin:create -- --email you@example.com [--name "Your Name"]
// Creates the first admin of a production install (refused once an active admin exists). The
// password comes from TOLLGATE_ADMIN_PASSWORD, else standard input (piped, or typed unechoed).
import { parseArgs } from 'node:util';
import { migrateDatabase } from '../lib/server/db/migrate-database';
import { openLocalDatabase } from './lib/local-database';

const { values } = parseArgs({ options: { email: { type: 'string' }, name: { type: 'string' } } });
if (!values.email) {
  console.error('Usage: npm run admin:create -- --email you@example.com [--name "Your Name"]');
  process.exit(2);
}

async function readPassword(): Promise<string> {
  if (process.env.TOLLGATE_ADMIN_PASSWORD) return process.env.TOLLGATE_ADMIN_PASSWORD;
  const stdin = process.stdin;
  if (!stdin.isTTY) {
    let text = '';
    for await (const chunk of stdin) text += chunk;
    return text.replace(/\r?\n$/, '');
  }
  // Typed at a terminal: raw mode so the password is not echoed.
  process.stdout.write('Password (at least 12 characters): ');
  stdin.setRawMode(true);
  stdin.setEncoding('utf8');
  return new Promise((resolve) => {
    let typed = '';
    const onData = (key: string) => {
      if (key === '\u0003') process.exit(130);
      if (key === '\r' || key === '\n') {
        stdin.setRawMode(false);
        stdin.off('data', onData);
        stdin.pause();
        process.stdout.write('\n');
        resolve(typed);
      } else if (key === '\u007f') typed = typed.slice(0, -1);
      else typed += key;
    };
    stdin.on('data', onData);
  });
}

const password = await readPassword();
const db = await openLocalDatabase();
process.env.DATABASE_URL = db.url;
let code = 0;
try {
  await migrateDatabase(db.url);
  const { getDb, getPool } = await import('../lib/db');
  const { createFirstAdmin } = await import('../lib/server/users/create-first-admin');
  try {
    const admin = await createFirstAdmin(getDb(), { email: values.email, name: values.name, password });
    console.log(`[tollgate] admin ${admin.email} created — sign in at /login`);
  } catch (err) {
    const issues = (err as { issues?: { path: PropertyKey[]; message: string }[] }).issues;
    console.error(
      `[tollgate] admin not created: ${issues ? issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ') : (err as Error).message}`,
    );
    code = 1;
  }
  await getDb().$disconnect();
  await getPool().end();
} finally {
  await db.stop();
}
process.exit(code);
