// The actions approved in this browser tab and not yet known to have executed or failed, so the
// failure watcher can tell their approver. Session storage: it survives reloads, not other tabs.
const KEY = 'tollgate.approved-actions';
const EVENT = 'tollgate:approved';
const MAX = 200;

export function approvedHere(): string[] {
  try {
    const v: unknown = JSON.parse(sessionStorage.getItem(KEY) ?? '[]');
    return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
  } catch {
    return [];
  }
}

function save(ids: string[]) {
  sessionStorage.setItem(KEY, JSON.stringify(ids.slice(-MAX)));
  window.dispatchEvent(new Event(EVENT));
}

export const rememberApproved = (ids: string[]) => save([...new Set([...approvedHere(), ...ids])]);
export const forgetApproved = (id: string) => save(approvedHere().filter((x) => x !== id));

/** For useSyncExternalStore: calls `onChange` whenever the list changes in this tab. */
export function subscribeApproved(onChange: () => void): () => void {
  window.addEventListener(EVENT, onChange);
  return () => window.removeEventListener(EVENT, onChange);
}
