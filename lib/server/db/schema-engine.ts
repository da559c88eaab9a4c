import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { PrismaPg } from '@prisma/adapter-pg';
import { bindMigrationAwareSqlAdapterFactory } from '@prisma/driver-adapter-utils';
import * as bg from '@prisma/schema-engine-wasm/schema_engine_bg';

// Prisma 7's CLI downloads a native schema engine before `migrate`; this machine cannot reach
// that host. The same engine ships as WebAssembly on npm, and with the pg driver adapter it
// applies migrations and records them in the standard `_prisma_migrations` table, so
// `prisma migrate deploy` remains a drop-in alternative wherever the native engine exists.

type Engine = Awaited<ReturnType<typeof bg.SchemaEngine.new>>;

let wasmReady: Promise<void> | undefined;

function loadWasm(): Promise<void> {
  wasmReady ??= (async () => {
    const require = createRequire(import.meta.url);
    // The .wasm file is not in the package's exports map: locate it beside the bg module.
    const bgPath = require.resolve('@prisma/schema-engine-wasm/schema_engine_bg');
    const wasmPath = path.join(path.dirname(bgPath), 'schema_engine_bg.wasm');
    const { instance } = await WebAssembly.instantiate(await readFile(wasmPath), {
      './schema_engine_bg.js': bg as unknown as WebAssembly.ModuleImports,
    });
    bg.__wbg_set_wasm(instance.exports);
    (instance.exports as { __wbindgen_start?: () => void }).__wbindgen_start?.();
  })();
  return wasmReady;
}

export async function openSchemaEngine(connectionString: string, schemaPath: string): Promise<Engine> {
  await loadWasm();
  const schema = await readFile(schemaPath, 'utf8');
  const adapter = bindMigrationAwareSqlAdapterFactory(new PrismaPg({ connectionString }));
  return bg.SchemaEngine.new({ datamodels: [[schemaPath, schema]] }, () => {}, adapter);
}
