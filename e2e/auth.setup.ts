import { expect, test as setup } from '@playwright/test';
import { ROLE_USERS, storageStateFor, type RoleName } from './fixtures/e2e-world';
import { signInByApi } from './fixtures/sign-in';

for (const role of ['admin', 'revops', 'support'] as RoleName[]) {
  setup(`sign in as ${role}`, async ({ request }) => {
    const user = ROLE_USERS[role];
    expect(await signInByApi(request, user.email, user.password)).toBe(200);
    const me = await request.get('/api/v1/me');
    expect(await me.json()).toMatchObject({ user: { email: user.email, role } });
    await request.storageState({ path: storageStateFor(role) });
  });
}
