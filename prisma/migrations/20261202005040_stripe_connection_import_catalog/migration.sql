-- CreateEnum
CREATE TYPE "StripeImportStatus" AS ENUM ('queued', 'running', 'succeeded', 'failed');

-- AlterTable
ALTER TABLE "plan_meter_limits" ADD COLUMN     "price_external_id" TEXT;

-- CreateTable
CREATE TABLE "billing_connections" (
    "id" TEXT NOT NULL,
    "secret_ciphertext" TEXT,
    "secret_hint" TEXT,
    "account_id" TEXT,
    "account_name" TEXT,
    "livemode" BOOLEAN,
    "missing_permissions" JSONB NOT NULL DEFAULT '[]',
    "tested_at" TIMESTAMP(3),
    "webhook_endpoint_id" TEXT,
    "webhook_url" TEXT,
    "webhook_secret_ciphertext" TEXT,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "billing_connections_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "stripe_import_runs" (
    "id" TEXT NOT NULL,
    "status" "StripeImportStatus" NOT NULL DEFAULT 'queued',
    "since_months" INTEGER NOT NULL,
    "requested_by" TEXT,
    "started_at" TIMESTAMP(3),
    "finished_at" TIMESTAMP(3),
    "heartbeat_at" TIMESTAMP(3),
    "error" TEXT,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "stripe_import_runs_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "stripe_import_steps" (
    "run_id" TEXT NOT NULL,
    "object_type" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'pending',
    "done" INTEGER NOT NULL DEFAULT 0,
    "total" INTEGER,
    "error_count" INTEGER NOT NULL DEFAULT 0,
    "cursor" TEXT,
    "started_at" TIMESTAMP(3),
    "finished_at" TIMESTAMP(3),

    CONSTRAINT "stripe_import_steps_pkey" PRIMARY KEY ("run_id","object_type")
);

-- CreateTable
CREATE TABLE "stripe_import_errors" (
    "id" TEXT NOT NULL,
    "run_id" TEXT NOT NULL,
    "object_type" TEXT NOT NULL,
    "object_id" TEXT NOT NULL,
    "message" TEXT NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "stripe_import_errors_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "stripe_products" (
    "external_id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "active" BOOLEAN NOT NULL,
    "metadata" JSONB NOT NULL DEFAULT '{}',
    "synced_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "stripe_products_pkey" PRIMARY KEY ("external_id")
);

-- CreateTable
CREATE TABLE "stripe_prices" (
    "external_id" TEXT NOT NULL,
    "product_external_id" TEXT NOT NULL,
    "nickname" TEXT,
    "currency" TEXT NOT NULL,
    "unit_amount" INTEGER,
    "unit_amount_decimal" DECIMAL(20,9),
    "billing_scheme" TEXT NOT NULL,
    "type" TEXT NOT NULL,
    "usage_type" TEXT,
    "interval" TEXT,
    "interval_count" INTEGER,
    "tiers_mode" TEXT,
    "tiers" JSONB,
    "meter_external_id" TEXT,
    "active" BOOLEAN NOT NULL,
    "synced_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "stripe_prices_pkey" PRIMARY KEY ("external_id")
);

-- CreateTable
CREATE TABLE "credit_notes" (
    "id" TEXT NOT NULL,
    "external_id" TEXT NOT NULL,
    "customer_id" TEXT,
    "invoice_id" TEXT,
    "invoice_external_id" TEXT,
    "number" TEXT,
    "status" TEXT NOT NULL,
    "reason" TEXT,
    "amount" INTEGER NOT NULL,
    "currency" TEXT NOT NULL,
    "issued_at" TIMESTAMP(3) NOT NULL,
    "synced_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "credit_notes_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "unmapped_stripe_prices" (
    "price_external_id" TEXT NOT NULL,
    "product_external_id" TEXT,
    "subscription_external_id" TEXT,
    "held_inbox_ids" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "first_seen_at" TIMESTAMP(3) NOT NULL,
    "last_seen_at" TIMESTAMP(3) NOT NULL,
    "resolved_at" TIMESTAMP(3),
    "plan_id" TEXT,

    CONSTRAINT "unmapped_stripe_prices_pkey" PRIMARY KEY ("price_external_id")
);

-- CreateIndex
CREATE INDEX "stripe_import_runs_status_idx" ON "stripe_import_runs"("status");

-- CreateIndex
CREATE INDEX "stripe_import_errors_run_id_object_type_idx" ON "stripe_import_errors"("run_id", "object_type");

-- CreateIndex
CREATE INDEX "stripe_prices_product_external_id_idx" ON "stripe_prices"("product_external_id");

-- CreateIndex
CREATE UNIQUE INDEX "credit_notes_external_id_key" ON "credit_notes"("external_id");

-- CreateIndex
CREATE INDEX "credit_notes_customer_id_idx" ON "credit_notes"("customer_id");

-- AddForeignKey
ALTER TABLE "stripe_import_steps" ADD CONSTRAINT "stripe_import_steps_run_id_fkey" FOREIGN KEY ("run_id") REFERENCES "stripe_import_runs"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "stripe_import_errors" ADD CONSTRAINT "stripe_import_errors_run_id_fkey" FOREIGN KEY ("run_id") REFERENCES "stripe_import_runs"("id") ON DELETE CASCADE ON UPDATE CASCADE;
