'use client';
import { useState } from 'react';
import type { CreatePlanInput, MeterView, PlanView } from '@/lib/schemas/catalog';
import { formatMoney } from '@/lib/money';
import { useCatalog, useCreateMeter, useCreatePlan, useUpdateMeter, useUpdatePlan } from '@/lib/queries/use-catalog';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { QueryState } from '@/components/ui/query-state';
import { TBody, THead, Table, Td, Th, Tr } from '@/components/ui/table';
import { MeterForm } from './meter-form';
import { PlanForm } from './plan-form';
import { UnmappedPrices } from './unmapped-prices';

type Editing =
  { kind: 'plan'; plan: PlanView | null; draft: CreatePlanInput } | { kind: 'meter'; meter: MeterView | null } | null;

const EMPTY_PLAN: CreatePlanInput = {
  key: '',
  name: '',
  externalId: null,
  currency: 'usd',
  basePriceMinor: 0,
  interval: 'month',
  rank: 0,
  entitlementFailMode: 'open',
  limits: [],
};

const asDraft = (p: PlanView): CreatePlanInput => ({
  ...p,
  interval: (['day', 'week', 'month', 'year'] as const).find((i) => i === p.interval) ?? 'month',
  limits: p.limits.map(({ meterKey: _meterKey, ...l }) => l),
});

