import type { Db } from '@/lib/db';
import { ApiError, conflict } from '@/lib/errors';
import { hashPassword } from '@/lib/auth/password';
import { createUserBody } from '@/lib/schemas/users';
import { appendAuditEvent } from '@/lib/server/audit/append-audit-event';
import { DEMO_USERS } from '@/prisma/factories/catalog';
import { findDemoPasswordAccounts } from './find-demo-password-accounts';

const ADMIN_BOOTSTRAP_LOCK = 7_311_002;

// The first admin of a production install (`npm run admin:create`). Refused once an active admin
// exists — from then on admins manage users in Settings — and refused with a README password.
// A demo admin that still signs in with its README password does not count: on a database that
// started as the demo, this is how the owner gets the admin `npm start` asks for.
// The advisory lock makes two concurrent bootstraps produce one admin, not two.
export async function createFirstAdmin(
  db: Db,
  input: { email: string; name?: string; password: string },
): Promise<{ id: string; email: string }> {
  const parsed = createUserBody.parse({
    email: input.email,
    name: input.name ?? input.email.split('@')[0],
    role: 'admin',
    password: input.password,
  });
  if (DEMO_USERS.some((u) => u.password === input.password)) {
    throw new ApiError(422, 'demo_password', 'That password is published in the README; choose another');
  }
  const passwordHash = await hashPassword(input.password);
  return db.$transaction(async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(${ADMIN_BOOTSTRAP_LOCK})`;
    const admins = await tx.user.findMany({ where: { role: 'admin', disabledAt: null }, select: { email: true } });
    const publicPassword = admins.length ? new Set(await findDemoPasswordAccounts(tx)) : new Set<string>();
    if (admins.some((a) => !publicPassword.has(a.email))) {
      throw conflict('admin_exists', 'An active admin already exists: add more admins in Settings → Users');
    }
    if (await tx.user.findUnique({ where: { email: parsed.email }, select: { id: true } })) {
      throw conflict('email_taken', `A user with e-mail ${parsed.email} already exists`);
    }
    const user = await tx.user.create({
      data: { email: parsed.email, name: parsed.name, role: 'admin', passwordHash },
      select: { id: true, email: true },
    });
    await appendAuditEvent(tx, {
      actor: { type: 'system', id: 'admin:create' },
      action: 'user.created',
      target: { type: 'user', id: user.id },
      after: { email: user.email, role: 'admin' },
    });
    return user;
  });
}
