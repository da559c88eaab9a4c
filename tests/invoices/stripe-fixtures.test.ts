import { beforeAll, describe, expect, it } from 'vitest';
import { explainInvoice } from '@/lib/ai/explain-invoice';
import { BUILTIN_WRITER_LABEL } from '@/lib/ai/builtin-writer';
import { normalizeInvoice } from '@/lib/server/billing/stripe/normalize/normalize-invoice';
import { listFixtures, readFixture } from '@/tests/fixtures/stripe-fixture-files';
import { getDb } from '@/lib/db';
import { buildFactSheet } from '@/lib/invoices/build-fact-sheet';
import { factSheetSchema, normalizedInvoiceSchema, type InvoiceExplanation } from '@/lib/schemas/invoice-facts';
import type { AttributedText } from '@/lib/schemas/invoices';
import { buildExplanationRecords } from '@/lib/server/invoices/explanation-records';
import { toExplanationView } from '@/lib/server/invoices/to-explanation-view';
import { explainStoredInvoice } from '@/lib/server/invoices/explain-stored-invoice';
import { stripeRecordToNormalizedInvoice } from '@/lib/server/invoices/stripe-record-to-normalized-invoice';
import {
  basilEvent,
  configureWebhookEnv,
  deliver,
  obj,
  rubyMockEvent,
  suffix,
  type StripeEvent,
} from '../webhooks/helpers';
import { expectEveryNumberSourced } from './grounding-assertions';

// Every Stripe invoice fixture (pre-basil webhook events and the basil-shaped invoice object),
// normalised by lib/server/billing/stripe/normalize, mapped to the normalised invoice and explained with no model:
// each number in the explanation is traced to its fact. Then the same invoices through the
// webhook handlers into the database and explainStoredInvoice: the same facts, stored.

const EVENT_FILES = listFixtures('events').filter((f) => /\/invoice\./.test(f));
const BASIL_FILE = 'objects-current-schema/invoice.fixtures3.json';

function invoiceObjectOf(file: string): Record<string, unknown> {
  const json = readFixture<Record<string, any>>(file);
  return json.object === 'event' ? json.data.object : json;
}

async function explainPure(file: string) {
  const record = normalizeInvoice(invoiceObjectOf(file));
  const { invoice, notes } = stripeRecordToNormalizedInvoice(record);
  expect(() => normalizedInvoiceSchema.parse(invoice)).not.toThrow();
  const sheet = buildFactSheet(invoice);
  const result = await explainInvoice({ facts: sheet, model: null });
  return { record, invoice, notes, sheet, result };
}

