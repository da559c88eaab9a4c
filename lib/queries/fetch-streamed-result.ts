import { ApiClientError } from './api-client';

type StreamError = { error: { code: string; message: string; requestId?: string } };

async function readError(res: Response): Promise<ApiClientError> {
  const data = (await res.json().catch(() => null)) as Partial<StreamError> | null;
  return new ApiClientError(
    res.status,
    data?.error?.code ?? 'http_error',
    data?.error?.message ?? `Request failed (${res.status})`,
    data?.error?.requestId,
  );
}

/**
 * POSTs to a streaming route that sends the writer's text, then `separator`, then the checked
 * result as JSON (or `{ error }` when it failed after the stream began). `onDraft` sees the text
 * so far as it arrives; the promise resolves to the result, which replaces the draft.
 */
export async function fetchStreamedResult<T>(
  url: string,
  init: { body?: unknown; separator: string; what: string; onDraft: (text: string) => void },
): Promise<T> {
  const res = await fetch(url, {
    method: 'POST',
    credentials: 'same-origin',
    ...(init.body === undefined
      ? {}
      : { headers: { 'content-type': 'application/json' }, body: JSON.stringify(init.body) }),
  });
  if (!res.ok || !res.body) throw await readError(res);
  const reader = res.body.getReader();
  const decoder = new TextDecoder();
  let text = '';
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    text += decoder.decode(value, { stream: true });
    const cut = text.indexOf(init.separator);
    init.onDraft(cut >= 0 ? text.slice(0, cut) : text);
  }
  text += decoder.decode();
  const cut = text.indexOf(init.separator);
  if (cut < 0) throw new ApiClientError(502, 'stream_incomplete', `The ${init.what} stream ended early; try again.`);
  const payload = JSON.parse(text.slice(cut + init.separator.length)) as T | StreamError;
  if (payload && typeof payload === 'object' && 'error' in payload)
    throw new ApiClientError(500, payload.error.code, payload.error.message, payload.error.requestId);
  return payload as T;
}
