-- AlterTable
ALTER TABLE "Deployment" ADD COLUMN     "replicas" INTEGER NOT NULL DEFAULT 1;
