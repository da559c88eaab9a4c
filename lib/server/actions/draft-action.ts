import { getDb } from '@/lib/db';
import type { SessionUser } from '@/lib/auth/roles';
import type { ActionKind } from '@/lib/schemas/action-payloads';
import { proposeAction, type ProposeOutcome } from './propose-action';

// A person drafts an action by hand (POST /api/v1/actions): the same path as an agent's draft,
// so the kind's policy decides what happens next, in a transaction of its own.
export async function draftAction(
  user: SessionUser,
  input: { kind: ActionKind; customerId: string | null; title: string; payload: unknown },
  requestId: string,
): Promise<ProposeOutcome> {
  return getDb().$transaction((tx) => proposeAction(tx, { ...input, actor: { type: 'user', id: user.id }, requestId }));
}
