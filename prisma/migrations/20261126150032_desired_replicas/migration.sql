-- CreateEnum
CREATE TYPE "ReplicaPhase" AS ENUM ('STARTING', 'RUNNING', 'BACKOFF', 'CRASH_LOOP');

-- AlterTable
ALTER TABLE "App" ADD COLUMN     "replicas" INTEGER NOT NULL DEFAULT 1;

-- CreateTable
CREATE TABLE "ReplicaState" (
    "deploymentId" TEXT NOT NULL,
    "index" INTEGER NOT NULL,
    "appId" TEXT NOT NULL,
    "containerId" TEXT,
    "phase" "ReplicaPhase" NOT NULL DEFAULT 'RUNNING',
    "restarts" INTEGER NOT NULL DEFAULT 0,
    "failures" INTEGER NOT NULL DEFAULT 0,
    "lastExitCode" INTEGER,
    "lastLostAt" TIMESTAMP(3),
    "lastReason" TEXT,
    "nextAttemptAt" TIMESTAMP(3),
    "healthySince" TIMESTAMP(3),
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ReplicaState_pkey" PRIMARY KEY ("deploymentId","index")
);

-- CreateIndex
CREATE INDEX "ReplicaState_appId_idx" ON "ReplicaState"("appId");

-- AddForeignKey
ALTER TABLE "ReplicaState" ADD CONSTRAINT "ReplicaState_appId_fkey" FOREIGN KEY ("appId") REFERENCES "App"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Apps keep the replica count their production deployment runs with.
UPDATE "App" AS a SET "replicas" = d."replicas" FROM "Deployment" AS d WHERE a."productionDeploymentId" = d."id";
