// Checks what can be checked of docker-compose.yml and the Dockerfile without a Docker engine:
// the services, the app's environment (every variable src/config.ts reads that matters in a
// container), the wiring between them, and that the Dockerfile runs the built entry point.
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';

const problems = [];
const compose = parse(readFileSync('docker-compose.yml', 'utf8'));
const { postgres, app } = compose.services ?? {};
if (!postgres) problems.push('no postgres service');
if (!app) problems.push('no app service');

if (postgres && app) {
  const env = app.environment ?? {};
  for (const name of ['NODE_ENV', 'PORT', 'DATABASE_URL', 'ADMIN_TOKEN']) {
    if (!(name in env)) problems.push(`app.environment lacks ${name}`);
  }
  const pgEnv = postgres.environment ?? {};
  const url = new URL(env.DATABASE_URL ?? 'invalid://');
  if (url.hostname !== 'postgres') problems.push('DATABASE_URL must point at the postgres service');
  if (decodeURIComponent(url.username) !== pgEnv.POSTGRES_USER) problems.push('DATABASE_URL user differs from POSTGRES_USER');
  if (decodeURIComponent(url.password) !== pgEnv.POSTGRES_PASSWORD) problems.push('DATABASE_URL password differs from POSTGRES_PASSWORD');
  if (url.pathname.slice(1) !== pgEnv.POSTGRES_DB) problems.push('DATABASE_URL database differs from POSTGRES_DB');
  if (app.depends_on?.postgres?.condition !== 'service_healthy') problems.push('app must wait for a healthy postgres');
  if (!postgres.healthcheck) problems.push('postgres has no healthcheck');
  if (!(app.ports ?? []).some((p) => String(p).endsWith(`:${env.PORT}`))) problems.push('app does not publish its PORT');
}

const dockerfile = readFileSync('Dockerfile', 'utf8');
const pkg = JSON.parse(readFileSync('package.json', 'utf8'));
const entry = pkg.scripts.start.split(' ').at(-1);
if (!dockerfile.includes(`"${entry}"`)) problems.push(`Dockerfile CMD does not run ${entry} (the start script's entry)`);
if (!/^FROM node:20/m.test(dockerfile)) problems.push('Dockerfile is not built on Node 20');

if (problems.length) {
  console.error(`docker-compose.yml / Dockerfile:\n  ${problems.join('\n  ')}`);
  process.exit(1);
}
console.log('docker-compose.yml and Dockerfile: consistent');
