import { beforeAll, describe, expect, it } from 'vitest';
import { getDb } from '@/lib/db';
import { wrapInEvent } from '@/tests/fixtures/stripe-fixture-files';
import { cardPaymentMethod } from '@/tests/fixtures/stripe-payment-method';
import {
  basilEvent,
  configureWebhookEnv,
  customerByExternalId,
  deliver,
  obj,
  post,
  suffix,
  type StripeEvent,
} from './helpers';

// payment_method.attached / updated / automatically_updated / detached store the customer's cards;
// customer.updated names the default one. Duplicates change nothing and an older snapshot never
// overwrites a newer one (the ordering rule), a detach included.

beforeAll(() => configureWebhookEnv());

const T0 = 1_764_000_000;
const card = (pm: string, customer: string | null, exp: { exp_month: number; exp_year: number }, last4 = '4242') =>
  cardPaymentMethod(pm, customer, { ...exp, last4 });
const event = (type: string, object: Record<string, unknown>, created: number, extra: Record<string, unknown> = {}) =>
  ({
    ...wrapInEvent(type, object, created),
    id: `evt_${type.replace(/\W/g, '')}x${suffix()}`,
    data: { object, ...extra },
  }) as unknown as StripeEvent;
const cardRow = (externalId: string) => getDb().paymentCard.findUniqueOrThrow({ where: { externalId } });

describe('payment method events', () => {
  it('attached stores the card for its customer (a stub when unknown); a redelivery changes nothing; customer.updated names the default', async () => {
    const sfx = suffix();
    const cus = `cus_cardsx${sfx}`;
    const pm = `pm_visax${sfx}`;
    const attached = event('payment_method.attached', card(pm, cus, { exp_month: 1, exp_year: 2027 }), T0);
    const first = await deliver(attached);
    expect(first.inbox).toMatchObject({ status: 'processed', lastError: null });
    const customer = await customerByExternalId(cus);
    expect(await cardRow(pm)).toMatchObject({
      customerId: customer.id,
      brand: 'visa',
      last4: '4242',
      expMonth: 1,
      expYear: 2027,
      detachedAt: null,
      sourceEventCreatedAt: new Date(T0 * 1000),
    });

    const again = await post(attached);
    expect(again.body).toMatchObject({ duplicate: true, id: first.inboxId });
    expect(await getDb().paymentCard.count({ where: { customerId: customer.id } })).toBe(1);

    const cusObject = basilEvent('customer.updated', 'customer', sfx);
    const updated = event(
      'customer.updated',
      { ...obj(cusObject), id: cus, invoice_settings: { default_payment_method: pm } },
      T0 + 5,
    );
    await deliver(updated);
    expect((await customerByExternalId(cus)).defaultPaymentMethodExternalId).toBe(pm);
  });

  it('out of order: a card renewal delivered before the attach keeps the renewed expiry', async () => {
    const sfx = suffix();
    const cus = `cus_renewx${sfx}`;
    const pm = `pm_renewx${sfx}`;
    const renewed = event(
      'payment_method.automatically_updated',
      card(pm, cus, { exp_month: 12, exp_year: 2030 }, '1881'),
      T0 + 60,
    );
    const attached = event('payment_method.attached', card(pm, cus, { exp_month: 12, exp_year: 2026 }), T0);
    await deliver(renewed);
    const late = await deliver(attached);
    expect(late.inbox.status).toBe('processed');
    expect(late.inbox.lastError).toMatch(/^skipped: stored payment_method pm_\w+ is newer/);
    expect(await cardRow(pm)).toMatchObject({ expMonth: 12, expYear: 2030, last4: '1881' });

    // Same second: the later expiry wins whichever arrives last.
    const sameSecondOlder = event('payment_method.updated', card(pm, cus, { exp_month: 6, exp_year: 2028 }), T0 + 60);
    expect((await deliver(sameSecondOlder)).inbox.lastError).toMatch(/^skipped:/);
    expect((await cardRow(pm)).expYear).toBe(2030);
  });

  it('a detach is final: a late update or attach never revives the card, and a detach seen first leaves a tombstone', async () => {
    const sfx = suffix();
    const cus = `cus_detachx${sfx}`;
    const pm = `pm_detachx${sfx}`;
    await deliver(event('payment_method.attached', card(pm, cus, { exp_month: 3, exp_year: 2027 }), T0));
    const detached = event('payment_method.detached', card(pm, null, { exp_month: 3, exp_year: 2027 }), T0 + 10, {
      previous_attributes: { customer: cus },
    });
    await deliver(detached);
    const row = await cardRow(pm);
    expect(row.detachedAt).toEqual(new Date((T0 + 10) * 1000));
    expect(row.customerId).toBe((await customerByExternalId(cus)).id);
    // Same second as the detach, attached snapshot: the detach ranks higher.
    const sameSecond = event('payment_method.updated', card(pm, cus, { exp_month: 3, exp_year: 2027 }), T0 + 10);
    expect((await deliver(sameSecond)).inbox.lastError).toMatch(/^skipped:/);
    expect((await cardRow(pm)).detachedAt).not.toBeNull();

    // Never seen attached: the detach (naming its customer only in previous_attributes) is stored
    // first, and the attach that arrives afterwards is older.
    const pm2 = `pm_ghostx${sfx}`;
    await deliver(
      event('payment_method.detached', card(pm2, null, { exp_month: 5, exp_year: 2029 }), T0 + 30, {
        previous_attributes: { customer: cus },
      }),
    );
    const lateAttach = await deliver(
      event('payment_method.attached', card(pm2, cus, { exp_month: 5, exp_year: 2029 }), T0 + 20),
    );
    expect(lateAttach.inbox.lastError).toMatch(/^skipped:/);
    expect(await cardRow(pm2)).toMatchObject({ customerId: row.customerId, detachedAt: new Date((T0 + 30) * 1000) });
  });

  it('a payment method that is not a card is processed and noted, not stored', async () => {
    const pm = `pm_sepax${suffix()}`;
    const { card: _card, ...base } = card(pm, `cus_sepax${suffix()}`, { exp_month: 1, exp_year: 2030 });
    const sepa = { ...base, type: 'sepa_debit', sepa_debit: { last4: '3000', country: 'DE' } };
    const { inbox } = await deliver(event('payment_method.attached', sepa, T0));
    expect(inbox).toMatchObject({ status: 'processed', lastError: `payment method ${pm} is sepa_debit: not stored` });
    expect(await getDb().paymentCard.count({ where: { externalId: pm } })).toBe(0);
  });
});
