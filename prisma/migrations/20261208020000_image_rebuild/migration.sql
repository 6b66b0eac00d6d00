-- A lost image is built again from its deployment's commit: the replica's phase meanwhile, the cause of a
-- release Pier makes unasked (a rollback when the rebuild fails) and why, and the root directory a
-- deployment was built from (a rebuild builds the same folder).
ALTER TYPE "ReplicaPhase" ADD VALUE 'REBUILDING';
ALTER TYPE "Trigger" ADD VALUE 'AUTO';
ALTER TABLE "Release" ADD COLUMN "reason" TEXT;
ALTER TABLE "Deployment" ADD COLUMN "rootDir" TEXT;
