import { clock } from '@/lib/clock';
import { requestChecked, type HttpAnswer } from '@/lib/server/outbound-http/request-checked';
import { bodyWithMarker, retryAfterMs, type CrmAdapter, type CrmAnswer, type CrmSecret } from './crm-task';

type Secret = CrmSecret<'gainsight'>;

const answer = (res: HttpAnswer): CrmAnswer => ({
  status: res.status,
  body: res.body.slice(0, 2000),
  retryAfterMs: res.status === 429 ? retryAfterMs(res.headers['retry-after'], clock.nowMs()) : undefined,
});

// A Call To Action in Gainsight NXT's Cockpit (POST /v2/cockpit/cta, `Accesskey` header) on the
// customer's company (its Gsid from the stored CRM link). Gainsight answers 200 with
// `result: false` for a refused record, which is a permanent failure, not a delivery. No read-back:
// a re-send after a lost answer can create a second CTA (its Comments carry the same reference).
export const gainsightAdapter: CrmAdapter<Secret> = {
  async createTask(s, task, { deadlineMs }) {
    const res = await requestChecked(
      new URL('/v2/cockpit/cta', s.baseUrl).toString(),
      {
        method: 'POST',
        headers: { accesskey: s.accessKey, 'content-type': 'application/json', accept: 'application/json' },
        body: JSON.stringify({
          requests: [
            {
              Name: task.title.slice(0, 255),
              Comments: bodyWithMarker(task.body, task.marker),
              TypeName: 'Risk',
              PriorityName: 'High',
              StatusName: 'Open',
              ...(task.dueDate ? { DueDate: task.dueDate } : {}),
              ...(task.link?.accountId ? { CompanyId: task.link.accountId } : {}),
              ...(task.link?.ownerExternalId ? { OwnerId: task.link.ownerExternalId } : {}),
            },
          ],
        }),
      },
      deadlineMs,
    );
    const out = answer(res);
    if (res.status === 200) {
      const json = JSON.parse(res.body) as { result?: boolean; data?: { Gsid?: string }[]; errorDesc?: string };
      if (json.result === false) return { status: 422, body: json.errorDesc ?? res.body.slice(0, 500) };
      out.ref = json.data?.[0]?.Gsid;
    }
    return out;
  },
  async test(s, deadlineMs) {
    return answer(
      await requestChecked(
        new URL('/v1/meta/services/objects/Company/describe', s.baseUrl).toString(),
        { method: 'GET', headers: { accesskey: s.accessKey, accept: 'application/json' } },
        deadlineMs,
      ),
    );
  },
};
