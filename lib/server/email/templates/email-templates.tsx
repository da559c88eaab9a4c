import type { ReactElement } from 'react';
import { Column, Row, Section, Text } from '@react-email/components';
import { formatMoney } from '@/lib/money';
import type { EmailTemplateData, EmailTemplateId } from '@/lib/schemas/email-templates';
import type { EmailBrand } from '../brand';
import { CallToAction, EmailLayout, Paragraphs, styles } from './email-layout';

// One component per template, all in one table: each is the author's body (what the reviewer
// edits) plus the facts its kind must show. The table is keyed by the template ids of
// lib/schemas/email-templates, so TypeScript refuses a template without a component.

interface Props<T extends EmailTemplateId> {
  brand: EmailBrand;
  subject: string;
  body: string;
  data: EmailTemplateData<T>;
  unsubscribeUrl: string | null;
}

function Figures({ rows }: { rows: [string, string][] }) {
  return (
    <Section style={{ backgroundColor: '#f9fafb', borderRadius: '6px', padding: '8px 16px', margin: '0 0 20px' }}>
      {rows.map(([label, value]) => (
        <Row key={label}>
          <Column style={styles.cell}>{label}</Column>
          <Column style={styles.figure}>{value}</Column>
        </Row>
      ))}
    </Section>
  );
}

const pct = (n: number) => `${Number(n.toFixed(2))}%`;

export const TEMPLATE_COMPONENTS: { [T in EmailTemplateId]: (p: Props<T>) => ReactElement } = {
  plain: (p) => (
    <EmailLayout brand={p.brand} preview={p.subject} unsubscribeUrl={p.unsubscribeUrl}>
      <Paragraphs text={p.body} />
    </EmailLayout>
  ),

  upgrade_offer: ({ data: d, ...p }) => (
    <EmailLayout brand={p.brand} preview={`Your offer: ${d.planName}`} unsubscribeUrl={p.unsubscribeUrl}>
      <Paragraphs text={p.body} />
      <Figures
        rows={[
          ...(d.currentPlanName ? [['Current plan', d.currentPlanName] as [string, string]] : []),
          ['Offered plan', d.planName],
          ...(d.priceMinor !== undefined && d.currency
            ? [
                ['Price', `${formatMoney(d.priceMinor, d.currency)}${d.interval ? ` / ${d.interval}` : ''}`] as [
                  string,
                  string,
                ],
              ]
            : []),
          ...(d.expiresOn ? [['Offer valid until', d.expiresOn] as [string, string]] : []),
        ]}
      />
      <CallToAction href={d.link} label={`Upgrade to ${d.planName}`} brand={p.brand} />
    </EmailLayout>
  ),

  dunning_step: ({ data: d, ...p }) => (
    <EmailLayout
      brand={p.brand}
      preview={`Invoice ${d.invoiceNumber}: ${formatMoney(d.amountDueMinor, d.currency)} due`}
      unsubscribeUrl={p.unsubscribeUrl}
    >
      <Paragraphs text={p.body} />
      <Figures
        rows={[
          ['Invoice', d.invoiceNumber],
          ['Amount due', formatMoney(d.amountDueMinor, d.currency)],
          ...(d.dueDate ? [['Due date', d.dueDate] as [string, string]] : []),
          ...(d.attempt ? [['Payment attempts', String(d.attempt)] as [string, string]] : []),
        ]}
      />
      <CallToAction href={d.link} label="Pay invoice or update card" brand={p.brand} />
    </EmailLayout>
  ),

  sla_credit: ({ data: d, ...p }) => (
    <EmailLayout
      brand={p.brand}
      preview={`A ${formatMoney(d.creditMinor, d.currency)} service credit for ${d.periodLabel}`}
      unsubscribeUrl={p.unsubscribeUrl}
    >
      <Paragraphs text={p.body} />
      <Figures
        rows={[
          ['Period', d.periodLabel],
          ['Availability target', pct(d.targetPercent)],
          ['Measured availability', pct(d.measuredPercent)],
          ...(d.downtimeMinutes !== undefined ? [['Downtime', `${d.downtimeMinutes} min`] as [string, string]] : []),
          ['Credit basis', formatMoney(d.baseMinor, d.currency)],
          ['Credit rate', pct(d.creditPercent)],
          ['Credit', formatMoney(d.creditMinor, d.currency)],
        ]}
      />
      <Text style={styles.muted}>
        {`Calculation: ${formatMoney(d.baseMinor, d.currency)} × ${pct(d.creditPercent)} = ${formatMoney(d.creditMinor, d.currency)}`}
        {d.invoiceNumber ? `, applied to invoice ${d.invoiceNumber}.` : '.'}
      </Text>
    </EmailLayout>
  ),

  weekly_digest: ({ data: d, ...p }) => (
    <EmailLayout brand={p.brand} preview={`Your week of ${d.weekOf}`} unsubscribeUrl={p.unsubscribeUrl}>
      <Text style={styles.muted}>Week of {d.weekOf}</Text>
      <Paragraphs text={p.body} />
      {d.metrics.length ? (
        <Figures
          rows={d.metrics.map((m) => [m.label, m.note ? `${m.value} (${m.note})` : m.value] as [string, string])}
        />
      ) : null}
      {d.link ? <CallToAction href={d.link} label="Open your dashboard" brand={p.brand} /> : null}
    </EmailLayout>
  ),
};
