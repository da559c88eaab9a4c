-- AlterTable
ALTER TABLE "actions" ADD COLUMN     "first_attempt_at" TIMESTAMP(3);
