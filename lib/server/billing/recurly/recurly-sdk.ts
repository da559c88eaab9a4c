import * as recurlyModule from 'recurly';

// The recurly SDK is CommonJS whose named exports Node's ESM loader cannot detect: under tsx (the
// worker, the CLI, the crash-test children) `import { Client } from 'recurly'` fails, and only the
// default export holds the classes. Bundlers and vitest give the named exports. This reads both.
const sdk = (recurlyModule as unknown as { default?: typeof recurlyModule }).default ?? recurlyModule;

export const RecurlyClient = sdk.Client;
export const RecurlyApiError = sdk.ApiError;
