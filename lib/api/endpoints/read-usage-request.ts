import { ApiError } from '@/lib/errors';
import { readJsonBody, type BodySource } from '@/lib/api/read-json-body';
import { USAGE_CONTENT_TYPES, USAGE_LIMITS } from '@/lib/schemas/usage';

export interface UsageRequest {
  mode: 'single' | 'batch';
  format: 'json' | 'cloudevents';
  items: unknown[];
}

// Reads the body of POST /api/v1/usage. Three content types (so withApi's JSON-only body step is
// not used; the same readJsonBody gives the same 415/413/400 codes):
//   application/json — one event object, an array of events, or { "events": [...] }
//   application/cloudevents+json — one CloudEvent
//   application/cloudevents-batch+json — an array of CloudEvents
// A batch may hold up to 1,000 events; more is 413 batch_too_large (nothing is stored).
export async function readUsageRequest(source: BodySource, limitBytes: number): Promise<UsageRequest> {
  const body = await readJsonBody(source, limitBytes, USAGE_CONTENT_TYPES);
  const type = (source.header('content-type') ?? '').split(';')[0]!.trim().toLowerCase();
  let request: UsageRequest;
  if (type === 'application/cloudevents-batch+json') {
    if (!Array.isArray(body)) throw new ApiError(422, 'invalid_body', 'A CloudEvents batch must be a JSON array');
    request = { mode: 'batch', format: 'cloudevents', items: body };
  } else if (type === 'application/cloudevents+json') {
    if (typeof body !== 'object' || body === null || Array.isArray(body))
      throw new ApiError(422, 'invalid_body', 'A CloudEvent must be a JSON object');
    request = { mode: 'single', format: 'cloudevents', items: [body] };
  } else if (Array.isArray(body)) {
    request = { mode: 'batch', format: 'json', items: body };
  } else if (typeof body === 'object' && body !== null && 'events' in body) {
    const events = (body as { events: unknown }).events;
    if (!Array.isArray(events)) throw new ApiError(422, 'invalid_body', '"events" must be an array');
    request = { mode: 'batch', format: 'json', items: events };
  } else if (typeof body === 'object' && body !== null) {
    request = { mode: 'single', format: 'json', items: [body] };
  } else {
    throw new ApiError(
      422,
      'invalid_body',
      'The body must be an event object, an array of events or { "events": [...] }',
    );
  }
  if (request.mode === 'batch' && request.items.length === 0)
    throw new ApiError(422, 'empty_batch', 'The batch holds no events');
  if (request.items.length > USAGE_LIMITS.maxBatchEvents) {
    throw new ApiError(
      413,
      'batch_too_large',
      `A batch may hold at most ${USAGE_LIMITS.maxBatchEvents} events; split it`,
    );
  }
  return request;
}
