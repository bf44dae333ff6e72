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
import { bindMigrationAwareSqlAdapterFactory, type SqlMigrationAwareDriverAdapterFactory } from '@prisma/driver-adapter-utils';
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
    bindMigrationAwareSqlAdapterFactory(adapterFactory),
  );
}

/** Schema filters: nothing in the database is managed outside Prisma. */
export const noExternalObjects: bg.SchemaFilter = { externalTables: [], externalEnums: [] };
