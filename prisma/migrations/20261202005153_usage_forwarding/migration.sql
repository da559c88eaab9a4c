-- CreateEnum
CREATE TYPE "UsageForwardStatus" AS ENUM ('pending', 'batched', 'flagged');

-- CreateEnum
CREATE TYPE "UsageForwardUnitStatus" AS ENUM ('queued', 'sending', 'acked', 'flagged');

-- AlterTable
ALTER TABLE "meters" ADD COLUMN     "stripe_event_name" TEXT;

-- CreateTable
CREATE TABLE "usage_forwards" (
    "event_id" BIGINT NOT NULL,
    "status" "UsageForwardStatus" NOT NULL DEFAULT 'pending',
    "unit_id" TEXT,
    "accepted_at" TIMESTAMP(3) NOT NULL,
    "next_attempt_at" TIMESTAMP(3) NOT NULL,
    "flag_reason" TEXT,

    CONSTRAINT "usage_forwards_pkey" PRIMARY KEY ("event_id")
);

-- CreateTable
CREATE TABLE "usage_forward_units" (
    "id" TEXT NOT NULL,
    "customer_id" TEXT NOT NULL,
    "meter_id" TEXT NOT NULL,
    "event_name" TEXT NOT NULL,
    "stripe_customer_id" TEXT NOT NULL,
    "value" DECIMAL(30,9) NOT NULL,
    "timestamp" TIMESTAMP(3) NOT NULL,
    "event_count" INTEGER NOT NULL,
    "accepted_at" TIMESTAMP(3) NOT NULL,
    "status" "UsageForwardUnitStatus" NOT NULL DEFAULT 'queued',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "next_attempt_at" TIMESTAMP(3) NOT NULL,
    "first_sent_at" TIMESTAMP(3),
    "acked_at" TIMESTAMP(3),
    "last_error" TEXT,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "usage_forward_units_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "usage_reconciliations" (
    "id" TEXT NOT NULL,
    "customer_id" TEXT NOT NULL,
    "meter_id" TEXT NOT NULL,
    "period_start" TIMESTAMP(3) NOT NULL,
    "period_end" TIMESTAMP(3) NOT NULL,
    "accepted" DECIMAL(30,9) NOT NULL,
    "rolled_up" DECIMAL(30,9) NOT NULL,
    "forwarded" DECIMAL(30,9) NOT NULL,
    "acknowledged" DECIMAL(30,9) NOT NULL,
    "unacknowledged_events" INTEGER NOT NULL,
    "flagged_events" INTEGER NOT NULL,
    "stripe_reported" DECIMAL(30,9),
    "invoiced" DECIMAL(30,9),
    "invoice_id" TEXT,
    "amount_paid" INTEGER,
    "currency" TEXT,
    "findings" TEXT[],
    "flagged" BOOLEAN NOT NULL,
    "action_id" TEXT,
    "trigger" TEXT NOT NULL,
    "checked_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "usage_reconciliations_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "usage_forwards_status_next_attempt_at_idx" ON "usage_forwards"("status", "next_attempt_at");

-- CreateIndex
CREATE INDEX "usage_forwards_unit_id_idx" ON "usage_forwards"("unit_id");

-- CreateIndex
CREATE INDEX "usage_forward_units_status_next_attempt_at_idx" ON "usage_forward_units"("status", "next_attempt_at");

-- CreateIndex
CREATE INDEX "usage_forward_units_customer_id_meter_id_timestamp_idx" ON "usage_forward_units"("customer_id", "meter_id", "timestamp");

-- CreateIndex
CREATE INDEX "usage_forward_units_acked_at_idx" ON "usage_forward_units"("acked_at");

-- CreateIndex
CREATE INDEX "usage_reconciliations_flagged_period_start_idx" ON "usage_reconciliations"("flagged", "period_start");

-- CreateIndex
CREATE UNIQUE INDEX "usage_reconciliations_customer_id_meter_id_period_start_key" ON "usage_reconciliations"("customer_id", "meter_id", "period_start");
