-- CreateEnum
CREATE TYPE "WorkflowPhase" AS ENUM ('observe', 'assist', 'autopilot');

-- AlterTable
ALTER TABLE "actions" ADD COLUMN     "ai_agent_id" TEXT,
ADD COLUMN     "initial_amount_minor" INTEGER,
ADD COLUMN     "reversal_reason" TEXT,
ADD COLUMN     "reversed_at" TIMESTAMP(3),
ADD COLUMN     "reversed_by_id" TEXT;

-- AlterTable
ALTER TABLE "audit_events" ADD COLUMN     "ai_agent_id" TEXT;

-- CreateTable
CREATE TABLE "agent_workflows" (
    "id" TEXT NOT NULL,
    "agent_id" TEXT NOT NULL,
    "action_kind" "ActionKind" NOT NULL,
    "phase" "WorkflowPhase" NOT NULL,
    "phase_since" TIMESTAMP(3) NOT NULL,
    "max_count_per_customer_day" INTEGER,
    "max_count_per_customer_month" INTEGER,
    "max_amount_per_customer_day" INTEGER,
    "daily_ceiling_count" INTEGER,
    "daily_ceiling_amount" INTEGER,
    "created_at" TIMESTAMP(3) NOT NULL,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "agent_workflows_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "workflow_phase_changes" (
    "id" TEXT NOT NULL,
    "workflow_id" TEXT NOT NULL,
    "from_phase" "WorkflowPhase",
    "to_phase" "WorkflowPhase" NOT NULL,
    "effective_at" TIMESTAMP(3) NOT NULL,
    "cause" TEXT NOT NULL,
    "actor_type" "ActorType" NOT NULL,
    "actor_id" TEXT NOT NULL,
    "reason" TEXT,
    "evidence" JSONB NOT NULL DEFAULT '{}',
    "approved_by_id" TEXT,

    CONSTRAINT "workflow_phase_changes_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "workflow_override_requests" (
    "id" TEXT NOT NULL,
    "workflow_id" TEXT NOT NULL,
    "requested_by_id" TEXT NOT NULL,
    "reason" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'pending',
    "decided_by_id" TEXT,
    "decided_at" TIMESTAMP(3),
    "decision_note" TEXT,
    "created_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "workflow_override_requests_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "workflow_shadow_drafts" (
    "id" TEXT NOT NULL,
    "workflow_id" TEXT NOT NULL,
    "agent_run_id" TEXT,
    "customer_id" TEXT,
    "title" TEXT NOT NULL,
    "payload" JSONB NOT NULL,
    "amount_minor" INTEGER,
    "currency" TEXT,
    "would_auto_approve" BOOLEAN NOT NULL,
    "would_reason" TEXT NOT NULL,
    "observed_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "workflow_shadow_drafts_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "action_outbound_calls" (
    "id" TEXT NOT NULL,
    "action_id" TEXT,
    "ai_agent_id" TEXT,
    "target" TEXT NOT NULL,
    "method" TEXT NOT NULL,
    "endpoint" TEXT NOT NULL,
    "body_sha256" TEXT NOT NULL,
    "idempotency_key" TEXT,
    "credential" TEXT NOT NULL,
    "response_status" INTEGER,
    "error" TEXT,
    "requested_at" TIMESTAMP(3) NOT NULL,
    "duration_ms" INTEGER NOT NULL,

    CONSTRAINT "action_outbound_calls_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "agent_workflows_agent_id_action_kind_key" ON "agent_workflows"("agent_id", "action_kind");

-- CreateIndex
CREATE INDEX "workflow_phase_changes_workflow_id_effective_at_idx" ON "workflow_phase_changes"("workflow_id", "effective_at");

-- CreateIndex
CREATE INDEX "workflow_override_requests_workflow_id_status_idx" ON "workflow_override_requests"("workflow_id", "status");

-- CreateIndex
CREATE INDEX "workflow_shadow_drafts_workflow_id_observed_at_idx" ON "workflow_shadow_drafts"("workflow_id", "observed_at");

-- CreateIndex
CREATE INDEX "workflow_shadow_drafts_customer_id_observed_at_idx" ON "workflow_shadow_drafts"("customer_id", "observed_at");

-- CreateIndex
CREATE INDEX "action_outbound_calls_action_id_idx" ON "action_outbound_calls"("action_id");

-- CreateIndex
CREATE INDEX "audit_events_ai_agent_id_idx" ON "audit_events"("ai_agent_id");

-- AddForeignKey
ALTER TABLE "workflow_phase_changes" ADD CONSTRAINT "workflow_phase_changes_workflow_id_fkey" FOREIGN KEY ("workflow_id") REFERENCES "agent_workflows"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "workflow_override_requests" ADD CONSTRAINT "workflow_override_requests_workflow_id_fkey" FOREIGN KEY ("workflow_id") REFERENCES "agent_workflows"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "workflow_shadow_drafts" ADD CONSTRAINT "workflow_shadow_drafts_workflow_id_fkey" FOREIGN KEY ("workflow_id") REFERENCES "agent_workflows"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "action_outbound_calls" ADD CONSTRAINT "action_outbound_calls_action_id_fkey" FOREIGN KEY ("action_id") REFERENCES "actions"("id") ON DELETE CASCADE ON UPDATE CASCADE;