describe('Stripe invoice fixtures → normalised invoice → built-in explanation', () => {
  it('covers every invoice event and the basil invoice', () => {
    expect(EVENT_FILES.length).toBeGreaterThanOrEqual(5);
  });

  for (const file of [...EVENT_FILES, BASIL_FILE]) {
    it(`${file}: an explanation whose every number has a source`, async () => {
      const { result, sheet } = await explainPure(file);
      expect(result).toMatchObject({
        source: 'builtin',
        label: BUILTIN_WRITER_LABEL,
        fallbackReason: 'not_configured',
      });
      expect(result.verdict.ok).toBe(true);
      const sources = expectEveryNumberSourced(sheet, result.sections, file);
      expect(sources.length).toBeGreaterThan(3);
      expect(sheet.warnings).toEqual([]);
    });
  }

  it('names the sources of the pre-basil subscription invoice, as the page shows them', async () => {
    const { sheet, result } = await explainPure('events/invoice.created.stripe-ruby-mock.json');
    const line = sheet.lines[0];
    expect(line).toMatchObject({ id: 'il_000000000000000000000000', kind: 'flat', amount: 1500, unitPrice: 1500 });
    const records = buildExplanationRecords({
      facts: {
        invoice: { id: sheet.invoiceId, customerId: 'cus_x', number: null, currency: 'usd' },
        previousInvoiceId: null,
        sheet,
        notes: [],
      },
      result,
      trigger: { type: 'test' },
      startedAt: new Date(),
    });
    const view = toExplanationView(records.explanation);
    const numbers = (segments: AttributedText['segments']) =>
      segments.filter((s) => s.factId !== undefined).map((s) => [s.text, s.source]);
    // "1 × myproduct (at $15.00 / month)" is quoted as the line's name: an identifier, not a claim.
    expect(numbers(view.lines[0].segments)).toEqual([
      ['$15.00', `line.${line.factKey}.amount = $15.00`],
      ['March 26, 2022', `line.${line.factKey}.period_start = March 26, 2022`],
      ['April 26, 2022', `line.${line.factKey}.period_end = April 26, 2022`],
    ]);
    expect(numbers(view.summary.segments)).toContainEqual(['$15.00', 'invoice.total = $15.00']);
    expect(view.summary.segments.map((s) => s.text).join('')).toBe(result.sections.summary);
  });

  it('reads the basil invoice: proration from parent details, no subscription field', async () => {
    const { invoice, sheet } = await explainPure(BASIL_FILE);
    expect(invoice.lines).toEqual([expect.objectContaining({ kind: 'proration', proration: true, amount: 1000 })]);
    expect(sheet.components.proration).toBe(1000);
  });
});

describe('Stripe invoices stored by the webhook handlers, explained from the database', () => {
  beforeAll(() => configureWebhookEnv());

  const cases: Array<[string, (sfx: string) => StripeEvent]> = [
    ...EVENT_FILES.map(
      (f) =>
        [f, (sfx: string) => rubyMockEvent(f.replace('events/', '').replace('.stripe-ruby-mock.json', ''), sfx)] as [
          string,
          (sfx: string) => StripeEvent,
        ],
    ),
    [BASIL_FILE, (sfx: string) => basilEvent('invoice.finalized', 'invoice', sfx)],
  ];
  for (const [file, makeEvent] of cases) {
    it(`${file}: stored, explained, recorded`, async () => {
      const sfx = suffix();
      const event = makeEvent(sfx);
      const { inbox } = await deliver(event);
      // Events the handlers do not store an invoice for (invoice.payment_succeeded) are explained above only.
      if (inbox.status === 'ignored') return;
      const stored = await getDb().invoice.findUniqueOrThrow({
        where: { externalId: obj(event).id },
        select: { id: true },
      });
      const view = await explainStoredInvoice({
        invoiceId: stored.id,
        trigger: { type: event.type, ref: `stripe:${event.id}` },
        actor: { type: 'system', id: 'test' },
        model: null,
      });
      expect(view).toMatchObject({ source: 'builtin', writerLabel: BUILTIN_WRITER_LABEL, verdict: { ok: true } });
      const row = await getDb().invoiceExplanation.findUniqueOrThrow({
        where: { id: view.id },
        include: { agentRun: true },
      });
      const sheet = factSheetSchema.parse(row.facts);
      const sections = { summary: row.summary, ...(row.sections as Omit<InvoiceExplanation, 'summary'>) };
      expectEveryNumberSourced(sheet, sections, file);
      // The database path and the pure Stripe path give the same facts (line ids are Stripe's).
      const pure = await explainPure(file);
      expect(sheet.facts.map((f) => [f.id.replace(`x${sfx}`, ''), f.display])).toEqual(
        pure.sheet.facts.map((f) => [f.id, f.display]),
      );
      expect(row.agentRun).toMatchObject({
        agentId: 'invoice-explainer',
        status: 'succeeded',
        modelProvider: 'builtin',
        trigger: { type: event.type, ref: `stripe:${event.id}` },
      });
      for (const n of view.summary.segments.filter((s) => s.factId !== undefined))
        expect(n.source).toMatch(/^[a-z_.0-9A-Z-]+ = /);
    });
  }
});
