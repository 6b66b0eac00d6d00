-- The custom domains a deployment's pier.json lists ([{ name, redirectTo, redirectStatus }], normalized), made the
-- app's pier.json domains when it goes live. NULL: made before Pier read them (its go-live leaves them as they are).
ALTER TABLE "Deployment" ADD COLUMN "domains" JSONB;
