-- Support copilot: a knowledge base searched with PostgreSQL full-text search, ticket-note drafts.
-- (Edited after generation: the generated tsvector column and the GIN indexes are not expressible
-- in schema.prisma.)

-- CreateEnum
CREATE TYPE "TicketNoteStatus" AS ENUM ('draft', 'confirmed', 'discarded');

-- CreateTable
CREATE TABLE "knowledge_documents" (
    "id" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "category" TEXT NOT NULL DEFAULT 'general',
    "created_by_id" TEXT,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,
    "archived_at" TIMESTAMP(3),
    -- Title ranks above body (weight A over D), generated, so every write keeps it current.
    "search" tsvector GENERATED ALWAYS AS (
        setweight(to_tsvector('english', coalesce("title", '')), 'A') ||
        setweight(to_tsvector('english', coalesce("category", '')), 'B') ||
        setweight(to_tsvector('english', coalesce("body", '')), 'D')
    ) STORED,

    CONSTRAINT "knowledge_documents_pkey" PRIMARY KEY ("id")
);

-- AlterTable
-- support_ticket_notes was created by 20261202005032_sla_breach_credits (agent-written notes);
-- here it gains what copilot drafts need: a status a person decides, and who drafted/decided.
ALTER TABLE "support_ticket_notes"
    ADD COLUMN "customer_id" TEXT,
    ADD COLUMN "status" "TicketNoteStatus" NOT NULL DEFAULT 'draft',
    ADD COLUMN "agent_run_id" TEXT,
    ADD COLUMN "drafted_by_id" TEXT,
    ADD COLUMN "decided_by_id" TEXT,
    ADD COLUMN "decided_at" TIMESTAMP(3),
    ALTER COLUMN "author" DROP NOT NULL,
    ALTER COLUMN "dedupe_key" DROP NOT NULL;


-- AddForeignKey
ALTER TABLE "support_ticket_notes" ADD CONSTRAINT "support_ticket_notes_ticket_id_fkey" FOREIGN KEY ("ticket_id") REFERENCES "support_tickets"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Full-text search (lib/server/knowledge/search-knowledge.ts): one GIN index per indexed source.
-- Tickets and invoice explanations are searched in place through expression indexes, so they are
-- indexed the moment they are written, the queries repeat these exact expressions.
CREATE INDEX "knowledge_documents_search_idx" ON "knowledge_documents" USING GIN ("search");
CREATE INDEX "support_tickets_search_idx" ON "support_tickets" USING GIN (
    (setweight(to_tsvector('english', coalesce("subject", '')), 'A') || setweight(to_tsvector('english', coalesce("body", '')), 'D'))
);
CREATE INDEX "invoice_explanations_search_idx" ON "invoice_explanations" USING GIN (
    to_tsvector('english', coalesce("summary", ''))
);
