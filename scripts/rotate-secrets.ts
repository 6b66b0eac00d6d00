// `npm run secrets:rotate`: seals every stored secret with the first key of PIER_SECRETS_KEY (or the key
// file). Key rotation: put the new key first ("new,old"), run this, then drop the old key.
import { createPrismaClient, rotateSecrets } from "@pier/db";
import { loadConfig, secretBox } from "@pier/shared";

const config = loadConfig();
const prisma = createPrismaClient(config.DATABASE_URL);
try {
  const rotated = await rotateSecrets(prisma, secretBox(config));
  console.log(
    `sealed with the current key: ${rotated.envValues} env value(s), ${rotated.deploymentEnvs} deployment ` +
      `env(s), ${rotated.webhookSecrets} webhook secret(s), ${rotated.certificateKeys} certificate key(s), ` +
      `${rotated.acmeAccountKeys} ACME account key(s), ${rotated.appCredentials} repository credential(s), ` +
      `${rotated.githubAppKeys} GitHub App key(s)`,
  );
} finally {
  await prisma.$disconnect();
}
