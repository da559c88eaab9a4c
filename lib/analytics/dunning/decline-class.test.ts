import { describe, expect, it } from 'vitest';
import { classifyDecline, DO_NOT_HONOR_SOFT_ATTEMPTS } from './decline-class';

describe('classifyDecline', () => {
  it.each([
    ['insufficient_funds', 'soft'],
    ['processing_error', 'soft'],
    ['try_again_later', 'soft'],
    ['issuer_not_available', 'soft'],
    ['generic_decline', 'soft'],
    ['lost_card', 'hard'],
    ['stolen_card', 'hard'],
    ['invalid_account', 'hard'],
    ['pickup_card', 'hard'],
    ['expired_card', 'needs_customer'],
    ['authentication_required', 'needs_customer'],
    ['incorrect_cvc', 'needs_customer'],
    ['fraudulent', 'fraud'],
    ['merchant_blacklist', 'fraud'],
  ] as const)('%s → %s', (code, cls) => {
    const c = classifyDecline([code]);
    expect(c.declineClass).toBe(cls);
    expect(c.known).toBe(true);
    expect(c.code).toBe(code);
  });

  it('treats do_not_honor as soft at first, hard after repeated attempts', () => {
    expect(classifyDecline(['do_not_honor'], 1).declineClass).toBe('soft');
    expect(classifyDecline(['do_not_honor'], DO_NOT_HONOR_SOFT_ATTEMPTS).declineClass).toBe('soft');
    expect(classifyDecline(['do_not_honor'], DO_NOT_HONOR_SOFT_ATTEMPTS + 1).declineClass).toBe('hard');
  });

  it('takes the first recognised code, ignoring case, blanks and unknown ones', () => {
    const c = classifyDecline([null, 'card_declined_by_magic', 'EXPIRED_CARD', 'insufficient_funds']);
    expect(c.declineClass).toBe('needs_customer');
    expect(c.code).toBe('expired_card');
  });

  it('says so when the code is unknown or absent', () => {
    expect(classifyDecline(['something_new'])).toMatchObject({
      declineClass: 'soft',
      known: false,
      code: 'something_new',
    });
    expect(classifyDecline([null, undefined])).toMatchObject({ declineClass: 'soft', known: false, code: null });
  });
});
