-- AlterTable
ALTER TABLE "Deployment" ADD COLUMN     "previewLiveAt" TIMESTAMP(3);
