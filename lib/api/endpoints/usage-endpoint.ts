import { getEnv } from '@/lib/env';
import { ApiError } from '@/lib/errors';
import type { TokenEndpoint } from '@/lib/api/api-reply';
import type { UsageBatchResponse } from '@/lib/schemas/usage';
import { ingestUsage } from '@/lib/server/ingest/ingest-usage';
import { readUsageRequest } from './read-usage-request';

// POST /api/v1/usage — served by the Next route and by the gateway.
// Statuses. Single event: 202 accepted (stored now), 200 duplicate (already stored), 409
// idempotency_conflict, 422 with the event's error code. Batch: 200 with a verdict per event when
// at least one event is stored (accepted or duplicate); 422 batch_rejected, with the same
// verdicts, when none is. Whole-request errors: 401 token, 415 content type, 413 body or batch too
// large, 400 malformed JSON, 422 shape, 503 database unavailable — and then nothing was stored.
export const usageEndpoint: TokenEndpoint = {
  path: '/api/v1/usage',
  handle: async (caller, source, requestId) => {
    const request = await readUsageRequest(source, getEnv().INGEST_MAX_BODY_BYTES);
    const outcome = await ingestUsage(caller, request);
    if (request.mode === 'single') {
      const v = outcome.verdicts[0]!;
      if (v.status === 'accepted' || v.status === 'duplicate') {
        return {
          status: v.status === 'accepted' ? 202 : 200,
          body: { status: v.status, idempotencyKey: v.idempotencyKey },
        };
      }
      throw new ApiError(v.status === 'conflict' ? 409 : 422, v.error!.code, v.error!.message);
    }
    const body: UsageBatchResponse = {
      accepted: outcome.accepted,
      duplicates: outcome.duplicates,
      conflicts: outcome.conflicts,
      rejected: outcome.rejected,
      results: outcome.verdicts,
    };
    if (outcome.accepted + outcome.duplicates > 0) return { status: 200, body };
    const error = { code: 'batch_rejected', message: 'No event in the batch was stored; see results', requestId };
    return { status: 422, body: { error, ...body } };
  },
};
