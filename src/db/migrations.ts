/**
 * Migrations in Prisma's standard layout (prisma/migrations/<timestamp>_<name>/migration.sql),
 * applied and created through the WASM schema engine, so they work offline and stay one history
 * with what `prisma migrate deploy` would do on a machine that has the native engine.
 */
import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { SqlMigrationAwareDriverAdapterFactory } from '@prisma/driver-adapter-utils';
import { noExternalObjects, openSchemaEngine, type MigrationList } from './schema-engine.js';

/** The project's prisma/ folder, found from this file whether it runs from src/ or dist/src/. */
export const prismaDir = findPrismaDir();
export const migrationsDir = path.join(prismaDir, 'migrations');
export const schemaPath = path.join(prismaDir, 'schema.prisma');

function findPrismaDir(): string {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const candidate = path.join(dir, 'prisma', 'schema.prisma');
    if (existsSync(candidate)) return path.dirname(candidate);
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error('prisma/schema.prisma not found above ' + fileURLToPath(import.meta.url));
    dir = parent;
  }
}

/** Reads the migrations folder into the shape the schema engine takes. */
export async function loadMigrationList(): Promise<MigrationList> {
  const entries = existsSync(migrationsDir) ? await readdir(migrationsDir, { withFileTypes: true }) : [];
  const names = entries.filter((e) => e.isDirectory()).map((e) => e.name).sort();
  const lockPath = path.join(migrationsDir, 'migration_lock.toml');
  return {
    baseDir: migrationsDir,
    lockfile: { path: 'migration_lock.toml', content: existsSync(lockPath) ? await readFile(lockPath, 'utf8') : null },
    shadowDbInitScript: '',
    migrationDirectories: await Promise.all(
      names.map(async (name) => ({
        path: name,
        migrationFile: {
          path: 'migration.sql',
          content: { tag: 'ok' as const, value: await readFile(path.join(migrationsDir, name, 'migration.sql'), 'utf8') },
        },
      })),
    ),
  };
}

/**
 * Applies every migration not yet recorded in `_prisma_migrations`, as `prisma migrate deploy`
 * does, and answers the names it applied.
 */
export async function applyMigrations(adapterFactory: SqlMigrationAwareDriverAdapterFactory): Promise<string[]> {
  const engine = await openSchemaEngine(adapterFactory, await readFile(schemaPath, 'utf8'));
  try {
    const { appliedMigrationNames } = await engine.applyMigrations({
      migrationsList: await loadMigrationList(),
      filters: noExternalObjects,
    });
    return appliedMigrationNames;
  } finally {
    engine.free();
  }
}

/**
 * The SQL that would take a database built from the migrations folder to schema.prisma: empty
 * when they agree. The engine replays the migrations on a shadow database from `adapterFactory`.
 */
export async function diffMigrationsToSchema(adapterFactory: SqlMigrationAwareDriverAdapterFactory): Promise<string> {
  const schemaText = await readFile(schemaPath, 'utf8');
  const engine = await openSchemaEngine(adapterFactory, schemaText);
  try {
    const result = await engine.diff({
      from: { tag: 'migrations', ...(await loadMigrationList()) },
      to: { tag: 'schemaDatamodel', files: [{ path: schemaPath, content: schemaText }] },
      script: true,
      exitCode: null,
      filters: noExternalObjects,
    });
    return (result.stdout ?? '').trim();
  } finally {
    engine.free();
  }
}

/** True when a diff script changes nothing (the engine prints a comment for an empty diff). */
export function isEmptyDiff(sql: string): boolean {
  return sql.split('\n').every((line) => line.trim() === '' || line.trim().startsWith('--'));
}
