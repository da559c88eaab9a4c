-- AlterEnum
ALTER TYPE "ActionStatus" ADD VALUE 'scheduled';

-- plan_meter_limits.price_external_id comes with 20261202005040_stripe_connection_import_catalog.
