-- AlterTable
ALTER TABLE "MetricSample" ADD COLUMN     "latencyBuckets" INTEGER[] DEFAULT ARRAY[]::INTEGER[],
ADD COLUMN     "source" TEXT NOT NULL DEFAULT 'router';
