'use client';
import { useCustomer } from '@/lib/queries/use-customers';
import { Badge } from '@/components/ui/badge';
import { UsageDriftBadge } from './usage-drift-badge';
import { PageHeader } from '@/components/ui/page-header';
import { QueryState } from '@/components/ui/query-state';
import { LatestExplanationsCard } from '@/components/invoices/latest-explanations-card';
import { CustomerScorecard } from '@/components/scores/customer-scorecard';
import { CopilotPanel } from '@/components/support/copilot-panel';
import { CustomerApiErrorsCard } from '@/components/support/customer-api-errors-card';
import { CustomerBillingCard } from '@/components/support/customer-billing-card';
import { CustomerInvoicesCard } from '@/components/support/customer-invoices-card';
import { CustomerPaymentsCard } from '@/components/support/customer-payments-card';
import { CustomerPendingActionsCard } from '@/components/support/customer-pending-actions-card';
import { CustomerTicketsCard } from '@/components/support/customer-tickets-card';
import { EmailDeliveryCard } from '@/components/email/email-delivery-card';
import { CustomerApiKeysCard } from './customer-api-keys-card';
import { DunningTimelineCard } from './dunning-timeline-card';
import { UsageInsightsSection } from './usage-insights-section';

// The one page support needs for a customer: a list of cards, each loading its own data in
// parallel (a failing card shows Retry, the others stay), with the copilot beside them. A new
// card is one line in the list below.
export function CustomerDetailView({ id, canManageKeys }: { id: string; canManageKeys: boolean }) {
  const { data: c, isLoading, error } = useCustomer(id);
  // The cards need only the id from the URL, so they start loading with the header, not after it.
  // A customer that does not exist shows the header's error and no cards.
  if (error)
    return (
      <QueryState isLoading={false} error={error}>
        {null}
      </QueryState>
    );
  return (
    <>
      <QueryState isLoading={isLoading} error={null}>
        {c ? (
          <PageHeader
            title={c.name}
            description={
              <span className="flex flex-wrap items-center gap-2">
                {c.email} · {c.externalId ?? 'no billing id'}
                {c.plan ? <Badge tone="blue">{c.plan.name}</Badge> : null}
                {c.delinquent ? <Badge tone="red">Payment failing</Badge> : null}
                <UsageDriftBadge customerId={c.id} />
              </span>
            }
          />
        ) : null}
      </QueryState>
      <div className="grid gap-6 xl:grid-cols-[minmax(0,1fr)_400px]">
        <div className="grid content-start gap-6 lg:grid-cols-2">
          <CustomerBillingCard customerId={id} />
          <CustomerPaymentsCard customerId={id} />
          <UsageInsightsSection customerId={id} />
          <CustomerScorecard customerId={id} className="lg:col-span-2" />
          <LatestExplanationsCard customerId={id} className="lg:col-span-2" />
          <DunningTimelineCard customerId={id} className="lg:col-span-2" />
          {c ? <CustomerInvoicesCard invoices={c.invoices} /> : null}
          <CustomerPendingActionsCard customerId={id} />
          <CustomerApiErrorsCard customerId={id} />
          <CustomerTicketsCard customerId={id} />
          <CustomerApiKeysCard customerId={id} canManage={canManageKeys} />
          <div className="lg:col-span-2">
            <EmailDeliveryCard filter={{ customerId: id }} />
          </div>
        </div>
        <aside className="xl:sticky xl:top-6 xl:self-start">
          <CopilotPanel customerId={id} />
        </aside>
      </div>
    </>
  );
}
