import { getDb } from '@/lib/db';
import { findIntegrationFor } from '../resolve-destination';
import { openSecret } from '../secret-box';
import { CRM_ADAPTERS, parseCrmSecret, providerOf } from './crm-adapters';
import { crmTaskMarker, type CrmAnswer } from './crm-task';

interface CrmMessage {
  destination: string;
  payload: Record<string, unknown>;
  actionId: string | null;
  idempotencyKey: string;
  /** 1 for the first delivery; more when the outbox re-sends. */
  attempt: number;
}

const text = (v: unknown) => (typeof v === 'string' ? v : '');

// An outbox CRM message whose integration speaks a vendor API: the task goes to that provider,
// associated with the customer's CRM record as stored (customer_crm_links) — never with ids a
// draft carried. Null when the integration is a plain webhook (the outbox POSTs the JSON itself).
export async function deliverCrmTask(msg: CrmMessage, deadlineMs: number): Promise<CrmAnswer | null> {
  const row = await findIntegrationFor(msg.destination, 'crm');
  if (!row) return null;
  const provider = providerOf(row.config);
  if (provider === 'webhook') return null;
  const secret = parseCrmSecret(provider, openSecret(row.secretCiphertext, row.id));
  const db = getDb();
  const action = msg.actionId
    ? await db.action.findUnique({ where: { id: msg.actionId }, select: { customerId: true } })
    : null;
  const link = action?.customerId
    ? await db.customerCrmLink.findUnique({
        where: { customerId_provider: { customerId: action.customerId, provider } },
        select: { accountId: true, contactId: true, ownerExternalId: true },
      })
    : null;
  const { adapter } = CRM_ADAPTERS[provider];
  const marker = crmTaskMarker(msg.idempotencyKey);
  // A re-send may follow an attempt whose task was created but whose answer was lost: look first.
  if (msg.attempt > 1 && adapter.findTask) {
    const found = await withDeadline(adapter.findTask(secret, marker, deadlineMs), deadlineMs);
    if (found) return found;
  }
  const task = {
    marker,
    title: text(msg.payload.title),
    body: text(msg.payload.body),
    dueDate: text(msg.payload.dueDate) || null,
    link,
  };
  return withDeadline(adapter.createTask(secret, task, { idempotencyKey: msg.idempotencyKey, deadlineMs }), deadlineMs);
}

// The SDK-based adapters have no deadline of their own; a hung call must fail within the
// outbox's deadline so the claim's lease never lapses while the request is still in flight.
export function withDeadline<T>(p: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout;
  return Promise.race([
    p.finally(() => clearTimeout(timer)),
    new Promise<T>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`No complete answer within the ${ms} ms deadline`)), ms);
    }),
  ]);
}
