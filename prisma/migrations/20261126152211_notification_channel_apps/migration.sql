-- AlterTable
ALTER TABLE "NotificationChannel" ADD COLUMN     "apps" TEXT[] DEFAULT ARRAY[]::TEXT[];
