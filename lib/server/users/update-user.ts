import { getDb } from '@/lib/db';
import { ApiError, notFound } from '@/lib/errors';
import { hashPassword } from '@/lib/auth/password';
import type { SessionUser } from '@/lib/auth/roles';
import type { UpdateUserInput, UserView } from '@/lib/schemas/users';
import { appendAuditEvent } from '@/lib/server/audit/append-audit-event';
import { toUserView, userViewSelect } from './user-view';
import { clock } from '@/lib/clock';

// Changes a user's name, role, status or password. The last active admin cannot be demoted or
// disabled — that would lock everyone out of policies and user management. A password reset,
// role change or disabling ends the user's existing sessions (session version).
export async function updateUser(
  actor: SessionUser,
  id: string,
  input: UpdateUserInput,
  requestId: string,
): Promise<UserView> {
  const passwordHash = input.password ? await hashPassword(input.password) : undefined;
  return getDb().$transaction(async (tx) => {
    const before = await tx.user.findUnique({ where: { id }, select: userViewSelect });
    if (!before) throw notFound('User');
    const losesAdmin =
      before.role === 'admin' &&
      !before.disabledAt &&
      ((input.role && input.role !== 'admin') || input.disabled === true);
    if (losesAdmin) {
      // Locking the active admins' rows serialises concurrent demotions: the second waits for the
      // first to commit, then sees one admin fewer — a plain count let two demotions both pass.
      const admins = await tx.$queryRaw<{ id: string }[]>`
        SELECT id FROM users WHERE role = 'admin' AND disabled_at IS NULL FOR UPDATE`;
      if (admins.length <= 1) throw new ApiError(409, 'last_admin', 'At least one active admin must remain');
    }
    const endsSessions =
      Boolean(input.password) || (input.role !== undefined && input.role !== before.role) || input.disabled === true;
    const user = await tx.user.update({
      where: { id },
      data: {
        name: input.name,
        role: input.role,
        passwordHash,
        disabledAt:
          input.disabled === undefined ? undefined : input.disabled ? (before.disabledAt ?? clock.now()) : null,
        sessionVersion: endsSessions ? { increment: 1 } : undefined,
      },
      select: userViewSelect,
    });
    const view = toUserView(user);
    await appendAuditEvent(tx, {
      actor: { type: 'user', id: actor.id },
      action: input.password ? 'user.password_reset' : 'user.updated',
      target: { type: 'user', id },
      requestId,
      before: toUserView(before),
      after: view,
    });
    return view;
  });
}
