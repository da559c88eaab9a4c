// The browser's one way to call the console API: JSON in and out, and the server's error
// envelope turned into an ApiClientError the UI can show (message) or branch on (code).
export class ApiClientError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly requestId?: string,
    /** Field errors ({ path, message }[]) of a 4xx, for forms to show beside their fields. */
    readonly issues?: unknown,
  ) {
    super(message);
  }
}

export async function apiFetch<T>(
  path: string,
  init: { method?: string; body?: unknown; query?: Record<string, string | number | undefined> } = {},
): Promise<T> {
  const url = new URL(path, window.location.origin);
  for (const [k, v] of Object.entries(init.query ?? {}))
    if (v !== undefined && v !== '') url.searchParams.set(k, String(v));
  const res = await fetch(url, {
    method: init.method ?? 'GET',
    headers: init.body === undefined ? undefined : { 'content-type': 'application/json' },
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
    credentials: 'same-origin',
  });
  const data = res.status === 204 ? null : await res.json().catch(() => null);
  if (!res.ok) {
    const err = (data as { error?: { code?: string; message?: string; requestId?: string; issues?: unknown } } | null)
      ?.error;
    if (res.status === 401)
      window.location.assign(`/login?callbackUrl=${encodeURIComponent(window.location.pathname)}`);
    throw new ApiClientError(
      res.status,
      err?.code ?? 'http_error',
      err?.message ?? `Request failed (${res.status})`,
      err?.requestId,
      err?.issues,
    );
  }
  return data as T;
}
