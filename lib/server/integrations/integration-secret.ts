import { ApiError } from '@/lib/errors';
import type { CrmCredentials, CrmProviderName } from '@/lib/schemas/integrations';
import { crmSecret } from './crm/crm-task';

// What an integration seals: the webhook URL itself, or for a CRM API the JSON of its base URL and
// credentials. An edit merges into the stored secret (`previous`, already opened), so an admin can
// rotate one key without retyping the others.
export function integrationSecret(
  provider: CrmProviderName | undefined,
  input: { url?: string; credentials?: CrmCredentials },
  previous?: string,
): string | null {
  if (!provider || provider === 'webhook') return input.url ?? null;
  if (!input.url && !input.credentials) return null;
  const before = previous ? (JSON.parse(previous) as Record<string, unknown>) : {};
  const merged = { ...before, ...(input.url ? { baseUrl: input.url } : {}), ...input.credentials };
  const parsed = crmSecret[provider].safeParse(merged);
  if (!parsed.success)
    throw new ApiError(
      422,
      'invalid_credentials',
      `${provider}: ${parsed.error.issues.map((i) => i.path.join('.') + ' ' + i.message).join('; ')}`,
    );
  return JSON.stringify(parsed.data);
}

/** The hint shown instead of the secret: the host the integration talks to. */
export function secretHintOf(provider: CrmProviderName | undefined, sealedPlaintext: string): string {
  const url =
    !provider || provider === 'webhook'
      ? sealedPlaintext
      : (JSON.parse(sealedPlaintext) as { baseUrl: string }).baseUrl;
  return new URL(url).host;
}
