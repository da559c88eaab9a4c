import { z } from 'zod';

// The parts of Chargebee's API v2 objects that Tollgate reads (webhook content and list
// results share these shapes). Loose: Chargebee adds fields freely, so unknown keys pass.
// Amounts are integer minor units; timestamps are Unix seconds; resource_version is the
// object's last update in epoch milliseconds (absent on objects untouched since 2016).

const id = z.string().min(1);
const seconds = z.number().int().nullish();
const amount = z.number().int().nullish();
const text = z.string().nullish();
const resourceVersion = z.number().int().nullish();

export const chargebeeCustomerSchema = z.looseObject({
  id,
  first_name: text,
  last_name: text,
  company: text,
  email: text,
  preferred_currency_code: text,
  created_at: seconds,
  deleted: z.boolean().nullish(),
  meta_data: z.record(z.string(), z.unknown()).nullish(),
  resource_version: resourceVersion,
});
export type ChargebeeCustomer = z.infer<typeof chargebeeCustomerSchema>;

export const chargebeeSubscriptionSchema = z.looseObject({
  id,
  customer_id: id,
  status: z.string().min(1),
  currency_code: text,
  billing_period: z.number().int().nullish(),
  billing_period_unit: text,
  current_term_start: seconds,
  current_term_end: seconds,
  cancelled_at: seconds,
  created_at: seconds,
  subscription_items: z
    .array(
      z.looseObject({
        item_price_id: id,
        item_type: text,
        quantity: z.number().int().nullish(),
        unit_price: amount,
      }),
    )
    .nullish(),
  deleted: z.boolean().nullish(),
  resource_version: resourceVersion,
});
export type ChargebeeSubscription = z.infer<typeof chargebeeSubscriptionSchema>;

export const chargebeeInvoiceSchema = z.looseObject({
  id,
  customer_id: id,
  subscription_id: text,
  status: z.string().min(1),
  currency_code: z.string().min(3),
  date: seconds,
  due_date: seconds,
  paid_at: seconds,
  generated_at: seconds,
  next_retry_at: seconds,
  sub_total: z.number().int(),
  tax: amount,
  total: z.number().int(),
  amount_due: amount,
  amount_paid: amount,
  credits_applied: amount,
  line_items: z
    .array(
      z.looseObject({
        id,
        date_from: seconds,
        date_to: seconds,
        unit_amount: amount,
        quantity: z.number().int().nullish(),
        amount: amount,
        description: text,
        entity_type: text,
        entity_id: text,
        discount_amount: amount,
      }),
    )
    .nullish(),
  discounts: z.array(z.looseObject({ amount: z.number().int() })).nullish(),
  dunning_attempts: z.array(z.looseObject({})).nullish(),
  deleted: z.boolean().nullish(),
  resource_version: resourceVersion,
});
export type ChargebeeInvoice = z.infer<typeof chargebeeInvoiceSchema>;

export const chargebeeTransactionSchema = z.looseObject({
  id,
  customer_id: text,
  type: z.string(),
  status: z.string(),
  date: seconds,
  amount: amount,
  currency_code: text,
  error_code: text,
  error_text: text,
  linked_invoices: z.array(z.looseObject({ invoice_id: id })).nullish(),
  resource_version: resourceVersion,
});
export type ChargebeeTransaction = z.infer<typeof chargebeeTransactionSchema>;

/** A webhook delivery (and an entry of GET /events): `{ id, occurred_at, event_type, content }`. */
export const chargebeeEventSchema = z.looseObject({
  id,
  event_type: z.string().min(1),
  occurred_at: z.number().int(),
  api_version: text,
  content: z.looseObject({
    customer: z.unknown().optional(),
    subscription: z.unknown().optional(),
    invoice: z.unknown().optional(),
    transaction: z.unknown().optional(),
    credit_note: z.unknown().optional(),
  }),
});
export type ChargebeeEvent = z.infer<typeof chargebeeEventSchema>;
