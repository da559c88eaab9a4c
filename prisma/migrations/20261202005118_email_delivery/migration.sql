-- CreateEnum
CREATE TYPE "EmailDeliveryStatus" AS ENUM ('queued', 'handing_off', 'accepted', 'delivered', 'opened', 'bounced', 'complained', 'failed', 'suppressed', 'unknown');

-- CreateTable
CREATE TABLE "email_messages" (
    "id" TEXT NOT NULL,
    "message_id" TEXT NOT NULL,
    "outbox_message_id" TEXT,
    "action_id" TEXT,
    "customer_id" TEXT,
    "to_address" TEXT NOT NULL,
    "template" TEXT NOT NULL,
    "subject" TEXT NOT NULL,
    "transactional" BOOLEAN NOT NULL DEFAULT true,
    "transport" TEXT,
    "provider_message_id" TEXT,
    "status" "EmailDeliveryStatus" NOT NULL DEFAULT 'queued',
    "detail" TEXT,
    "handed_off_at" TIMESTAMP(3),
    "accepted_at" TIMESTAMP(3),
    "last_event_at" TIMESTAMP(3),
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "email_messages_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "email_events" (
    "id" TEXT NOT NULL,
    "email_message_id" TEXT NOT NULL,
    "type" TEXT NOT NULL,
    "detail" TEXT,
    "occurred_at" TIMESTAMP(3) NOT NULL,
    "source" TEXT NOT NULL,
    "source_ref" TEXT NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "email_events_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "email_suppressions" (
    "address" TEXT NOT NULL,
    "reason" TEXT NOT NULL,
    "detail" TEXT,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "email_suppressions_pkey" PRIMARY KEY ("address")
);

-- CreateIndex
CREATE UNIQUE INDEX "email_messages_message_id_key" ON "email_messages"("message_id");

-- CreateIndex
CREATE UNIQUE INDEX "email_messages_outbox_message_id_key" ON "email_messages"("outbox_message_id");

-- CreateIndex
CREATE INDEX "email_messages_customer_id_created_at_idx" ON "email_messages"("customer_id", "created_at");

-- CreateIndex
CREATE INDEX "email_messages_action_id_idx" ON "email_messages"("action_id");

-- CreateIndex
CREATE INDEX "email_messages_provider_message_id_idx" ON "email_messages"("provider_message_id");

-- CreateIndex
CREATE INDEX "email_events_email_message_id_occurred_at_idx" ON "email_events"("email_message_id", "occurred_at");

-- CreateIndex
CREATE UNIQUE INDEX "email_events_source_ref_key" ON "email_events"("source_ref");

-- AddForeignKey
ALTER TABLE "email_events" ADD CONSTRAINT "email_events_email_message_id_fkey" FOREIGN KEY ("email_message_id") REFERENCES "email_messages"("id") ON DELETE CASCADE ON UPDATE CASCADE;
