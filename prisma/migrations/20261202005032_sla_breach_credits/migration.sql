-- AlterTable
ALTER TABLE "sla_policies" ADD COLUMN     "cap_minor" INTEGER,
ADD COLUMN     "cap_percent" INTEGER NOT NULL DEFAULT 100,
ADD COLUMN     "exclusions" JSONB NOT NULL DEFAULT '[]',
ADD COLUMN     "updated_at" TIMESTAMP(3),
ADD COLUMN     "window_days" INTEGER NOT NULL DEFAULT 30;

-- AlterTable
ALTER TABLE "incidents" ADD COLUMN     "external_key" TEXT,
ADD COLUMN     "last_event_at" TIMESTAMP(3),
ADD COLUMN     "regions" TEXT[] DEFAULT ARRAY[]::TEXT[],
ADD COLUMN     "services" TEXT[] DEFAULT ARRAY[]::TEXT[],
ADD COLUMN     "source" TEXT NOT NULL DEFAULT 'console';

-- CreateTable
CREATE TABLE "incident_events" (
    "id" TEXT NOT NULL,
    "incident_id" TEXT NOT NULL,
    "at" TIMESTAMP(3) NOT NULL,
    "kind" TEXT NOT NULL,
    "message" TEXT NOT NULL,
    "source" TEXT NOT NULL,
    "inbox_id" TEXT,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "incident_events_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "sla_credit_assessments" (
    "id" TEXT NOT NULL,
    "incident_id" TEXT NOT NULL,
    "customer_id" TEXT NOT NULL,
    "included" BOOLEAN NOT NULL,
    "reason" TEXT NOT NULL,
    "requests" INTEGER NOT NULL,
    "failures" INTEGER NOT NULL,
    "downtime_min" INTEGER NOT NULL,
    "calculation" JSONB NOT NULL,
    "amount_minor" INTEGER,
    "currency" TEXT,
    "action_id" TEXT,
    "ticket_id" TEXT,
    "agent_run_id" TEXT,
    "notified_at" TIMESTAMP(3),
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "sla_credit_assessments_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "support_ticket_notes" (
    "id" TEXT NOT NULL,
    "ticket_id" TEXT NOT NULL,
    "author" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "dedupe_key" TEXT NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "support_ticket_notes_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "incident_events_incident_id_at_idx" ON "incident_events"("incident_id", "at");

-- CreateIndex
CREATE UNIQUE INDEX "sla_credit_assessments_action_id_key" ON "sla_credit_assessments"("action_id");

-- CreateIndex
CREATE UNIQUE INDEX "sla_credit_assessments_incident_id_customer_id_key" ON "sla_credit_assessments"("incident_id", "customer_id");

-- CreateIndex
CREATE UNIQUE INDEX "support_ticket_notes_dedupe_key_key" ON "support_ticket_notes"("dedupe_key");

-- CreateIndex
CREATE INDEX "support_ticket_notes_ticket_id_created_at_idx" ON "support_ticket_notes"("ticket_id", "created_at");

-- CreateIndex
CREATE UNIQUE INDEX "incidents_external_key_key" ON "incidents"("external_key");

-- AddForeignKey
ALTER TABLE "incident_events" ADD CONSTRAINT "incident_events_incident_id_fkey" FOREIGN KEY ("incident_id") REFERENCES "incidents"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "sla_credit_assessments" ADD CONSTRAINT "sla_credit_assessments_incident_id_fkey" FOREIGN KEY ("incident_id") REFERENCES "incidents"("id") ON DELETE CASCADE ON UPDATE CASCADE;
