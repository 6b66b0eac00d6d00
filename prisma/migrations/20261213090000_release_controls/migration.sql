-- CreateEnum
CREATE TYPE "ScheduleAction" AS ENUM ('DEPLOY', 'REDEPLOY');

-- CreateEnum
CREATE TYPE "RolloutState" AS ENUM ('RUNNING', 'PAUSED', 'SUCCEEDED', 'ABORTED');

-- AlterEnum
-- This migration adds more than one value to an enum.
-- With PostgreSQL versions 11 and earlier, this is not possible
-- in a single migration. This can be worked around by creating
-- multiple migrations, each migration adding only one value to
-- the enum.


ALTER TYPE "ReleaseKind" ADD VALUE 'REDEPLOY';
ALTER TYPE "ReleaseKind" ADD VALUE 'FLAGS';
ALTER TYPE "ReleaseKind" ADD VALUE 'ROLLOUT';

-- AlterEnum
ALTER TYPE "Trigger" ADD VALUE 'SCHEDULE';

-- AlterTable
ALTER TABLE "App" ADD COLUMN     "cpus" DOUBLE PRECISION,
ADD COLUMN     "memoryMb" INTEGER;

-- AlterTable
ALTER TABLE "Deployment" ADD COLUMN     "promote" BOOLEAN NOT NULL DEFAULT true,
ADD COLUMN     "redeployOfId" TEXT,
ADD COLUMN     "rolloutPolicy" JSONB;

-- AlterTable
ALTER TABLE "Release" ADD COLUMN     "changes" JSONB;

-- CreateTable
CREATE TABLE "FeatureFlag" (
    "appId" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "value" JSONB NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "FeatureFlag_pkey" PRIMARY KEY ("appId","key")
);

-- CreateTable
CREATE TABLE "DeploySchedule" (
    "id" TEXT NOT NULL,
    "appId" TEXT NOT NULL,
    "cron" TEXT NOT NULL,
    "timezone" TEXT NOT NULL DEFAULT 'UTC',
    "action" "ScheduleAction" NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastRunAt" TIMESTAMP(3),
    "lastOutcome" TEXT,
    "lastDeploymentId" TEXT,

    CONSTRAINT "DeploySchedule_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Rollout" (
    "id" TEXT NOT NULL,
    "appId" TEXT NOT NULL,
    "candidateDeploymentId" TEXT NOT NULL,
    "baseDeploymentId" TEXT NOT NULL,
    "steps" INTEGER[],
    "intervalSeconds" INTEGER NOT NULL,
    "gate" JSONB,
    "state" "RolloutState" NOT NULL DEFAULT 'RUNNING',
    "stepIndex" INTEGER NOT NULL DEFAULT 0,
    "weight" INTEGER NOT NULL,
    "stepStartedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "reason" TEXT,
    "cause" "Trigger" NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "finishedAt" TIMESTAMP(3),

    CONSTRAINT "Rollout_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "DeploySchedule_appId_idx" ON "DeploySchedule"("appId");

-- CreateIndex
CREATE INDEX "Rollout_appId_state_idx" ON "Rollout"("appId", "state");

-- AddForeignKey
ALTER TABLE "FeatureFlag" ADD CONSTRAINT "FeatureFlag_appId_fkey" FOREIGN KEY ("appId") REFERENCES "App"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DeploySchedule" ADD CONSTRAINT "DeploySchedule_appId_fkey" FOREIGN KEY ("appId") REFERENCES "App"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Rollout" ADD CONSTRAINT "Rollout_appId_fkey" FOREIGN KEY ("appId") REFERENCES "App"("id") ON DELETE CASCADE ON UPDATE CASCADE;
