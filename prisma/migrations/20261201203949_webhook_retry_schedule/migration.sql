-- AlterTable
ALTER TABLE "webhook_events" ADD COLUMN     "next_attempt_at" TIMESTAMP(3);

-- CreateIndex
CREATE INDEX "webhook_events_next_attempt_at_idx" ON "webhook_events"("next_attempt_at");

-- Rows that still need work get a due time, so the sweep keeps retrying them: every row received,
-- processing or failed, and the events the old six-attempt limit dead-lettered within the last
-- three days (Stripe's own retry horizon). Failed rows of an unreadable body do not exist yet.
UPDATE "webhook_events" SET "next_attempt_at" = COALESCE("processed_at", "received_at")
 WHERE "status" IN ('received', 'processing', 'failed')
    OR ("status" = 'dead' AND "received_at" > (now() AT TIME ZONE 'UTC') - interval '3 days');
