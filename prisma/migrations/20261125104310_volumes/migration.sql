-- AlterTable
ALTER TABLE "App" ADD COLUMN     "volumes" JSONB NOT NULL DEFAULT '[]';

-- AlterTable
ALTER TABLE "Deployment" ADD COLUMN     "mounts" JSONB;
