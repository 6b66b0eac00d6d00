-- DropIndex
DROP INDEX "EnvVar_appId_key_key";

-- AlterTable
ALTER TABLE "EnvVar" ADD COLUMN     "target" TEXT NOT NULL DEFAULT 'production';

-- Every existing value applied to previews too: it keeps doing so, as a second row.
INSERT INTO "EnvVar" ("id", "appId", "key", "value", "target", "createdAt", "updatedAt")
SELECT gen_random_uuid()::text, "appId", "key", "value", 'preview', "createdAt", "updatedAt" FROM "EnvVar" WHERE "target" = 'production';

-- CreateIndex
CREATE UNIQUE INDEX "EnvVar_appId_key_target_key" ON "EnvVar"("appId", "key", "target");
