import { defineConfig } from 'drizzle-kit';

// The PostgreSQL migrations; `npm run db:generate` writes them after the SQLite ones (drizzle.config.ts).
export default defineConfig({
  dialect: 'postgresql',
  schema: './server/db/postgres-schema.ts',
  out: './server/db/postgres-migrations',
});
