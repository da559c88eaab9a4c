-- AlterEnum
ALTER TYPE "ActionStatus" ADD VALUE 'scheduled';

-- AlterTable
ALTER TABLE "plan_meter_limits" ADD COLUMN     "price_external_id" TEXT;
