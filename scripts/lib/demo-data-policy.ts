// Whether a launcher seeds the demo world. `npm run dev` does unless SEED_DEMO_DATA=never; a
// production start only when asked with `--demo` or TOLLGATE_DEMO=true, because the demo users
// sign in with passwords printed in the README.
export type LaunchMode = 'development' | 'production';

export function wantsDemoData(
  mode: LaunchMode,
  argv: readonly string[] = process.argv.slice(2),
  env: Record<string, string | undefined> = process.env,
): boolean {
  if (env.SEED_DEMO_DATA === 'never') return false;
  if (argv.includes('--demo') || ['true', '1', 'yes'].includes(env.TOLLGATE_DEMO ?? '')) return true;
  return mode === 'development';
}

// One line naming the fix, printed when a production start finds README passwords. Once the
// operator has an admin of their own, creating one is no longer the step to take.
export function demoPasswordRefusal(emails: readonly string[], hasOwnAdmin = false): string {
  const fix = hasOwnAdmin
    ? 'Sign in as your admin and disable these users or change their passwords in Settings → Users'
    : 'Create your admin with `npm run admin:create -- --email you@example.com`, then disable these users ' +
      'or change their passwords in Settings → Users';
  return (
    `[tollgate] refusing to start: ${emails.join(', ')} still sign in with a password from the README. ` +
    `${fix} (or start a throwaway demo with \`npm start -- --demo\`).`
  );
}
