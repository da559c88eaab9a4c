import { Client } from '@hubspot/api-client';
import { AssociationSpecAssociationCategoryEnum } from '@hubspot/api-client/lib/codegen/crm/objects/tasks/models/AssociationSpec';
import { FilterOperatorEnum } from '@hubspot/api-client/lib/codegen/crm/objects/tasks/models/Filter';
import { clock } from '@/lib/clock';
import { checkUrl, pinnedAgent } from '@/lib/server/outbound-http/request-checked';
import { bodyWithMarker, retryAfterMs, type CrmAdapter, type CrmAnswer, type CrmSecret } from './crm-task';

type Secret = CrmSecret<'hubspot'>;

// HubSpot-defined association types of a task (CRM API v3 associations).
const TASK_TO_COMPANY = 192;
const TASK_TO_CONTACT = 204;

// The official client, pointed at the checked address (its agent pins the lookup) with its own
// retries off: the outbox owns retries and backoff, so every provider is retried the same way.
async function client(s: Secret) {
  const target = await checkUrl(s.baseUrl);
  return new Client({
    accessToken: s.token,
    basePath: s.baseUrl.replace(/\/$/, ''),
    numberOfApiCallRetries: 0,
    httpAgent: pinnedAgent(target),
  });
}

// The SDK throws ApiException (code, body, headers) for non-2xx answers; transport errors stay errors.
function fromError(err: unknown): CrmAnswer {
  const e = err as { code?: unknown; body?: unknown; headers?: Record<string, string> };
  if (typeof e.code !== 'number') throw err;
  return {
    status: e.code,
    body: (typeof e.body === 'string' ? e.body : JSON.stringify(e.body ?? '')).slice(0, 2000),
    retryAfterMs: e.code === 429 ? retryAfterMs(e.headers?.['retry-after'], clock.nowMs()) : undefined,
  };
}

const association = (id: string, typeId: number) => ({
  to: { id },
  types: [{ associationCategory: AssociationSpecAssociationCategoryEnum.HubspotDefined, associationTypeId: typeId }],
});

// A task (CRM objects API v3) on the customer's company and contact from the stored CRM link,
// with a private-app token.
export const hubspotAdapter: CrmAdapter<Secret> = {
  async createTask(s, task) {
    const hs = await client(s);
    try {
      const created = await hs.crm.objects.tasks.basicApi.create({
        properties: {
          hs_timestamp: task.dueDate ? `${task.dueDate}T00:00:00.000Z` : clock.now().toISOString(),
          hs_task_subject: task.title,
          hs_task_body: bodyWithMarker(task.body, task.marker),
          hs_task_status: 'NOT_STARTED',
          hs_task_priority: 'MEDIUM',
          hs_task_type: 'TODO',
          ...(task.link?.ownerExternalId ? { hubspot_owner_id: task.link.ownerExternalId } : {}),
        },
        associations: [
          ...(task.link?.accountId ? [association(task.link.accountId, TASK_TO_COMPANY)] : []),
          ...(task.link?.contactId ? [association(task.link.contactId, TASK_TO_CONTACT)] : []),
        ],
      });
      return { status: 201, body: '', ref: created.id };
    } catch (err) {
      return fromError(err);
    }
  },
  // CRM search (POST /crm/v3/objects/tasks/search) for the marker as a token of the body. HubSpot
  // indexes a new task within seconds; the outbox's first retry waits longer than that.
  async findTask(s, marker) {
    const hs = await client(s);
    try {
      const found = await hs.crm.objects.tasks.searchApi.doSearch({
        filterGroups: [
          { filters: [{ propertyName: 'hs_task_body', operator: FilterOperatorEnum.ContainsToken, value: marker }] },
        ],
        properties: ['hs_task_subject'],
        limit: 1,
      });
      const id = found.results[0]?.id;
      return id ? { status: 200, body: 'found the task an earlier attempt created', ref: id } : null;
    } catch (err) {
      return fromError(err);
    }
  },
  async test(s) {
    const hs = await client(s);
    try {
      await hs.crm.objects.tasks.basicApi.getPage(1);
      return { status: 200, body: '' };
    } catch (err) {
      return fromError(err);
    }
  },
};
