-- AlterTable
ALTER TABLE "ingest_tokens" ADD COLUMN     "expires_at" TIMESTAMP(3),
ADD COLUMN     "scopes" TEXT[] DEFAULT ARRAY['usage:write', 'entitlements:check']::TEXT[];
