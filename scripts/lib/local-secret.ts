import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import path from 'node:path';

// A NEXTAUTH_SECRET for local runs, generated once and kept under .data/ (git-ignored) so
// sessions survive restarts. Production sets NEXTAUTH_SECRET itself.
export function localAuthSecret(): string {
  if (process.env.NEXTAUTH_SECRET) return process.env.NEXTAUTH_SECRET;
  const file = path.resolve('.data/nextauth-secret');
  if (!existsSync(file)) {
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, randomBytes(32).toString('base64url'), { mode: 0o600 });
  }
  return readFileSync(file, 'utf8').trim();
}

// The password of the restricted app role (lib/server/db/ensure-app-role.ts) for local runs,
// generated once under .data/. Deployments set TOLLGATE_APP_DB_PASSWORD.
export function localAppRolePassword(): string {
  if (process.env.TOLLGATE_APP_DB_PASSWORD) return process.env.TOLLGATE_APP_DB_PASSWORD;
  const file = path.resolve('.data/app-role-password');
  if (!existsSync(file)) {
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, randomBytes(24).toString('base64url'), { mode: 0o600 });
  }
  return readFileSync(file, 'utf8').trim();
}
