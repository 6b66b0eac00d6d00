-- AlterTable
ALTER TABLE "Deployment" ADD COLUMN     "cpus" DOUBLE PRECISION,
ADD COLUMN     "healthCheckPath" TEXT,
ADD COLUMN     "healthCheckTimeoutMs" INTEGER,
ADD COLUMN     "memoryMb" INTEGER;
