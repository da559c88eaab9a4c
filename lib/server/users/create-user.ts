import { getDb } from '@/lib/db';
import { conflict } from '@/lib/errors';
import { hashPassword } from '@/lib/auth/password';
import type { SessionUser } from '@/lib/auth/roles';
import type { CreateUserInput, UserView } from '@/lib/schemas/users';
import { appendAuditEvent } from '@/lib/server/audit/append-audit-event';
import { toUserView, userViewSelect } from './user-view';

export async function createUser(actor: SessionUser, input: CreateUserInput, requestId: string): Promise<UserView> {
  const passwordHash = input.password ? await hashPassword(input.password) : null;
  return getDb().$transaction(async (tx) => {
    if (await tx.user.findUnique({ where: { email: input.email }, select: { id: true } })) {
      throw conflict('email_taken', `A user with e-mail ${input.email} already exists`);
    }
    const user = await tx.user.create({
      data: { email: input.email, name: input.name, role: input.role, passwordHash },
      select: userViewSelect,
    });
    const view = toUserView(user);
    await appendAuditEvent(tx, {
      actor: { type: 'user', id: actor.id },
      action: 'user.created',
      target: { type: 'user', id: user.id },
      requestId,
      after: view,
    });
    return view;
  });
}
