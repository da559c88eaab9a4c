import type { ExplanationView } from '@/lib/schemas/invoices';
import { Card } from '@/components/ui/card';
import { TBody, THead, Table, Td, Th, Tr } from '@/components/ui/table';
import { cn } from '@/components/ui/cn';

const amountClass = (n: number) =>
  cn('text-right tabular-nums', n > 0 ? 'text-red-700' : n < 0 ? 'text-emerald-700' : 'text-slate-600');

// Month-over-month drivers: each row is one reason the total moved, and the rows add up exactly
// to the change in total (the fact sheet's decomposition), shown in the footer.
export function ChangeDriversCard({ change }: { change: ExplanationView['change'] }) {
  return (
    <Card title="What changed since last month">
      {!change ? (
        <p className="text-sm text-slate-500" data-testid="no-drivers">
          There is no earlier invoice in the same currency to compare with.
        </p>
      ) : (
        <div data-testid="change-drivers" className="flex flex-col gap-3">
          <p className="text-sm text-slate-600">
            From <span className="tabular-nums">{change.previousTotal}</span> (invoice{' '}
            {change.previousInvoiceNumber ?? change.previousInvoiceId}) to{' '}
            <span className="tabular-nums">{change.total}</span>.
          </p>
          <Table>
            <THead>
              <tr>
                <Th>Driver</Th>
                <Th className="text-right">Change</Th>
              </tr>
            </THead>
            <TBody>
              {change.drivers.map((d) => (
                <Tr key={d.id} data-testid="driver-row" data-fact-id={d.factId}>
                  <Td>{d.label}</Td>
                  <Td className={amountClass(d.amount)}>
                    {d.amount > 0 ? '+' : ''}
                    {d.display}
                  </Td>
                </Tr>
              ))}
              {change.drivers.length === 0 ? (
                <Tr>
                  <Td colSpan={2} className="text-slate-500">
                    No line changed.
                  </Td>
                </Tr>
              ) : null}
            </TBody>
            <tfoot className="border-t border-slate-200 bg-slate-50 font-semibold">
              <tr data-testid="driver-total">
                <Td>
                  Total change
                  {change.totalChangePercent
                    ? ` (${change.totalChange.amount < 0 ? '-' : '+'}${change.totalChangePercent.replace(/^-/, '')})`
                    : ''}
                </Td>
                <Td className={amountClass(change.totalChange.amount)}>
                  {change.totalChange.amount > 0 ? '+' : ''}
                  {change.totalChange.display}
                </Td>
              </tr>
            </tfoot>
          </Table>
        </div>
      )}
    </Card>
  );
}
