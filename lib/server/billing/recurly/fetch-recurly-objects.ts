import type { AccountMini, Client } from 'recurly';
import type { RecurlyObjects } from './normalize/recurly-content';
import type { RecurlyNotification } from './recurly-notification';

const accountOf = (client: Client, account: AccountMini | null | undefined) =>
  account?.id ? client.getAccount(account.id) : Promise.resolve(null);

// What each notified object type is re-read as: the object itself (the notification only names
// it) and, for a subscription or an invoice, its account, so the customer it belongs to is
// stored first. Recurly's API is the truth; the notification is only the trigger.
export const RECURLY_FETCHERS: Readonly<Record<string, (client: Client, id: string) => Promise<RecurlyObjects>>> = {
  account: async (client, id) => ({ account: await client.getAccount(id) }),
  subscription: async (client, id) => {
    const subscription = await client.getSubscription(id);
    return { subscription, account: await accountOf(client, subscription.account) };
  },
  charge_invoice: async (client, id) => {
    const invoice = await client.getInvoice(id);
    return { invoice, account: await accountOf(client, invoice.account) };
  },
};

/** Reads the notified object from Recurly; a failure rejects (the inbox retries the attempt). */
export function fetchRecurlyObjects(client: Client, notification: RecurlyNotification): Promise<RecurlyObjects> {
  const fetcher = RECURLY_FETCHERS[notification.object_type];
  if (!fetcher) return Promise.resolve({});
  return fetcher(client, notification.id);
}
