import { expect, test } from '@playwright/test';
import { storageStateFor } from '../fixtures/e2e-world';

test.use({ storageState: storageStateFor('admin') });

test.describe('API contract details', () => {
  test('a cookie-authenticated mutation from another origin is refused and writes nothing', async ({ request }) => {
    const email = `csrf-${Date.now()}@example.test`;
    const res = await request.post('/api/v1/users', {
      data: { email, name: 'X', role: 'admin' },
      headers: { origin: 'https://evil.example' },
    });
    expect(res.status()).toBe(403);
    expect((await res.json()).error.code).toBe('cross_origin_request');
    const list = await (await request.get('/api/v1/users')).json();
    expect(list.items.map((u: any) => u.email)).not.toContain(email);
  });

  test('invalid input gets 422 with the issues, malformed JSON 400, wrong content type 415', async ({
    request,
    baseURL,
  }) => {
    const headers = { origin: baseURL! };
    const bad = await request.post('/api/v1/users', {
      headers,
      data: { email: 'not-an-email', name: '', role: 'owner' },
    });
    expect(bad.status()).toBe(422);
    const body = await bad.json();
    expect(body.error.code).toBe('validation_failed');
    expect(body.error.issues.map((i: any) => i.path[0]).sort()).toEqual(['email', 'name', 'role']);

    const malformed = await request.post('/api/v1/users', {
      headers: { ...headers, 'content-type': 'application/json' },
      data: Buffer.from('{"email":'),
    });
    expect(malformed.status()).toBe(400);
    expect((await malformed.json()).error.code).toBe('invalid_json');

    const wrongType = await request.post('/api/v1/users', {
      headers: { ...headers, 'content-type': 'text/plain' },
      data: Buffer.from('hello'),
    });
    expect(wrongType.status()).toBe(415);
    expect((await wrongType.json()).error.code).toBe('unsupported_media_type');
  });

  test('a duplicate e-mail is a 409 and the last admin cannot be demoted', async ({ request, baseURL }) => {
    const headers = { origin: baseURL! };
    const dup = await request.post('/api/v1/users', {
      headers,
      data: { email: 'revops@tollgate.local', name: 'Again', role: 'revops' },
    });
    expect(dup.status()).toBe(409);
    expect((await dup.json()).error.code).toBe('email_taken');
    const demote = await request.patch('/api/v1/users/usr_demo_admin', { headers, data: { role: 'support' } });
    expect(demote.status()).toBe(409);
    expect((await demote.json()).error.code).toBe('last_admin');
  });

  test('user changes appear in the audit trail', async ({ request, baseURL }) => {
    const email = `audited-${Date.now()}@example.test`;
    const created = await request.post('/api/v1/users', {
      headers: { origin: baseURL! },
      data: { email, name: 'Audited', role: 'support' },
    });
    const user = await created.json();
    const audit = await (await request.get(`/api/v1/audit-events?action=user.created`)).json();
    expect(audit.items.find((e: any) => e.targetId === user.id)).toMatchObject({
      actorType: 'user',
      actorId: 'usr_demo_admin',
      action: 'user.created',
    });
  });

  test('an unknown customer is a 404 in the error envelope', async ({ request }) => {
    const res = await request.get('/api/v1/customers/does-not-exist');
    expect(res.status()).toBe(404);
    expect((await res.json()).error).toMatchObject({ code: 'not_found', message: 'Customer not found' });
  });
});
