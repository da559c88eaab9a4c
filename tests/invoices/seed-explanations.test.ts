import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BUILTIN_WRITER_LABEL, BUILTIN_WRITER_VERSION } from '@/lib/ai/builtin-writer';
import { factSheetSchema, type InvoiceExplanation } from '@/lib/schemas/invoice-facts';
import { toExplanationView } from '@/lib/server/invoices/to-explanation-view';
import { seedDemoData } from '@/prisma/seed/seed-demo-data';
import { createFreshDatabase } from '../helpers/fresh-database';
import { expectEveryNumberSourced } from './grounding-assertions';

// Every seeded invoice is explained at seed time by the built-in writer, with its decision
// record, and every number in every explanation is traced to a fact of that invoice.

const NOW = new Date('2026-06-15T12:00:00Z');

describe('seed: invoice explanations', () => {
  let fresh: Awaited<ReturnType<typeof createFreshDatabase>>;
  beforeAll(async () => {
    fresh = await createFreshDatabase('explanations');
    await seedDemoData(fresh.db, { customers: 12, days: 10, now: NOW });
  });
  afterAll(async () => fresh?.drop());

  it('stores one built-in explanation and one decision record per invoice', async () => {
    const db = fresh.db;
    const invoices = await db.invoice.findMany({
      select: { id: true, customerId: true, _count: { select: { explanations: true } } },
    });
    expect(invoices).toHaveLength(36);
    expect(invoices.every((i) => i._count.explanations === 1)).toBe(true);
    const runs = await db.agentRun.findMany({
      where: { agentId: 'invoice-explainer' },
      include: { explanations: { select: { invoiceId: true } } },
    });
    expect(runs).toHaveLength(36);
    for (const run of runs) {
      const invoice = invoices.find((i) => i.id === run.explanations[0]?.invoiceId);
      expect(run).toMatchObject({
        status: 'succeeded',
        modelProvider: 'builtin',
        modelId: 'builtin-writer',
        promptVersion: BUILTIN_WRITER_VERSION,
        customerId: invoice?.customerId,
        trigger: { type: 'seed' },
      });
      expect(run.outputs).toMatchObject({
        fallbackReason: 'not_configured',
        verdicts: [{ source: 'builtin', ok: true, unverified: [] }],
      });
      expect((run.inputs as { factSheetId: string }).factSheetId).toMatch(/^fs_[0-9a-f]{24}$/);
    }
    expect(await db.auditEvent.count({ where: { action: 'invoice.explanations_seeded' } })).toBe(1);
  });

  it('traces every number of every explanation to a fact, and the page attributes each one', async () => {
    const rows = await fresh.db.invoiceExplanation.findMany({ orderBy: { invoiceId: 'asc' } });
    let numbers = 0;
    let compared = 0;
    for (const row of rows) {
      const sheet = factSheetSchema.parse(row.facts);
      expect(row).toMatchObject({
        source: 'builtin',
        provider: 'builtin',
        promptVersion: BUILTIN_WRITER_VERSION,
        verdict: { ok: true, unverified: [], issues: [] },
      });
      const sections = { summary: row.summary, ...(row.sections as Omit<InvoiceExplanation, 'summary'>) };
      const sources = expectEveryNumberSourced(sheet, sections, row.invoiceId);
      const stored = (row.verdict as { numbers: Array<{ text: string; factId: string }> }).numbers;
      expect(stored.map((n) => [n.text, n.factId])).toEqual(sources);
      numbers += sources.length;

      const view = toExplanationView(row);
      expect(view.writerLabel).toBe(BUILTIN_WRITER_LABEL);
      const segments = [view.summary, ...view.lines, ...view.changes]
        .flatMap((t) => t.segments)
        .filter((s) => s.factId !== undefined);
      expect(segments.length).toBe(sources.length);
      for (const s of segments) {
        const fact = sheet.facts.find((f) => f.id === s.factId);
        expect(s.source).toBe(`${fact!.id} = ${fact!.display}`);
      }
      if (view.change) {
        compared++;
        expect(view.change.drivers.reduce((sum, d) => sum + d.amount, 0)).toBe(view.change.totalChange.amount);
        expect(view.changes.length).toBeGreaterThan(0);
      }
    }
    expect(numbers).toBeGreaterThan(36 * 10);
    expect(compared).toBe(24); // the 2nd and 3rd invoice of each customer
  });

  it('explains usage lines with the meter name, included quantity and unit price', async () => {
    const row = await fresh.db.invoiceExplanation.findFirstOrThrow({
      where: { invoice: { number: { endsWith: '-0003' } } },
    });
    const view = toExplanationView(row);
    const api = view.lines.find((l) => l.lineId.endsWith('_api_calls'))!;
    expect(api.description).toMatch(/^API calls \(/);
    expect(api.text).toMatch(/used from/);
    expect(api.segments.some((s) => s.source?.startsWith('line.') && s.source.includes('.quantity = '))).toBe(true);
    expect(view.markdown).toContain('**What changed since last month**');
  });
});
