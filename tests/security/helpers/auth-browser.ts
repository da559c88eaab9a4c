import { createRequire } from 'node:module';
import path from 'node:path';
import type { NextAuthOptions } from 'next-auth';
import { getAuthOptions } from '@/lib/auth/auth-options';

export const AUTH_ORIGIN = 'http://127.0.0.1:3140';

// next-auth's framework-neutral core (what its Next route handler wraps around next/headers);
// the package does not export it, so it is loaded by path.
interface AuthResponse {
  status?: number;
  body?: unknown;
  redirect?: string;
  cookies?: { name: string; value: string; options?: { maxAge?: number } }[];
}
const { AuthHandler } = createRequire(import.meta.url)(path.resolve('node_modules/next-auth/core/index.js')) as {
  AuthHandler: (p: { req: Request; options: NextAuthOptions }) => Promise<AuthResponse>;
};

// A cookie jar in front of next-auth's real handlers, with the console's auth options.
export class AuthBrowser {
  readonly cookies = new Map<string, string>();

  async call(path: string, sessionUserId: string | null, form?: Record<string, string>) {
    const req = new Request(`${AUTH_ORIGIN}${path}`, {
      method: form ? 'POST' : 'GET',
      headers: {
        host: new URL(AUTH_ORIGIN).host,
        cookie: [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; '),
        ...(form ? { 'content-type': 'application/json' } : {}),
      },
      // The core reads a web Request's body as JSON (next-auth's Next adapter parses the form).
      body: form ? JSON.stringify(form) : undefined,
    });
    const res = await AuthHandler({ req, options: getAuthOptions({ sessionUserId }) });
    for (const c of res.cookies ?? []) {
      if (!c.value || c.options?.maxAge === 0) this.cookies.delete(c.name);
      else this.cookies.set(c.name, c.value);
    }
    return res;
  }

  async csrf(): Promise<string> {
    return ((await this.call('/api/auth/csrf', null)).body as { csrfToken: string }).csrfToken;
  }

  async session(): Promise<{ uid?: string; sv?: number } | null> {
    const body = (await this.call('/api/auth/session', null)).body as { uid?: string; sv?: number } | null;
    return body && Object.keys(body).length ? body : null;
  }
}
