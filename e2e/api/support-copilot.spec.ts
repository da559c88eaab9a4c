import { expect } from '@playwright/test';
import { describeRoleMatrix } from '../fixtures/role-matrix';

// Contracts of the support copilot's routes: who may call each, and the shape of what comes back.
const CUSTOMER = 'cus_demo_001';

describeRoleMatrix('support copilot routes', [
  {
    name: 'customer billing',
    method: 'GET',
    path: `/api/v1/customers/${CUSTOMER}/billing`,
    allowed: ['support', 'revops', 'admin'],
    check: (b) => {
      expect(b).toMatchObject({ customerId: CUSTOMER, currency: 'usd' });
      for (const m of b.meters) expect(Number.isInteger(m.overageAmountMinor)).toBe(true);
    },
  },
  {
    name: 'customer payments',
    method: 'GET',
    path: `/api/v1/customers/${CUSTOMER}/payments`,
    allowed: ['support', 'revops', 'admin'],
    check: (b) => {
      expect(Array.isArray(b.attempts)).toBe(true);
      expect(b.defaultCard).toMatchObject({
        last4: expect.stringMatching(/^\d{4}$/),
        expiresSoon: expect.any(Boolean),
      });
    },
  },
  {
    name: 'customer API errors',
    method: 'GET',
    path: `/api/v1/customers/${CUSTOMER}/api-errors?days=7`,
    allowed: ['support', 'revops', 'admin'],
    check: (b) => expect(b).toMatchObject({ customerId: CUSTOMER, groups: expect.any(Array) }),
  },
  {
    name: 'customer tickets',
    method: 'GET',
    path: `/api/v1/customers/${CUSTOMER}/tickets`,
    allowed: ['support', 'revops', 'admin'],
    check: (b) => expect(b.items[0]).toMatchObject({ body: expect.any(String), notes: expect.any(Array) }),
  },
  {
    name: 'knowledge search',
    method: 'GET',
    path: '/api/v1/knowledge/search?q=overage%20billed',
    allowed: ['support', 'revops', 'admin'],
    check: (b) => {
      expect(b.mode).toBe('full_text');
      expect(b.items[0]).toMatchObject({ sourceType: 'document', title: 'How overage is billed' });
      expect(b.items[0].snippet).toContain('[[');
    },
  },
  {
    name: 'add a knowledge document',
    method: 'POST',
    path: '/api/v1/knowledge',
    body: (who) => ({ title: `Contract test doc (${who})`, body: 'Plain **Markdown**.', category: 'general' }),
    allowed: ['admin'],
    okStatus: 201,
    check: (b) => expect(b).toMatchObject({ title: 'Contract test doc (admin)', category: 'general' }),
  },
]);
