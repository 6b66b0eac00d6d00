-- AlterTable
ALTER TABLE "App" ADD COLUMN     "previews" BOOLEAN NOT NULL DEFAULT false;

-- AlterTable
ALTER TABLE "Deployment" ADD COLUMN     "previewSlug" TEXT;

-- CreateIndex
CREATE INDEX "Deployment_appId_previewSlug_idx" ON "Deployment"("appId", "previewSlug");
