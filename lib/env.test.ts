import { describe, expect, it } from 'vitest';
import { parseEnv } from './env';

describe('parseEnv', () => {
  it('applies defaults', () => {
    const env = parseEnv({});
    expect(env).toMatchObject({
      AI_PROVIDER: 'builtin',
      JOBS_IN_PROCESS: true,
      STRIPE_WEBHOOK_SECRETS: [],
      OUTBOUND_ALLOW_LOOPBACK: false,
    });
  });

  it('splits rotated webhook secrets', () => {
    expect(parseEnv({ STRIPE_WEBHOOK_SECRETS: 'whsec_a, whsec_b' }).STRIPE_WEBHOOK_SECRETS).toEqual([
      'whsec_a',
      'whsec_b',
    ]);
  });

  it('fails fast naming the bad variable', () => {
    expect(() => parseEnv({ DATABASE_URL: 'not a url' })).toThrow(/DATABASE_URL/);
    expect(() => parseEnv({ NEXTAUTH_SECRET: 'short' })).toThrow(/NEXTAUTH_SECRET: must be at least 16/);
    expect(() => parseEnv({ JOBS_IN_PROCESS: 'maybe' })).toThrow(/JOBS_IN_PROCESS/);
  });

  it('requires OIDC variables together and provider settings per AI provider', () => {
    expect(() => parseEnv({ OIDC_ISSUER: 'https://idp.example.com' })).toThrow(
      /OIDC_ISSUER, OIDC_CLIENT_ID and OIDC_CLIENT_SECRET must be set together/,
    );
    expect(() => parseEnv({ AI_PROVIDER: 'openai' })).toThrow(/AI_API_KEY: required when AI_PROVIDER=openai/);
    expect(() => parseEnv({ AI_PROVIDER: 'openai-compatible', AI_MODEL: 'llama3' })).toThrow(/AI_BASE_URL/);
  });
});
