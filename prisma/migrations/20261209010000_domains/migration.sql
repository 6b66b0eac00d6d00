-- Custom domains and HTTPS: an app's own host names (or redirects between them), its HTTPS settings, ACME
-- certificates and where each issuance stands, and the ACME account per CA.
ALTER TABLE "App" ADD COLUMN "httpsRedirect" BOOLEAN NOT NULL DEFAULT true;
ALTER TABLE "App" ADD COLUMN "hsts" BOOLEAN NOT NULL DEFAULT false;

CREATE TABLE "Domain" (
    "name" TEXT NOT NULL,
    "appId" TEXT NOT NULL,
    "redirectTo" TEXT,
    "redirectStatus" INTEGER NOT NULL DEFAULT 308,
    "source" TEXT NOT NULL DEFAULT 'API',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Domain_pkey" PRIMARY KEY ("name")
);
CREATE INDEX "Domain_appId_idx" ON "Domain"("appId");
ALTER TABLE "Domain" ADD CONSTRAINT "Domain_appId_fkey" FOREIGN KEY ("appId") REFERENCES "App"("id")
    ON DELETE CASCADE ON UPDATE CASCADE;

CREATE TYPE "CertificateStatus" AS ENUM ('PENDING', 'ISSUED', 'FAILED');
CREATE TABLE "Certificate" (
    "name" TEXT NOT NULL,
    "status" "CertificateStatus" NOT NULL DEFAULT 'PENDING',
    "certPem" TEXT,
    "keyPem" TEXT,
    "serial" TEXT,
    "notBefore" TIMESTAMP(3),
    "notAfter" TIMESTAMP(3),
    "renewAt" TIMESTAMP(3),
    "error" TEXT,
    "failures" INTEGER NOT NULL DEFAULT 0,
    "nextAttemptAt" TIMESTAMP(3),
    "expiryAlertAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    CONSTRAINT "Certificate_pkey" PRIMARY KEY ("name")
);
CREATE INDEX "Certificate_nextAttemptAt_idx" ON "Certificate"("nextAttemptAt");

CREATE TABLE "AcmeAccount" (
    "directoryUrl" TEXT NOT NULL,
    "keyPem" TEXT NOT NULL,
    "accountUrl" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "AcmeAccount_pkey" PRIMARY KEY ("directoryUrl")
);
