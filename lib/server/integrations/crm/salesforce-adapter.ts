import { clock } from '@/lib/clock';
import { requestChecked, type HttpAnswer } from '@/lib/server/outbound-http/request-checked';
import { bodyWithMarker, retryAfterMs, type CrmAdapter, type CrmAnswer, type CrmSecret } from './crm-task';

type Secret = CrmSecret<'salesforce'>;
interface Token {
  accessToken: string;
  instanceUrl: string;
}

// Access tokens per connected app, kept in memory: a token is reused until Salesforce refuses it
// (401 INVALID_SESSION_ID — it expired or was revoked), then fetched again once.
const tokens = new Map<string, Token>();
const cacheKey = (s: Secret) => `${s.baseUrl}|${s.clientId}`;

/** Forget cached tokens (tests; a rotated secret also gets a new key). */
export function clearSalesforceTokens() {
  tokens.clear();
}

// OAuth 2.0 client-credentials flow against the org's My Domain: POST /services/oauth2/token.
async function fetchToken(s: Secret, deadlineMs: number): Promise<Token | HttpAnswer> {
  const res = await requestChecked(
    new URL('/services/oauth2/token', s.baseUrl).toString(),
    {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
      body: new URLSearchParams({
        grant_type: 'client_credentials',
        client_id: s.clientId,
        client_secret: s.clientSecret,
      }).toString(),
    },
    deadlineMs,
  );
  if (res.status !== 200) return res;
  const json = JSON.parse(res.body) as { access_token?: string; instance_url?: string };
  if (!json.access_token) return { ...res, status: 502, body: 'Salesforce token response had no access_token' };
  const token = { accessToken: json.access_token, instanceUrl: json.instance_url ?? s.baseUrl };
  tokens.set(cacheKey(s), token);
  return token;
}

const isToken = (x: Token | HttpAnswer): x is Token => 'accessToken' in x;
const answer = (res: HttpAnswer): CrmAnswer => ({
  status: res.status,
  body: res.body.slice(0, 2000),
  retryAfterMs: res.status === 429 ? retryAfterMs(res.headers['retry-after'], clock.nowMs()) : undefined,
});

// Calls the REST API with the cached token; on 401 fetches a new token and tries once more.
async function withToken(
  s: Secret,
  deadlineMs: number,
  call: (t: Token) => Promise<HttpAnswer>,
): Promise<HttpAnswer | CrmAnswer> {
  for (let attempt = 0; attempt < 2; attempt++) {
    const cached = attempt === 0 ? tokens.get(cacheKey(s)) : undefined;
    const token = cached ?? (await fetchToken(s, deadlineMs));
    if (!isToken(token))
      return { ...answer(token), body: `Salesforce token request failed: ${token.body.slice(0, 300)}` };
    const res = await call(token);
    if (res.status !== 401) return res;
    tokens.delete(cacheKey(s));
    if (!cached) return res; // a fresh token refused: the app's permissions, not expiry
  }
  return { status: 401, body: 'Salesforce refused a fresh access token' };
}

const api = (t: Token, s: Secret, path: string) =>
  new URL(`/services/data/v${s.apiVersion}/${path}`, t.instanceUrl).toString();

// A Task on the customer's Account (WhatId) and Contact (WhoId) from the stored CRM link.
export const salesforceAdapter: CrmAdapter<Secret> = {
  async createTask(s, task, { deadlineMs }) {
    const body = JSON.stringify({
      // The marker goes in the Subject: SOQL cannot filter a long text area such as Description.
      Subject: `${task.title.slice(0, 255 - task.marker.length - 3)} [${task.marker}]`,
      Description: bodyWithMarker(task.body.slice(0, 31_900), task.marker),
      ...(task.dueDate ? { ActivityDate: task.dueDate } : {}),
      Status: 'Not Started',
      Priority: 'Normal',
      ...(task.link?.accountId ? { WhatId: task.link.accountId } : {}),
      ...(task.link?.contactId ? { WhoId: task.link.contactId } : {}),
      ...(task.link?.ownerExternalId ? { OwnerId: task.link.ownerExternalId } : {}),
    });
    const res = await withToken(s, deadlineMs, (t) =>
      requestChecked(
        api(t, s, 'sobjects/Task'),
        {
          method: 'POST',
          headers: {
            authorization: `Bearer ${t.accessToken}`,
            'content-type': 'application/json',
            accept: 'application/json',
          },
          body,
        },
        deadlineMs,
      ),
    );
    const out = 'headers' in res ? answer(res) : res;
    if (out.status === 201) out.ref = (JSON.parse(out.body) as { id?: string }).id;
    return out;
  },
  // SOQL (GET /query) on the Subject's marker: reads what is committed, with no search-index delay.
  async findTask(s, marker, deadlineMs) {
    const soql = `SELECT Id FROM Task WHERE Subject LIKE '%${marker}%' LIMIT 1`;
    const res = await withToken(s, deadlineMs, (t) =>
      requestChecked(
        api(t, s, `query?q=${encodeURIComponent(soql)}`),
        { method: 'GET', headers: { authorization: `Bearer ${t.accessToken}`, accept: 'application/json' } },
        deadlineMs,
      ),
    );
    const out = 'headers' in res ? answer(res) : res;
    if (out.status !== 200) return out;
    const id = (JSON.parse(out.body) as { records?: { Id?: string }[] }).records?.[0]?.Id;
    return id ? { status: 200, body: 'found the task an earlier attempt created', ref: id } : null;
  },
  async test(s, deadlineMs) {
    const res = await withToken(s, deadlineMs, (t) =>
      requestChecked(
        api(t, s, 'limits'),
        { method: 'GET', headers: { authorization: `Bearer ${t.accessToken}` } },
        deadlineMs,
      ),
    );
    return 'headers' in res ? answer(res) : res;
  },
};
