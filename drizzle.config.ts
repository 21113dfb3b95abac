import { defineConfig } from 'drizzle-kit';

// `flock /tmp/charla-drizzle.lock npm run db:generate` after changing either schema file.
export default defineConfig({
  dialect: 'sqlite',
  schema: ['./server/db/schema.ts', './server/db/live-schema.ts'],
  out: './server/db/migrations',
});
