/**
 * Prisma's schema engine (the engine behind `prisma migrate`), loaded from its WASM build so
 * that migrations work on machines that cannot download the native engine.
 *
 * Node 20 cannot import a `.wasm` file as an ES module, which is what the package's own entry
 * does, so the module is compiled and wired by hand here.
 */
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { bindMigrationAwareSqlAdapterFactory, type SqlDriverAdapter, type SqlMigrationAwareDriverAdapterFactory } from '@prisma/driver-adapter-utils';
import * as bg from '@prisma/schema-engine-wasm/schema_engine_bg';

export type SchemaEngine = bg.SchemaEngine;
export type MigrationList = bg.MigrationList;

let wasmReady: Promise<void> | undefined;

function loadWasm(): Promise<void> {
  wasmReady ??= (async () => {
    // The package exports no path to its .wasm file; it sits beside the JS glue.
    const require = createRequire(import.meta.url);
    const wasmPath = path.join(path.dirname(require.resolve('@prisma/schema-engine-wasm/schema_engine_bg')), 'schema_engine_bg.wasm');
    const module = await WebAssembly.compile(await readFile(wasmPath));
    const instance = await WebAssembly.instantiate(module, { './schema_engine_bg.js': bg as unknown as WebAssembly.ModuleImports });
    bg.__wbg_set_wasm(instance.exports);
    (instance.exports.__wbindgen_start as () => void)();
  })();
  return wasmReady;
}

/**
 * Opens a schema engine over a driver adapter. `schemaText` is the Prisma schema the engine
 * treats as the target datamodel. Free it with `engine.free()` when done.
 */
export async function openSchemaEngine(
  adapterFactory: SqlMigrationAwareDriverAdapterFactory,
  schemaText: string,
  log: (message: string) => void = () => {},
): Promise<SchemaEngine> {
  await loadWasm();
  return bg.SchemaEngine.new(
    { datamodels: [['schema.prisma', schemaText]] },
    log,
    bindMigrationAwareSqlAdapterFactory(withWholeScripts(adapterFactory)),
  );
}

/**
 * PrismaPg's `executeScript` cuts a migration at every ';', inside function bodies, strings and
 * comments too, so a migration with a trigger function could not be applied. The native engine
 * sends a migration script to PostgreSQL whole (one simple-protocol query), and so does this.
 * Other adapters (PGlite's runs the script whole already) are left as they are.
 */
function withWholeScripts(factory: SqlMigrationAwareDriverAdapterFactory): SqlMigrationAwareDriverAdapterFactory {
  if (factory.adapterName !== '@prisma/adapter-pg') return factory;
  const wrap = (adapter: SqlDriverAdapter): SqlDriverAdapter => {
    const pgAdapter = adapter as SqlDriverAdapter & { client: { query(sql: string): Promise<unknown> }; onError(error: unknown): never };
    return Object.assign(Object.create(pgAdapter) as SqlDriverAdapter, {
      async executeScript(script: string) {
        try {
          await pgAdapter.client.query(script);
        } catch (error) {
          // Converted to the adapter's error type, as its own executeScript does.
          pgAdapter.onError(error);
        }
      },
    });
  };
  return {
    provider: factory.provider,
    adapterName: factory.adapterName,
    connect: async () => wrap(await factory.connect()),
    connectToShadowDb: async () => wrap(await factory.connectToShadowDb()),
  };
}

/** Schema filters: nothing in the database is managed outside Prisma. */
export const noExternalObjects: bg.SchemaFilter = { externalTables: [], externalEnums: [] };
