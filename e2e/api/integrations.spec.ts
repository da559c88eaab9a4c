import { expect } from '@playwright/test';
import { describeRoleMatrix, type RouteCase } from '../fixtures/role-matrix';

// Integrations hold credentials: only admins list, add or edit them, and no answer ever contains
// the URL — only its host.
const SECRET_PATH = '/services/T000/B000/e2e-secret';

const ROUTES: RouteCase[] = [
  {
    name: 'add integration',
    method: 'POST',
    path: '/api/v1/integrations',
    body: (who) => ({
      kind: 'slack',
      name: `e2e-${who}-${Date.now()}`,
      url: `https://hooks.example.com${SECRET_PATH}`,
    }),
    allowed: ['admin'],
    okStatus: 201,
    check: (b) => {
      expect(b).toMatchObject({ kind: 'slack', secretHint: 'hooks.example.com', disabled: false });
      expect(JSON.stringify(b)).not.toContain(SECRET_PATH);
    },
  },
  {
    name: 'integrations',
    method: 'GET',
    path: '/api/v1/integrations',
    allowed: ['admin'],
    check: (b) => {
      expect(Array.isArray(b.items)).toBe(true);
      expect(JSON.stringify(b)).not.toContain(SECRET_PATH);
    },
  },
  { name: 'ask to link SSO', method: 'POST', path: '/api/v1/me/sso-link', allowed: ['support', 'revops', 'admin'] },
];

describeRoleMatrix('integrations and SSO linking', ROUTES);
