import { requireDatabaseUrl } from '@/lib/env';
import { ChangeListener } from './change-listener';
import { ENTITLEMENTS_CHANNEL } from './notify-entitlements-changed';
import type { PastDueGrace } from './decide-past-due';

export type FailMode = 'open' | 'closed';
export type RefKind = 'id' | 'external' | 'apiKey';

export interface MeterEntitlement {
  aggregation: 'sum' | 'count' | 'max' | 'unique_count';
  included: number;
  hardLimit: number | null;
  used: number;
}

export interface CustomerEntitlements {
  state: 'ok' | 'no_subscription' | 'unknown_customer';
  customerId: string | null;
  failMode: FailMode | null;
  periodEndMs: number; // +Infinity without a subscription
  resetsAt: string | null;
  meters: Map<string, MeterEntitlement>; // by meter key: only the plan's meters
  /** Set while the entitled subscription is past due: the plan's dunning grace instants. */
  pastDue: PastDueGrace | null;
  expiresAt: number;
  valid: boolean;
}

// Safety nets beside NOTIFY: an entry is reloaded after a minute even if no change was announced
// (e.g. a subscription edited by hand in SQL), and an unknown reference is remembered briefly so
// a gateway hammering with a bad key does not hammer the database.
const ENTRY_TTL_MS = 60_000;
const UNKNOWN_TTL_MS = 5_000;
const MAX_ENTRIES = 100_000;

// The per-process entitlement cache: per customer the plan limits, period and usage per meter,
// reachable by customer id, API key hash or external id. Entries are served only while this
// process's change listener is live; NOTIFY on ENTITLEMENTS_CHANNEL invalidates customers (or
// everything), and a listener reset flushes everything. A load that raced with an invalidation
// is answered but not kept (change sequence numbers), so a stale read never sticks.
export class EntitlementCache {
  private readonly maps: Record<RefKind, Map<string, CustomerEntitlements>> = {
    id: new Map(),
    external: new Map(),
    apiKey: new Map(),
  };
  // Survive flushes: what each reference's plan does when the database cannot be reached.
  private readonly failModes = new Map<string, FailMode>();
  private seq = 0;
  private flushedAt = 0;
  private readonly changedAt = new Map<string, number>();

  constructor(private readonly isLive: () => boolean) {}

  get(kind: RefKind, ref: string, now: number): CustomerEntitlements | undefined {
    if (!this.isLive()) return undefined;
    const entry = this.maps[kind].get(ref);
    if (entry === undefined) return undefined;
    if (entry.valid && now < entry.expiresAt) return entry;
    this.maps[kind].delete(ref);
    return undefined;
  }

  beginLoad(): number {
    return ++this.seq;
  }

  // Keeps a loaded entry unless a change for it (or a flush) arrived after the load started.
  put(kind: RefKind, ref: string, entry: CustomerEntitlements, loadSeq: number, now: number): void {
    if (entry.failMode) {
      this.rememberFailMode(kind, ref, entry.failMode);
      if (entry.customerId) this.rememberFailMode('id', entry.customerId, entry.failMode);
    }
    if (!this.isLive() || this.flushedAt > loadSeq) return;
    if (entry.customerId && (this.changedAt.get(entry.customerId) ?? 0) > loadSeq) return;
    // Usage restarts at the period end, so an entry never outlives it (unless the period is
    // already over and the renewal has not arrived yet: then the plain TTL applies).
    const ttl = now + (entry.state === 'unknown_customer' ? UNKNOWN_TTL_MS : ENTRY_TTL_MS);
    entry.expiresAt = entry.periodEndMs > now ? Math.min(ttl, entry.periodEndMs) : ttl;
    const map = this.maps[kind];
    if (map.size >= MAX_ENTRIES) map.clear();
    map.set(ref, entry);
    if (entry.customerId) {
      // The id map holds the customer's one current entry; an older one reached through another
      // alias is retired, so an invalidation (which finds entries by id) can never miss it.
      const previous = this.maps.id.get(entry.customerId);
      if (previous && previous !== entry) previous.valid = false;
      this.maps.id.set(entry.customerId, entry);
    }
  }

