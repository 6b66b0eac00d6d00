-- AlterTable
ALTER TABLE "Deployment" ADD COLUMN     "phases" JSONB;
