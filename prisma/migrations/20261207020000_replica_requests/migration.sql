-- What one replica of an app is counted as needing when replicas are admitted (MB). Null: what its
-- replicas use now (the last resource sample), or its limit before anything was measured.
ALTER TABLE "App" ADD COLUMN "memoryRequestMb" INTEGER;
-- Who changed the desired count: every change is recorded now, not only the autoscaler's.
ALTER TABLE "ScaleDecision" ADD COLUMN "by" TEXT NOT NULL DEFAULT 'autoscaler';
