-- Token names are unique. Of tokens that already share a name, the oldest keeps it and every other one is
-- renamed "<name>-<id>" (ids are unique, so the new names are too).
UPDATE "ApiToken" AS token
SET "name" = token."name" || '-' || token."id"
FROM (
    SELECT "id", row_number() OVER (PARTITION BY "name" ORDER BY "createdAt", "id") AS "rank"
    FROM "ApiToken"
) AS ranked
WHERE ranked."id" = token."id" AND ranked."rank" > 1;

CREATE UNIQUE INDEX "ApiToken_name_key" ON "ApiToken"("name");

-- What the commit itself says of its author and time (read from the checkout, not from a webhook payload).
ALTER TABLE "Deployment" ADD COLUMN "commitAuthorEmail" TEXT,
ADD COLUMN "committedAt" TIMESTAMP(3);

-- What a change changed: [{ field, from, to }] (values of secrets never).
ALTER TABLE "AuditEvent" ADD COLUMN "changes" JSONB;
