/**
 * The migrations folder and prisma/schema.prisma describe the same database: replaying the
 * migrations and diffing against the schema leaves nothing to do. A schema change without
 * `npm run db:new-migration` fails here.
 */
import { PGlite } from '@electric-sql/pglite';
import { PrismaPGlite } from 'pglite-prisma-adapter';
import { describe, expect, it } from 'vitest';
import { diffMigrationsToSchema, isEmptyDiff, loadMigrationList } from '../src/db/migrations.js';

describe('migrations', () => {
  it('match schema.prisma', async () => {
    const diff = await diffMigrationsToSchema(new PrismaPGlite(new PGlite()));
    expect(isEmptyDiff(diff), `schema.prisma has changes no migration covers:\n${diff}`).toBe(true);
  }, 120_000);

  it('are in Prisma\'s layout, with a lock file for PostgreSQL', async () => {
    const list = await loadMigrationList();
    expect(list.lockfile.content).toContain('provider = "postgresql"');
    expect(list.migrationDirectories.length).toBeGreaterThan(0);
    for (const dir of list.migrationDirectories) expect(dir.path).toMatch(/^\d{14}_[a-z0-9_]+$/);
  });

  it('know an empty diff from a real one', () => {
    expect(isEmptyDiff('-- This is an empty migration.')).toBe(true);
    expect(isEmptyDiff('-- AlterTable\nALTER TABLE "Article" ADD COLUMN "x" TEXT;')).toBe(false);
  });
});
