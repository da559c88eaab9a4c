-- CreateTable
CREATE TABLE "email_brand_settings" (
    "id" TEXT NOT NULL DEFAULT 'default',
    "company_name" TEXT NOT NULL,
    "logo_url" TEXT,
    "color" TEXT NOT NULL,
    "from_address" TEXT NOT NULL,
    "reply_to" TEXT,
    "updated_by_id" TEXT,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "email_brand_settings_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "email_resends" (
    "id" TEXT NOT NULL,
    "email_message_id" TEXT NOT NULL,
    "requested_by_id" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "transport" TEXT,
    "response" TEXT,
    "provider_message_id" TEXT,
    "requested_at" TIMESTAMP(3) NOT NULL,
    "finished_at" TIMESTAMP(3),

    CONSTRAINT "email_resends_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "email_resends_email_message_id_key" ON "email_resends"("email_message_id");
