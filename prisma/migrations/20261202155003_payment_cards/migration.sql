-- AlterTable
ALTER TABLE "customers" ADD COLUMN     "default_payment_method_external_id" TEXT;

-- CreateTable
CREATE TABLE "payment_cards" (
    "id" TEXT NOT NULL,
    "customer_id" TEXT,
    "external_id" TEXT NOT NULL,
    "brand" TEXT NOT NULL,
    "last4" TEXT NOT NULL,
    "exp_month" INTEGER NOT NULL,
    "exp_year" INTEGER NOT NULL,
    "fingerprint" TEXT,
    "detached_at" TIMESTAMP(3),
    "source_event_created_at" TIMESTAMP(3),
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "payment_cards_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "payment_cards_external_id_key" ON "payment_cards"("external_id");

-- CreateIndex
CREATE INDEX "payment_cards_customer_id_idx" ON "payment_cards"("customer_id");

-- AddForeignKey
ALTER TABLE "payment_cards" ADD CONSTRAINT "payment_cards_customer_id_fkey" FOREIGN KEY ("customer_id") REFERENCES "customers"("id") ON DELETE CASCADE ON UPDATE CASCADE;
