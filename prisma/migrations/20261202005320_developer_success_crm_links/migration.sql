-- CreateTable
CREATE TABLE "customer_crm_links" (
    "id" TEXT NOT NULL,
    "customer_id" TEXT NOT NULL,
    "provider" TEXT NOT NULL,
    "account_id" TEXT NOT NULL,
    "contact_id" TEXT,
    "owner_name" TEXT,
    "owner_external_id" TEXT,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "customer_crm_links_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "customer_crm_links_customer_id_provider_key" ON "customer_crm_links"("customer_id", "provider");

-- AddForeignKey
ALTER TABLE "customer_crm_links" ADD CONSTRAINT "customer_crm_links_customer_id_fkey" FOREIGN KEY ("customer_id") REFERENCES "customers"("id") ON DELETE CASCADE ON UPDATE CASCADE;
