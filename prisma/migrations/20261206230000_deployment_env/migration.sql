-- The env vars a deployment runs with, frozen when it was made (one sealed JSON record): every container of
-- it, a rollback's included, starts with these, not with the app's env vars of the moment.
ALTER TABLE "Deployment" ADD COLUMN "env" TEXT;
