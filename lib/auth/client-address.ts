// The sign-in source address. X-Forwarded-For is a list each proxy appends to, so only the
// entries added by our own proxies can be believed: with TRUSTED_PROXY_HOPS = n the client is the
// n-th entry from the right. With 0 the whole header is the client's claim and is ignored (null:
// unknown) — Next itself only fills it in when the client sent none.
export function clientAddress(headers: Record<string, unknown> | undefined, trustedHops: number): string | null {
  if (trustedHops <= 0) return null;
  const raw = headers?.['x-forwarded-for'];
  const list = (Array.isArray(raw) ? raw.join(',') : typeof raw === 'string' ? raw : '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  return list.length >= trustedHops ? list[list.length - trustedHops] : null;
}
