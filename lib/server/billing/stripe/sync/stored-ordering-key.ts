import {
  isOlderThanStored,
  objectOrderingKey,
  type ObjectOrderingKey,
} from '@/lib/server/billing/stripe/normalize/event-types';

// The ordering rule (lib/server/billing/stripe/normalize/event-types.ts) compares an incoming snapshot with the
// stored one. Rows keep sourceEventCreatedAt plus the fields the version hint is made of
// (status, period start, attempt count …), so the stored key is rebuilt with the very same
// function from a synthetic event — the rule lives in one place.

export function storedOrderingKey(
  objectType: string,
  externalId: string,
  sourceEventCreatedAt: Date | null,
  fields: Record<string, unknown>,
): ObjectOrderingKey | null {
  if (!sourceEventCreatedAt) return null;
  const key = objectOrderingKey({
    type: objectType === 'customer' && fields.deleted === true ? 'customer.deleted' : '',
    created: Math.floor(sourceEventCreatedAt.getTime() / 1000),
    data: { object: { object: objectType, id: externalId, ...fields } },
  });
  return { ...key, versionMs: sourceEventCreatedAt.getTime() };
}

/** null when the incoming event may be applied; otherwise the note recorded on the inbox row. */
export function olderThanStoredNote(incoming: ObjectOrderingKey, stored: ObjectOrderingKey | null): string | null {
  if (!isOlderThanStored(incoming, stored)) return null;
  return `skipped: stored ${incoming.objectType} ${incoming.externalId} is newer (stored event at ${new Date(stored!.eventCreated * 1000).toISOString()}, this event at ${new Date(incoming.eventCreated * 1000).toISOString()})`;
}

export const toUnixSeconds = (date: Date | null | undefined): number | null =>
  date ? Math.floor(date.getTime() / 1000) : null;