// The catalog: prices waiting for a plan, plans with their Stripe prices and limits, and meters
// with their Stripe billing meters. One editor at a time, above the lists.
export function CatalogAdmin() {
  const { data, isLoading, error } = useCatalog();
  const createPlan = useCreatePlan();
  const updatePlan = useUpdatePlan();
  const createMeter = useCreateMeter();
  const updateMeter = useUpdateMeter();
  const [editing, setEditing] = useState<Editing>(null);
  const close = () => setEditing(null);
  const planMutation = editing?.kind === 'plan' && editing.plan ? updatePlan : createPlan;
  const meterMutation = editing?.kind === 'meter' && editing.meter ? updateMeter : createMeter;
  const openPlan = (plan: PlanView | null, draft: CreatePlanInput) => {
    createPlan.reset();
    updatePlan.reset();
    setEditing({ kind: 'plan', plan, draft });
  };

  return (
    <QueryState isLoading={isLoading} error={error}>
      {data ? (
        <div className="flex flex-col gap-6">
          {editing?.kind === 'plan' ? (
            <Card
              title={editing.plan ? `Edit plan ${editing.plan.name}` : 'New plan'}
              actions={
                <Button variant="ghost" onClick={close}>
                  Cancel
                </Button>
              }
            >
              <PlanForm
                key={editing.plan?.id ?? editing.draft.externalId ?? 'new'}
                initial={editing.draft}
                meters={data.meters}
                prices={data.prices}
                keyLocked={Boolean(editing.plan)}
                submitLabel={editing.plan ? 'Save plan' : 'Create plan'}
                pending={planMutation.isPending}
                error={planMutation.error}
                onSubmit={(input) => {
                  const done = { onSuccess: close };
                  if (editing.plan) updatePlan.mutate({ id: editing.plan.id, ...input }, done);
                  else createPlan.mutate(input, done);
                }}
              />
            </Card>
          ) : null}
          {editing?.kind === 'meter' ? (
            <Card
              title={editing.meter ? `Edit meter ${editing.meter.key}` : 'New meter'}
              actions={
                <Button variant="ghost" onClick={close}>
                  Cancel
                </Button>
              }
            >
              <MeterForm
                key={editing.meter?.id ?? 'new'}
                initial={editing.meter}
                pending={meterMutation.isPending}
                error={meterMutation.error}
                onSubmit={({ key: _key, ...input }) => {
                  const done = { onSuccess: close };
                  if (editing.meter) updateMeter.mutate({ id: editing.meter.id, ...input }, done);
                  else createMeter.mutate({ key: _key, ...input }, done);
                }}
              />
            </Card>
          ) : null}

          <UnmappedPrices items={data.unmapped} onCreate={(draft) => openPlan(null, draft)} />

          <Card
            title="Plans"
            actions={
              <Button variant="secondary" onClick={() => openPlan(null, EMPTY_PLAN)}>
                New plan
              </Button>
            }
          >
            <Table>
              <THead>
                <tr>
                  <Th>Plan</Th>
                  <Th>Stripe price</Th>
                  <Th>Base</Th>
                  <Th>Limits</Th>
                  <Th>Fail mode</Th>
                  <Th>Subscriptions</Th>
                  <Th />
                </tr>
              </THead>
              <TBody>
                {data.plans.map((plan) => (
                  <Tr key={plan.id} data-testid={`plan-${plan.key}`}>
                    <Td>
                      <div className="font-medium">{plan.name}</div>
                      <div className="text-xs text-slate-500">{plan.key}</div>
                    </Td>
                    <Td>
                      {plan.externalId ? (
                        <code className="text-xs">{plan.externalId}</code>
                      ) : (
                        <span className="text-slate-500">—</span>
                      )}
                    </Td>
                    <Td>
                      {formatMoney(plan.basePriceMinor, plan.currency)} / {plan.interval}
                    </Td>
                    <Td className="text-xs">
                      {plan.limits.length
                        ? plan.limits.map((l) => (
                            <div key={l.meterId}>
                              {l.meterKey}: {l.includedQuantity} incl.{l.hardLimit ? `, stop at ${l.hardLimit}` : ''},
                              then {l.overageUnitPrice}/unit
                            </div>
                          ))
                        : '—'}
                    </Td>
                    <Td>{plan.entitlementFailMode}</Td>
                    <Td>{plan.subscriptions}</Td>
                    <Td className="whitespace-nowrap text-right">
                      {plan.active ? null : <Badge className="mr-2">archived</Badge>}
                      <Button variant="ghost" onClick={() => openPlan(plan, asDraft(plan))}>
                        Edit
                      </Button>
                      <Button variant="ghost" onClick={() => updatePlan.mutate({ id: plan.id, active: !plan.active })}>
                        {plan.active ? 'Archive' : 'Restore'}
                      </Button>
                    </Td>
                  </Tr>
                ))}
              </TBody>
            </Table>
            {!data.plans.length ? (
              <p className="py-4 text-sm text-slate-500">
                No plans yet: import from Stripe (Settings → Billing platform) or add one.
              </p>
            ) : null}
          </Card>

          <Card
            title="Meters"
            actions={
              <Button variant="secondary" onClick={() => setEditing({ kind: 'meter', meter: null })}>
                New meter
              </Button>
            }
          >
            <Table>
              <THead>
                <tr>
                  <Th>Key</Th>
                  <Th>Name</Th>
                  <Th>Aggregation</Th>
                  <Th>Stripe billing meter</Th>
                  <Th />
                </tr>
              </THead>
              <TBody>
                {data.meters.map((meter) => (
                  <Tr key={meter.id} data-testid={`meter-${meter.key}`}>
                    <Td>
                      <code>{meter.key}</code>
                    </Td>
                    <Td>
                      {meter.name} <span className="text-xs text-slate-500">({meter.unit})</span>
                    </Td>
                    <Td>{meter.aggregation}</Td>
                    <Td>
                      {meter.externalId ? (
                        <code className="text-xs">{meter.externalId}</code>
                      ) : (
                        <span className="text-amber-800">not mapped</span>
                      )}
                    </Td>
                    <Td className="text-right">
                      <Button variant="ghost" onClick={() => setEditing({ kind: 'meter', meter })}>
                        Edit
                      </Button>
                    </Td>
                  </Tr>
                ))}
              </TBody>
            </Table>
          </Card>
        </div>
      ) : null}
    </QueryState>
  );
}
