'use client';
import { useBillingConnection, useCreateWebhookEndpoint } from '@/lib/queries/use-billing-connection';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { Card } from '@/components/ui/card';

// Exactly what Stripe must send and where, with the option to create the endpoint through the API
// (its signing secret is then stored encrypted and verifies deliveries).
export function StripeWebhookCard() {
  const { data } = useBillingConnection();
  const create = useCreateWebhookEndpoint();
  if (!data) return null;
  const { webhook } = data;
  return (
    <Card title="Webhooks">
      <div className="flex flex-col gap-3 text-sm">
        <p>
          Endpoint URL:{' '}
          {webhook.url ? (
            <code data-testid="webhook-url">{webhook.url}</code>
          ) : (
            <span className="text-amber-800">set NEXTAUTH_URL to the console’s public URL</span>
          )}
        </p>
        <div>
          <p className="mb-1">Events to send ({webhook.events.length}):</p>
          <ul className="flex flex-wrap gap-1">
            {webhook.events.map((e) => (
              <li key={e}>
                <code className="rounded bg-slate-100 px-1.5 py-0.5 text-xs">{e}</code>
              </li>
            ))}
          </ul>
        </div>
        <div className="flex flex-wrap items-center gap-2">
          {webhook.endpointId ? (
            <Badge tone="green">Endpoint {webhook.endpointId} created; signing secret stored</Badge>
          ) : null}
          {webhook.secretInEnv ? <Badge tone="blue">Signing secret set in STRIPE_WEBHOOK_SECRET</Badge> : null}
          {!webhook.endpointId && !webhook.secretInEnv ? (
            <Badge tone="amber">No signing secret yet: deliveries are refused</Badge>
          ) : null}
        </div>
        <div>
          <Button
            variant="secondary"
            disabled={!data.source || !webhook.url || create.isPending}
            onClick={() => create.mutate()}
          >
            {webhook.endpointId ? 'Create another endpoint' : 'Create the endpoint in Stripe'}
          </Button>
          {create.error ? <p className="mt-1 text-red-700">{create.error.message}</p> : null}
        </div>
      </div>
    </Card>
  );
}
