import { getDb } from '@/lib/db';
import { notFound } from '@/lib/errors';
import type { SessionUser } from '@/lib/auth/roles';
import type { CrmLinkView, SaveCrmLinkInput } from '@/lib/schemas/crm-links';
import { appendAuditEvent } from '@/lib/server/audit/append-audit-event';

const select = {
  provider: true,
  accountId: true,
  contactId: true,
  ownerName: true,
  ownerExternalId: true,
  updatedAt: true,
} as const;

const toView = (
  r: { provider: string; updatedAt: Date } & Omit<CrmLinkView, 'provider' | 'updatedAt'>,
): CrmLinkView => ({
  ...r,
  provider: r.provider as CrmLinkView['provider'],
  updatedAt: r.updatedAt.toISOString(),
});

export async function listCustomerCrmLinks(customerId: string): Promise<CrmLinkView[]> {
  const rows = await getDb().customerCrmLink.findMany({ where: { customerId }, select, orderBy: { provider: 'asc' } });
  return rows.map(toView);
}

// Sets the customer's record in one CRM (audited with before and after, in one transaction): the
// ids CRM tasks for this customer are attached to from now on.
export async function saveCustomerCrmLink(
  actor: SessionUser,
  customerId: string,
  input: SaveCrmLinkInput,
  requestId: string,
): Promise<CrmLinkView> {
  return getDb().$transaction(async (tx) => {
    if (!(await tx.customer.findFirst({ where: { id: customerId, deletedAt: null }, select: { id: true } })))
      throw notFound('Customer');
    const key = { customerId_provider: { customerId, provider: input.provider } };
    const before = await tx.customerCrmLink.findUnique({ where: key, select });
    const data = {
      accountId: input.accountId,
      contactId: input.contactId ?? null,
      ownerName: input.ownerName ?? null,
      ownerExternalId: input.ownerExternalId ?? null,
    };
    const row = await tx.customerCrmLink.upsert({
      where: key,
      update: data,
      create: { customerId, provider: input.provider, ...data },
      select,
    });
    const view = toView(row);
    await appendAuditEvent(tx, {
      actor: { type: 'user', id: actor.id },
      action: 'customer.crm_link_saved',
      target: { type: 'customer', id: customerId },
      customerId,
      requestId,
      before: before ? toView(before) : null,
      after: view,
    });
    return view;
  });
}
