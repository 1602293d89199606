// drizzle-kit reads this to generate migrations from db/schema.ts: `npx drizzle-kit generate`.
// Migrations are applied at start-up by db/migrate.ts, never by drizzle-kit.
import { defineConfig } from 'drizzle-kit';

export default defineConfig({
  dialect: 'postgresql',
  schema: './db/schema.ts',
  out: './db/migrations',
});
