-- AlterTable
ALTER TABLE "actions" ADD COLUMN     "next_attempt_at" TIMESTAMP(3);

-- CreateIndex
CREATE INDEX "actions_status_next_attempt_at_idx" ON "actions"("status", "next_attempt_at");
