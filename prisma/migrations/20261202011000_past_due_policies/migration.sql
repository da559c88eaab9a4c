-- CreateTable
CREATE TABLE "past_due_policies" (
    "id" TEXT NOT NULL,
    "plan_id" TEXT NOT NULL,
    "allow_days" INTEGER NOT NULL,
    "refuse_after_days" INTEGER NOT NULL,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "past_due_policies_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "past_due_policies_plan_id_key" ON "past_due_policies"("plan_id");

-- AddForeignKey
ALTER TABLE "past_due_policies" ADD CONSTRAINT "past_due_policies_plan_id_fkey" FOREIGN KEY ("plan_id") REFERENCES "plans"("id") ON DELETE CASCADE ON UPDATE CASCADE;
