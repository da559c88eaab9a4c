import { randomUUID } from 'node:crypto';
import { getDb } from '@/lib/db';
import { ApiError, conflict, notFound } from '@/lib/errors';
import type { SessionUser } from '@/lib/auth/roles';
import type { CreateIntegrationInput, IntegrationView, UpdateIntegrationInput } from '@/lib/schemas/integrations';
import { appendAuditEvent } from '@/lib/server/audit/append-audit-event';
import { clock } from '@/lib/clock';
import { providerOf } from './crm/crm-adapters';
import { integrationSecret, secretHintOf } from './integration-secret';
import { integrationViewSelect, toIntegrationView } from './integration-view';
import { openSecret, sealSecret } from './secret-box';

// Create and edit share one file: both seal the URL under the row id and audit the change (the
// audit record holds the view — the hint, never the URL).
export async function createIntegration(
  actor: SessionUser,
  input: CreateIntegrationInput,
  requestId: string,
): Promise<IntegrationView> {
  const id = `int_${randomUUID().replaceAll('-', '')}`;
  return getDb().$transaction(async (tx) => {
    if (await tx.integration.findUnique({ where: { name: input.name }, select: { id: true } })) {
      throw conflict('name_taken', `An integration named ${input.name} already exists`);
    }
    const provider = input.kind === 'crm' ? input.provider : undefined;
    const secret = integrationSecret(provider, input)!;
    const row = await tx.integration.create({
      data: {
        id,
        kind: input.kind,
        name: input.name,
        config: { ...(input.label ? { label: input.label } : {}), ...(provider ? { provider } : {}) },
        secretCiphertext: sealSecret(secret, id),
        secretHint: secretHintOf(provider, secret),
      },
      select: integrationViewSelect,
    });
    const view = toIntegrationView(row);
    await appendAuditEvent(tx, {
      actor: { type: 'user', id: actor.id },
      action: 'integration.created',
      target: { type: 'integration', id },
      requestId,
      after: view,
    });
    return view;
  });
}

export async function updateIntegration(
  actor: SessionUser,
  id: string,
  input: UpdateIntegrationInput,
  requestId: string,
): Promise<IntegrationView> {
  return getDb().$transaction(async (tx) => {
    const before = await tx.integration.findUnique({
      where: { id },
      select: { ...integrationViewSelect, secretCiphertext: true },
    });
    if (!before) throw notFound('Integration');
    if (input.url && before.kind !== 'email' && !/^https?:/i.test(input.url))
      throw new ApiError(422, 'invalid_url', 'Slack and CRM integrations take an https URL');
    const provider = before.kind === 'crm' ? providerOf(before.config) : undefined;
    const secret = integrationSecret(provider, input, openSecret(before.secretCiphertext, id));
    const config = {
      ...((before.config ?? {}) as object),
      ...(input.label !== undefined ? { label: input.label } : {}),
    };
    const row = await tx.integration.update({
      where: { id },
      data: {
        name: input.name,
        config,
        ...(secret ? { secretCiphertext: sealSecret(secret, id), secretHint: secretHintOf(provider, secret) } : {}),
        disabledAt:
          input.disabled === undefined ? undefined : input.disabled ? (before.disabledAt ?? clock.now()) : null,
      },
      select: integrationViewSelect,
    });
    const view = toIntegrationView(row);
    await appendAuditEvent(tx, {
      actor: { type: 'user', id: actor.id },
      action: 'integration.updated',
      target: { type: 'integration', id },
      requestId,
      before: toIntegrationView(before),
      after: { ...view, secretReplaced: Boolean(secret) },
    });
    return view;
  });
}

export async function listIntegrations(): Promise<IntegrationView[]> {
  const rows = await getDb().integration.findMany({ select: integrationViewSelect, orderBy: { createdAt: 'asc' } });
  return rows.map(toIntegrationView);
}
