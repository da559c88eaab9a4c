// Stripe's decline_code / failure_code (and the outcome reason a charge carries) → what kind of
// failure it is, which decides what can possibly recover it:
//   soft           the bank may accept the same card later: retry, ideally when funds arrive
//   hard           the card will never work again: only the customer (a new card) can fix it
//   needs_customer the card can work but the customer must act (expired, authentication)
//   fraud          the charge looked fraudulent: never retried, never chased by e-mail
// Codes are Stripe's documented decline codes (stripe.com/docs/declines/codes) and the error
// codes a payment intent's last_payment_error carries. An unknown code is `soft` with
// `known: false`: a retry is cheap, and the decision says that the code was not recognised.

export const DECLINE_CLASSES = ['soft', 'hard', 'needs_customer', 'fraud'] as const;
export type DeclineClass = (typeof DECLINE_CLASSES)[number];

const CODES: Record<DeclineClass, readonly string[]> = {
  soft: [
    'insufficient_funds',
    'processing_error',
    'try_again_later',
    'issuer_not_available',
    'reenter_transaction',
    'approve_with_id',
    'call_issuer',
    'card_velocity_exceeded',
    'withdrawal_count_limit_exceeded',
    'generic_decline',
    'card_declined',
    'duplicate_transaction',
    'no_action_taken',
    'service_not_allowed',
    'transaction_not_allowed',
    'not_permitted',
  ],
  hard: [
    'lost_card',
    'stolen_card',
    'pickup_card',
    'restricted_card',
    'do_not_honor',
    'do_not_try_again',
    'invalid_account',
    'new_account_information_available',
    'card_not_supported',
    'currency_not_supported',
    'invalid_number',
    'incorrect_number',
    'account_closed',
    'revocation_of_authorization',
    'revocation_of_all_authorizations',
    'stop_payment_order',
  ],
  needs_customer: [
    'expired_card',
    'authentication_required',
    'authentication_not_handled',
    'card_not_activated',
    'incorrect_cvc',
    'invalid_cvc',
    'incorrect_pin',
    'invalid_pin',
    'pin_try_exceeded',
    'offline_pin_required',
    'online_or_offline_pin_required',
    'invalid_expiry_month',
    'invalid_expiry_year',
    'incorrect_zip',
    'payment_intent_authentication_failure',
    'payment_method_unactivated',
    'requires_action',
  ],
  fraud: ['fraudulent', 'merchant_blacklist', 'security_violation', 'highest_risk_level', 'elevated_risk_level'],
};

const BY_CODE = new Map<string, DeclineClass>(
  DECLINE_CLASSES.flatMap((c) => CODES[c].map((code) => [code, c] as const)),
);

// `do_not_honor` is the issuer's catch-all: the first time it is often a soft refusal; after this
// many failed attempts it is treated as hard (the issuer means it).
export const DO_NOT_HONOR_SOFT_ATTEMPTS = 2;

export interface DeclineClassification {
  declineClass: DeclineClass;
  code: string | null;
  known: boolean;
  why: string;
}

/**
 * Classifies one failure. `codes` are the failure's decline_code, failure_code and outcome reason
 * in any order (nulls ignored); the first recognised one decides. `attempt` is the invoice's
 * attempt count (1 = the first failure).
 */
export function classifyDecline(codes: readonly (string | null | undefined)[], attempt = 1): DeclineClassification {
  const present = codes.filter((c): c is string => Boolean(c)).map((c) => c.trim().toLowerCase());
  for (const code of present) {
    const cls = BY_CODE.get(code);
    if (!cls) continue;
    if (code === 'do_not_honor' && attempt <= DO_NOT_HONOR_SOFT_ATTEMPTS) {
      return {
        declineClass: 'soft',
        code,
        known: true,
        why: `do_not_honor on attempt ${attempt}: treated as soft until ${DO_NOT_HONOR_SOFT_ATTEMPTS} attempts`,
      };
    }
    return { declineClass: cls, code, known: true, why: `${code} is a ${cls.replace('_', ' ')} decline` };
  }
  const code = present[0] ?? null;
  return {
    declineClass: 'soft',
    code,
    known: false,
    why: code
      ? `${code} is not a recognised decline code: treated as soft`
      : 'no decline code reported: treated as soft',
  };
}
