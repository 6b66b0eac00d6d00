-- Supersede by history: the commit a push moved its branch from.
ALTER TABLE "Deployment" ADD COLUMN "parentSha" TEXT;

-- Webhook deliveries and what Pier did with each.
CREATE TYPE "DeliveryOutcome" AS ENUM ('deployed', 'ignored', 'rejected', 'stopped', 'caught');

CREATE TABLE "WebhookDelivery" (
    "id" TEXT NOT NULL,
    "appId" TEXT NOT NULL,
    "githubId" TEXT,
    "event" TEXT NOT NULL,
    "receivedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "outcome" "DeliveryOutcome" NOT NULL,
    "reason" TEXT,
    "deploymentId" TEXT,
    "commitSha" TEXT,
    "branch" TEXT,
    CONSTRAINT "WebhookDelivery_pkey" PRIMARY KEY ("id")
);

CREATE INDEX "WebhookDelivery_appId_receivedAt_idx" ON "WebhookDelivery"("appId", "receivedAt");

ALTER TABLE "WebhookDelivery" ADD CONSTRAINT "WebhookDelivery_appId_fkey" FOREIGN KEY ("appId") REFERENCES "App"("id") ON DELETE CASCADE ON UPDATE CASCADE;
