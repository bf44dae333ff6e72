import { existsSync } from 'node:fs';
import { defineConfig } from 'prisma/config';

// `prisma generate` insists on a native schema engine binary before it starts, and downloading
// one fails offline. Generation never runs that binary, so point the check at a file that exists.
// Migrations run through Prisma's WASM schema engine instead (src/db/migrate.ts).
if (!process.env.PRISMA_SCHEMA_ENGINE_BINARY || !existsSync(process.env.PRISMA_SCHEMA_ENGINE_BINARY)) {
  process.env.PRISMA_SCHEMA_ENGINE_BINARY = process.execPath;
}

export default defineConfig({
  schema: 'prisma/schema.prisma',
  migrations: { path: 'prisma/migrations' },
});
