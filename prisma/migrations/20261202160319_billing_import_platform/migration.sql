-- DropIndex
DROP INDEX "stripe_import_runs_status_idx";

-- AlterTable
ALTER TABLE "stripe_import_runs" ADD COLUMN     "platform" "BillingProvider" NOT NULL DEFAULT 'stripe';

-- CreateIndex
CREATE INDEX "stripe_import_runs_platform_status_idx" ON "stripe_import_runs"("platform", "status");
