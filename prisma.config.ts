import { defineConfig } from 'prisma/config';

// The URL falls back to a placeholder so `prisma generate` (postinstall) works with no database.
export default defineConfig({
  schema: 'prisma/schema.prisma',
  migrations: { path: 'prisma/migrations' },
  datasource: { url: process.env.DATABASE_URL ?? 'postgresql://localhost:5432/tollgate' },
});
