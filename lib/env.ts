import { z } from 'zod';

// The only module that reads process.env. Everything is validated once, on first use, and a bad
// value fails fast with the variable's name. Parsing is lazy so `next build` can import route
// modules without a runtime configuration.

const csv = z
  .string()
  .optional()
  .transform((v) =>
    v
      ? v
          .split(',')
          .map((s) => s.trim())
          .filter(Boolean)
      : [],
  );

const bool = (fallback: boolean) =>
  z
    .enum(['true', 'false', '1', '0', 'yes', 'no'])
    .optional()
    .transform((v) => (v === undefined ? fallback : ['true', '1', 'yes'].includes(v)));

const schema = z
  .object({
    NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
    // Tests and demos only: start the application clock (lib/clock.ts) at this instant.
    TOLLGATE_CLOCK_START: z.string().datetime({ offset: true }).optional(),
    DATABASE_URL: z.string().url().optional(),
    DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(20),
    NEXTAUTH_URL: z.string().url().optional(),
    NEXTAUTH_SECRET: z.string().min(16, 'must be at least 16 characters').optional(),
    OIDC_ISSUER: z.string().url().optional(),
    OIDC_CLIENT_ID: z.string().optional(),
    OIDC_CLIENT_SECRET: z.string().optional(),
    OIDC_DISPLAY_NAME: z.string().default('Single sign-on'),
    // Role given to a person who signs in through OIDC and has no user yet; unset: only invited users.
    // Never admin: anyone the IdP vouches for would become one.
    OIDC_AUTO_PROVISION_ROLE: z
      .enum(['revops', 'support'], { message: 'must be revops or support (never admin)' })
      .optional(),
    // Reverse proxies in front of the console that append to X-Forwarded-For. 0 (direct exposure):
    // the header is the client's own claim and is ignored, so per-address sign-in limits are off.
    TRUSTED_PROXY_HOPS: z.coerce.number().int().min(0).max(10).default(0),
    // After SIGN_IN_MAX_FAILURES on one account, each attempt waits base·2^(extra failures), capped.
    SIGN_IN_DELAY_BASE_MS: z.coerce.number().int().min(0).default(250),
    SIGN_IN_DELAY_MAX_MS: z.coerce.number().int().min(0).default(8000),
    SIGN_IN_MAX_FAILURES: z.coerce.number().int().min(1).default(5),
    SIGN_IN_WINDOW_MINUTES: z.coerce.number().int().min(1).default(15),
    JOBS_IN_PROCESS: bool(true),
    // The gateway process (npm run gateway): usage ingest and entitlement checks on bare node:http.
    GATEWAY_PORT: z.coerce.number().int().min(0).max(65535).default(3001),
    GATEWAY_HOST: z.string().default('0.0.0.0'),
    // Requests the gateway serves at once; more are answered 503 overloaded (retry-after: 1).
    GATEWAY_MAX_IN_FLIGHT: z.coerce.number().int().min(1).default(1024),
    STRIPE_SECRET_KEY: z.string().optional(),
    // Webhook signing secrets: STRIPE_WEBHOOK_SECRET (Stripe's own name) and/or a comma-separated
    // STRIPE_WEBHOOK_SECRETS (several during a rotation); any configured one verifies.
    STRIPE_WEBHOOK_SECRET: z.string().trim().optional(),
    STRIPE_WEBHOOK_SECRETS: csv,
    // Points the stripe SDK at another host (a local fake in tests): e.g. http://127.0.0.1:12111
    STRIPE_API_BASE: z.string().url().optional(),
    // The customer portal link (Stripe's no-code portal login page) put in update-card e-mails;
    // unset: the e-mail asks the customer to reply for a secure link.
    STRIPE_BILLING_PORTAL_URL: z.string().url().optional(),
    // The HTTP Basic pair set on the webhook in Chargebee ("Protect webhook URL"); both required.
    CHARGEBEE_WEBHOOK_USERNAME: z.string().trim().min(1).optional(),
    CHARGEBEE_WEBHOOK_PASSWORD: z.string().min(1).optional(),
    // A Chargebee site and API key from the environment win over the ones stored in Settings.
    CHARGEBEE_SITE: z.string().trim().min(1).optional(),
    CHARGEBEE_API_KEY: z.string().trim().min(1).optional(),
    // Points the chargebee SDK at another host (a local fake in tests): e.g. http://127.0.0.1:12112
    CHARGEBEE_API_BASE: z.string().url().optional(),
    // The signing key of the webhook endpoint in Recurly (Integrations → Webhooks → the endpoint).
    RECURLY_WEBHOOK_SECRET: z.string().trim().min(1).optional(),
    // A Recurly private API key: JSON webhooks carry ids only, so the objects are read with it.
    RECURLY_API_KEY: z.string().trim().min(1).optional(),
    // Points the recurly SDK at another host (a local fake in tests): e.g. http://127.0.0.1:12113
    RECURLY_API_BASE: z.string().url().optional(),
    AI_PROVIDER: z.enum(['builtin', 'openai', 'anthropic', 'openai-compatible']).default('builtin'),
    AI_MODEL: z.string().optional(),
    AI_API_KEY: z.string().optional(),
    AI_BASE_URL: z.string().url().optional(),
    // Embedding model for the copilot's hybrid knowledge search (with pgvector); unset: full text only.
    AI_EMBEDDING_MODEL: z.string().optional(),
    // Outbound calls (Slack, CRM) to loopback are refused unless a test turns this on.
    OUTBOUND_ALLOW_LOOPBACK: bool(false),
    // Ports besides 80 and 443 that outbound destinations may use, e.g. "8443".
    OUTBOUND_ALLOWED_PORTS: csv.transform((ports) =>
      ports.map(Number).filter((p) => Number.isInteger(p) && p > 0 && p < 65536),
    ),
    AUDIT_ANCHOR_FILE: z.string().default('.data/audit-anchor.json'),
    // Largest accepted POST /api/v1/usage body (a batch holds at most 1,000 events either way).
    INGEST_MAX_BODY_BYTES: z.coerce
      .number()
      .int()
      .min(1024)
      .max(64 * 1024 * 1024)
      .default(4 * 1024 * 1024),
    // Ingest statements in flight per process (group commit); see lib/server/ingest/write-usage-events.ts.
    INGEST_WRITERS: z.coerce.number().int().min(1).max(32).default(2),
    // Entitlement answer when the database is unreachable and this instance has never seen the
    // customer's plan (whose own entitlementFailMode applies otherwise).
    ENTITLEMENT_UNKNOWN_FAIL_MODE: z.enum(['open', 'closed']).default('closed'),
    AUDIT_ANCHOR_INTERVAL_MINUTES: z.coerce.number().int().min(1).default(5),
    // Execution of approved actions: a claim lasts ACTION_LEASE_SECONDS (a crashed worker's
    // action is resumed after it), retryable errors back off from ACTION_RETRY_BASE_SECONDS.
    ACTION_LEASE_SECONDS: z.coerce.number().int().min(1).default(60),
    ACTION_RETRY_BASE_SECONDS: z.coerce.number().min(0).default(2),
    ACTION_MAX_ATTEMPTS: z.coerce.number().int().min(1).default(6),
    EXECUTOR_POLL_MS: z.coerce.number().int().min(50).default(1000),
    // Outbox delivery: each POST has this total deadline (connect + send + the whole answer), the
    // claim lease is always longer than it, and up to OUTBOX_CONCURRENCY destinations are served at once.
    OUTBOX_DELIVERY_DEADLINE_MS: z.coerce.number().int().min(100).max(120_000).default(10_000),
    OUTBOX_CONCURRENCY: z.coerce.number().int().min(1).max(64).default(8),
    // 32 bytes (base64 or 64 hex digits) that encrypt integration secrets at rest. Required in
    // production; development derives one from NEXTAUTH_SECRET.
    TOLLGATE_ENCRYPTION_KEY: z
      .string()
      .refine(
        (v) => /^[0-9a-f]{64}$/i.test(v) || Buffer.from(v, 'base64').length === 32,
        'must be 32 bytes (base64 or hex)',
      )
      .optional(),
    // Fallback outbound destinations (used when no integration of the kind is configured).
    SLACK_WEBHOOK_URL: z.string().url().optional(),
    // Incident webhooks (lib/server/incidents/sources): Alertmanager's bearer token; Datadog's and
    // Statuspage's basic-auth credentials as user:password; the generic source's HMAC secret.
    ALERTMANAGER_WEBHOOK_TOKEN: z.string().min(16).optional(),
    DATADOG_WEBHOOK_BASIC_AUTH: z
      .string()
      .regex(/^[^:]+:.{12,}$/, 'must be user:password')
      .optional(),
    STATUSPAGE_WEBHOOK_BASIC_AUTH: z
      .string()
      .regex(/^[^:]+:.{12,}$/, 'must be user:password')
      .optional(),
    INCIDENT_WEBHOOK_SECRET: z.string().min(16).optional(),
    CRM_WEBHOOK_URL: z.string().url().optional(),
    EMAIL_WEBHOOK_URL: z.string().url().optional(),
    // Usage forwarding to Stripe billing meters (lib/server/usage-forwarding): off, one v1 meter
    // event per request, or the v2 meter event stream in batches of up to 100. Pre-aggregation
    // sends one event per customer × meter × minute for sum meters.
    USAGE_FORWARDING: z.enum(['off', 'v1', 'v2']).default('v1'),
    USAGE_FORWARD_AGGREGATE: bool(false),
    USAGE_FORWARD_CONCURRENCY: z.coerce.number().int().min(1).max(256).default(32),
    USAGE_FORWARD_BATCH: z.coerce.number().int().min(1).max(10_000).default(500),
    USAGE_FORWARD_POLL_MS: z.coerce.number().int().min(10).default(500),
    // How long a claimed unit is this forwarder's: well over a send's timeout (20 s).
    USAGE_FORWARD_LEASE_MS: z.coerce.number().int().min(1_000).default(60_000),
    // Reconciliation flags a figure that differs from what Tollgate accepted by more than this
    // share of it (0.005 = 0.5 %) and more than RECONCILIATION_TOLERANCE_UNITS.
    RECONCILIATION_TOLERANCE: z.coerce.number().min(0).max(1).default(0.005),
    RECONCILIATION_TOLERANCE_UNITS: z.coerce.number().min(0).default(0),
    // Earned autonomy (lib/server/actions/autonomy/): a workflow (agent × action kind) enters autopilot only
    // after this many days in assist and when its acceptance criteria hold.
    AUTONOMY_MIN_ASSIST_DAYS: z.coerce.number().int().min(0).default(90),
    AUTONOMY_MIN_DRAFTS: z.coerce.number().int().min(1).default(50),
    AUTONOMY_MIN_UNEDITED_PERCENT: z.coerce.number().min(0).max(100).default(95),
    AUTONOMY_REVERSAL_WINDOW_DAYS: z.coerce.number().int().min(1).default(30),
    // Demotion on a rejection spike: this many rejections within 7 days, making at least this share of decisions.
    AUTONOMY_REJECTION_SPIKE_COUNT: z.coerce.number().int().min(1).default(3),
    AUTONOMY_REJECTION_SPIKE_PERCENT: z.coerce.number().min(0).max(100).default(20),
    // Restricted Stripe keys per agent scope, "agent-id=rk_…,other-agent=rk_…": an agent's
    // actions then call Stripe with its own key instead of STRIPE_SECRET_KEY.
    STRIPE_AGENT_KEYS: csv.transform((pairs) =>
      Object.fromEntries(pairs.map((p) => p.split('=', 2).map((s) => s.trim())).filter(([k, v]) => k && v)),
    ),
    // Weekly autonomy digest destinations (else the Slack / e-mail fallbacks below).
    AUTONOMY_DIGEST_EMAIL_TO: z.string().email().optional(),
    // Test-only: SIGKILL the worker at a point of action execution, to prove crash recovery.
    FAULT_INJECTION: z
      .enum([
        'before_provider_call',
        'after_provider_call',
        'after_record',
        'email_after_handoff',
        'email_after_accept',
        'email_after_record',
      ])
      .optional(),
    // E-mail (lib/server/email): the sender and brand every template uses, and the transports. An
    // e-mail integration (Settings → Integrations) wins over these; without either, EMAIL_WEBHOOK_URL.
    EMAIL_FROM: z.string().default('Tollgate Billing <billing@tollgate.local>'),
    EMAIL_REPLY_TO: z.string().optional(),
    EMAIL_COMPANY_NAME: z.string().default('Tollgate'),
    EMAIL_LOGO_URL: z.string().url().optional(),
    EMAIL_BRAND_COLOR: z
      .string()
      .regex(/^#[0-9a-f]{6}$/i, 'a hex colour such as #4f46e5')
      .default('#4f46e5'),
    // Public origin of unsubscribe links (defaults to NEXTAUTH_URL).
    EMAIL_PUBLIC_URL: z.string().url().optional(),
    SMTP_HOST: z.string().optional(),
    SMTP_PORT: z.coerce.number().int().min(1).max(65535).default(587),
    // true: TLS from the first byte (port 465); false: STARTTLS when the server offers it.
    SMTP_SECURE: bool(false),
    SMTP_USER: z.string().optional(),
    SMTP_PASSWORD: z.string().optional(),
    POSTMARK_SERVER_TOKEN: z.string().optional(),
    SENDGRID_API_KEY: z.string().optional(),
    RESEND_API_KEY: z.string().optional(),
    // Delivery webhooks: Postmark's basic-auth credentials (user:password), SendGrid's signed event
    // webhook verification key (base64 ECDSA public key), Resend's Svix signing secret (whsec_…).
    POSTMARK_WEBHOOK_CREDENTIALS: z.string().optional(),
    SENDGRID_WEBHOOK_PUBLIC_KEY: z.string().optional(),
    RESEND_WEBHOOK_SECRET: z.string().optional(),
  })
  .superRefine((env, ctx) => {
    const oidc = [env.OIDC_ISSUER, env.OIDC_CLIENT_ID, env.OIDC_CLIENT_SECRET];
    if (oidc.some(Boolean) && !oidc.every(Boolean)) {
      ctx.addIssue({
        code: 'custom',
        path: ['OIDC_ISSUER'],
        message: 'OIDC_ISSUER, OIDC_CLIENT_ID and OIDC_CLIENT_SECRET must be set together',
      });
    }
    if (['openai', 'anthropic'].includes(env.AI_PROVIDER) && !env.AI_API_KEY) {
      ctx.addIssue({ code: 'custom', path: ['AI_API_KEY'], message: `required when AI_PROVIDER=${env.AI_PROVIDER}` });
    }
    if (env.AI_PROVIDER === 'openai-compatible' && !env.AI_BASE_URL) {
      ctx.addIssue({ code: 'custom', path: ['AI_BASE_URL'], message: 'required when AI_PROVIDER=openai-compatible' });
    }
    if (env.AI_PROVIDER === 'openai-compatible' && !env.AI_MODEL) {
      ctx.addIssue({
        code: 'custom',
        path: ['AI_MODEL'],
        message: 'required when AI_PROVIDER=openai-compatible (the model name your server serves)',
      });
    }
  });

export type Env = z.infer<typeof schema>;

let cached: Env | undefined;

export function parseEnv(source: Record<string, string | undefined>): Env {
  const result = schema.safeParse(source);
  if (!result.success) {
    const lines = result.error.issues.map((i) => `  ${i.path.join('.') || '(root)'}: ${i.message}`);
    throw new Error(`Invalid configuration:\n${lines.join('\n')}\nSee .env.example for every variable.`);
  }
  return result.data;
}

export function getEnv(): Env {
  cached ??= parseEnv(process.env);
  return cached;
}

// NODE_ENV is set by Next.js and inlined into the build, not user configuration: read it without
// validating the rest, so the proxy (run before every page) stays cheap.
export function isDevelopmentBuild(): boolean {
  return process.env.NODE_ENV === 'development';
}

export function requireDatabaseUrl(): string {
  const url = getEnv().DATABASE_URL;
  if (!url)
    throw new Error('DATABASE_URL is not set: start the console with `npm run dev` / `npm start`, which provide one.');
  return url;
}

export function requireAuthSecret(): string {
  const secret = getEnv().NEXTAUTH_SECRET;
  if (!secret) throw new Error('NEXTAUTH_SECRET is not set: `npm run dev` / `npm start` generate one under .data/.');
  return secret;
}

// Tests set process.env per file; this drops the cached parse so the next getEnv() sees it.
export function resetEnvForTests(): void {
  cached = undefined;
}
