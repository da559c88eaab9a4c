import { formatMoney } from '@/lib/money';
import type { InvoiceDetail } from '@/lib/schemas/invoices';
import { formatQuantity } from '@/lib/invoices/format';
import { Badge } from '@/components/ui/badge';
import { Card } from '@/components/ui/card';
import { TBody, THead, Table, Td, Th, Tr } from '@/components/ui/table';

const dash = <span className="text-slate-500">—</span>;

// The invoice as the billing platform sent it: its lines and totals, in the same formats the
// explanation uses (so "$0.0008 each" in the text reads the same as the table).
export function InvoiceLinesCard({ invoice }: { invoice: InvoiceDetail }) {
  const money = (n: number) => formatMoney(n, invoice.currency);
  const totals: Array<[string, number, boolean?]> = [
    ['Subtotal', invoice.subtotal],
    ...(invoice.discountTotal ? [['Discounts', -Math.abs(invoice.discountTotal)] as [string, number]] : []),
    ...(invoice.creditTotal ? [['Credits applied', -Math.abs(invoice.creditTotal)] as [string, number]] : []),
    ...(invoice.tax ? [['Tax', invoice.tax] as [string, number]] : []),
    ['Total', invoice.total, true],
    ['Paid', invoice.amountPaid],
    ['Due', invoice.amountRemaining],
  ];
  return (
    <Card title="Lines">
      <Table>
        <THead>
          <tr>
            <Th>Description</Th>
            <Th>Kind</Th>
            <Th className="text-right">Quantity</Th>
            <Th className="text-right">Included</Th>
            <Th className="text-right">Unit price</Th>
            <Th className="text-right">Amount</Th>
          </tr>
        </THead>
        <TBody>
          {invoice.lines.map((l) => (
            <Tr key={l.id} data-testid="invoice-line-row">
              <Td>
                {l.description || dash}
                {l.meter ? <span className="ml-2 font-mono text-xs text-slate-500">{l.meter.key}</span> : null}
              </Td>
              <Td>
                <Badge
                  tone={l.kind === 'usage' ? 'blue' : l.kind === 'credit' || l.kind === 'discount' ? 'green' : 'gray'}
                >
                  {l.proration && l.kind !== 'proration' ? `${l.kind} · proration` : l.kind}
                </Badge>
              </Td>
              <Td className="text-right tabular-nums">{l.quantity === null ? dash : formatQuantity(l.quantity)}</Td>
              <Td className="text-right tabular-nums">
                {l.includedQuantity === null ? dash : formatQuantity(l.includedQuantity)}
              </Td>
              <Td className="text-right tabular-nums">{l.unitAmount === null ? dash : money(l.unitAmount)}</Td>
              <Td className="text-right tabular-nums">{money(l.amount)}</Td>
            </Tr>
          ))}
          {invoice.lines.length === 0 ? (
            <Tr>
              <Td colSpan={6} className="text-slate-500">
                This invoice has no lines.
              </Td>
            </Tr>
          ) : null}
        </TBody>
      </Table>
      <dl className="ml-auto mt-3 grid w-64 grid-cols-2 gap-y-1 text-sm" data-testid="invoice-totals">
        {totals.map(([label, value, strong]) => (
          <div key={label} className={strong ? 'contents font-semibold' : 'contents'}>
            <dt className="text-slate-600">{label}</dt>
            <dd className="text-right tabular-nums">{money(value)}</dd>
          </div>
        ))}
      </dl>
    </Card>
  );
}
