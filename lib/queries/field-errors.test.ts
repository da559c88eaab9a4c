import { describe, expect, it } from 'vitest';
import { ApiClientError } from './api-client';
import { fieldErrors } from './field-errors';

const invalid = (issues: unknown) =>
  new ApiClientError(422, 'validation_failed', 'The request is not valid', 'r1', issues);

describe('fieldErrors', () => {
  it('puts each issue beside its field, under a prefix, and keeps the others with their path', () => {
    const err = invalid([
      { path: ['amountMinor'], message: 'Too big: expected number to be <=100000000' },
      { path: ['payload', 'memo'], message: 'Too long' },
      { path: ['invoiceId'], message: 'A credit note needs the invoice it credits' },
      { path: [], message: 'Bad body' },
    ]);
    expect(fieldErrors(err, ['amountMinor', 'memo'], 'payload')).toEqual({
      byField: { amountMinor: 'Too big: expected number to be <=100000000', memo: 'Too long' },
      rest: ['invoiceId: A credit note needs the invoice it credits', 'Bad body'],
      message: null,
    });
  });

  it('keeps the message of an error without issues, and nothing for no error', () => {
    expect(fieldErrors(new ApiClientError(409, 'revision_changed', 'Reload to see the latest'), ['memo'])).toEqual({
      byField: {},
      rest: [],
      message: 'Reload to see the latest',
    });
    expect(fieldErrors(null, ['memo'])).toEqual({ byField: {}, rest: [], message: null });
  });
});
