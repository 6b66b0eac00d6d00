-- AlterTable
ALTER TABLE "App" ADD COLUMN     "autoscale" JSONB;

-- CreateTable
CREATE TABLE "ScaleDecision" (
    "id" TEXT NOT NULL,
    "appId" TEXT NOT NULL,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "fromReplicas" INTEGER NOT NULL,
    "toReplicas" INTEGER NOT NULL,
    "reason" TEXT NOT NULL,
    "panic" BOOLEAN NOT NULL DEFAULT false,
    "panicConcurrency" DOUBLE PRECISION NOT NULL,
    "stableConcurrency" DOUBLE PRECISION NOT NULL,
    "requestsPerSecond" DOUBLE PRECISION NOT NULL,

    CONSTRAINT "ScaleDecision_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "ScaleDecision_appId_at_idx" ON "ScaleDecision"("appId", "at");

-- AddForeignKey
ALTER TABLE "ScaleDecision" ADD CONSTRAINT "ScaleDecision_appId_fkey" FOREIGN KEY ("appId") REFERENCES "App"("id") ON DELETE CASCADE ON UPDATE CASCADE;