  failModeFor(kind: RefKind, ref: string): FailMode | undefined {
    return this.failModes.get(`${kind}:${ref}`);
  }

  rememberFailMode(kind: RefKind, ref: string, mode: FailMode): void {
    if (this.failModes.size >= MAX_ENTRIES) this.failModes.clear();
    this.failModes.set(`${kind}:${ref}`, mode);
  }

  invalidate(customerIds: string[]): void {
    const seq = ++this.seq;
    for (const id of customerIds) {
      this.changedAt.set(id, seq);
      const entry = this.maps.id.get(id);
      // Aliases (API key, external id) share the entry object, so marking it covers them too.
      if (entry) entry.valid = false;
      this.maps.id.delete(id);
    }
    if (this.changedAt.size > MAX_ENTRIES) this.flush();
  }

  flush(): void {
    this.flushedAt = ++this.seq;
    this.changedAt.clear();
    for (const map of Object.values(this.maps)) {
      for (const entry of map.values()) entry.valid = false;
      map.clear();
    }
  }
}

// Applies one NOTIFY payload ({"customerIds":[…]} or {"all":true}) to a cache.
export function applyEntitlementNotification(cache: EntitlementCache, payload: string): void {
  try {
    const msg = JSON.parse(payload) as { all?: boolean; customerIds?: unknown };
    if (msg.all || !Array.isArray(msg.customerIds)) cache.flush();
    else cache.invalidate(msg.customerIds.filter((v): v is string => typeof v === 'string'));
  } catch {
    cache.flush();
  }
}

interface Process {
  listener: ChangeListener;
  cache: EntitlementCache;
}
interface Channel {
  onNotify: (payload: string) => void;
  onReset: () => void;
}
const g = globalThis as unknown as { tollgateEntitlements?: Process; tollgateFeedChannels?: Map<string, Channel> };
const channels = (g.tollgateFeedChannels ??= new Map());

// Other caches ride on the same LISTEN connection (ingest-token revocations do): their owner
// registers the channel, so this module needs to know nothing of them. Registering after the
// feed started drops the feed (and this cache) so the next use listens on every channel.
export function addChangeFeedChannel(channel: string, handlers: Channel): void {
  channels.set(channel, handlers);
  const running = g.tollgateEntitlements;
  if (running && !running.listener.channels.includes(channel)) {
    g.tollgateEntitlements = undefined;
    void running.listener.stop();
  }
}

// This process's cache and its one LISTEN connection, created on first use.
export function getEntitlementCache(): EntitlementCache {
  if (!g.tollgateEntitlements) {
    const holder = {} as Process;
    holder.cache = new EntitlementCache(() => holder.listener.live);
    holder.listener = new ChangeListener({
      connectionString: requireDatabaseUrl(),
      channels: [ENTITLEMENTS_CHANNEL, ...channels.keys()],
      onNotify: (channel, payload) =>
        channel === ENTITLEMENTS_CHANNEL
          ? applyEntitlementNotification(holder.cache, payload)
          : channels.get(channel)?.onNotify(payload),
      onReset: () => {
        holder.cache.flush();
        for (const c of channels.values()) c.onReset();
      },
    });
    holder.listener.start();
    g.tollgateEntitlements = holder;
  }
  return g.tollgateEntitlements.cache;
}

export function isChangeFeedLive(): boolean {
  return g.tollgateEntitlements?.listener.live ?? false;
}

export function startChangeFeed(): void {
  getEntitlementCache();
}

// After a local commit: forget at once instead of waiting for our own NOTIFY to come back.
export function invalidateEntitlements(customerIds: string[]): void {
  g.tollgateEntitlements?.cache.invalidate(customerIds);
}

// For scripts and tests that must exit: close the LISTEN connection.
export async function stopChangeFeed(): Promise<void> {
  const p = g.tollgateEntitlements;
  g.tollgateEntitlements = undefined;
  await p?.listener.stop();
}
