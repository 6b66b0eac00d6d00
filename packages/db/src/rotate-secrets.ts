import type { PrismaClient } from "./generated/prisma/client.ts";

/** What rotation needs of @pier/shared's SecretBox: its current key seals, any of its keys opens. */
export interface SecretSealer {
  /** Sealed with the current key (false for an older key, or a value stored before encryption). */
  isCurrent(value: string): boolean;
  seal(plain: string): string;
  open(value: string): string;
}

/**
 * Seals every stored secret (env values, deployments' frozen env, webhook secrets, certificates' private keys, ACME
 * account keys, apps' repository credentials and the GitHub App's private key) with the box's current
 * key: values sealed with an older key (still listed after the new one) and values stored before
 * encryption. Run after putting a new key first; once it is done, the old key can be dropped.
 */
export async function rotateSecrets(
  prisma: PrismaClient,
  box: SecretSealer,
): Promise<{
  envValues: number;
  deploymentEnvs: number;
  webhookSecrets: number;
  certificateKeys: number;
  acmeAccountKeys: number;
  appCredentials: number;
  githubAppKeys: number;
}> {
  let envValues = 0;
  for (const row of await prisma.envVar.findMany({ select: { id: true, value: true } })) {
    if (box.isCurrent(row.value)) continue;
    await prisma.envVar.update({ where: { id: row.id }, data: { value: box.seal(box.open(row.value)) } });
    envValues++;
  }
  let deploymentEnvs = 0;
  const frozen = await prisma.deployment.findMany({ where: { env: { not: null } }, select: { id: true, env: true } });
  for (const row of frozen) {
    if (row.env === null || box.isCurrent(row.env)) continue;
    await prisma.deployment.update({ where: { id: row.id }, data: { env: box.seal(box.open(row.env)) } });
    deploymentEnvs++;
  }
  let webhookSecrets = 0;
  for (const app of await prisma.app.findMany({ select: { id: true, webhookSecret: true } })) {
    if (box.isCurrent(app.webhookSecret)) continue;
    await prisma.app.update({ where: { id: app.id }, data: { webhookSecret: box.seal(box.open(app.webhookSecret)) } });
    webhookSecrets++;
  }
  let certificateKeys = 0;
  const certificates = await prisma.certificate.findMany({
    where: { keyPem: { not: null } },
    select: { name: true, keyPem: true },
  });
  for (const row of certificates) {
    if (row.keyPem === null || box.isCurrent(row.keyPem)) continue;
    await prisma.certificate.update({ where: { name: row.name }, data: { keyPem: box.seal(box.open(row.keyPem)) } });
    certificateKeys++;
  }
  let acmeAccountKeys = 0;
  for (const row of await prisma.acmeAccount.findMany({ select: { directoryUrl: true, keyPem: true } })) {
    if (box.isCurrent(row.keyPem)) continue;
    const keyPem = box.seal(box.open(row.keyPem));
    await prisma.acmeAccount.update({ where: { directoryUrl: row.directoryUrl }, data: { keyPem } });
    acmeAccountKeys++;
  }
  let appCredentials = 0;
  for (const row of await prisma.appCredential.findMany({ select: { appId: true, secret: true } })) {
    if (box.isCurrent(row.secret)) continue;
    await prisma.appCredential.update({
      where: { appId: row.appId },
      data: { secret: box.seal(box.open(row.secret)) },
    });
    appCredentials++;
  }
  let githubAppKeys = 0;
  for (const row of await prisma.githubAppSettings.findMany({ select: { id: true, privateKey: true } })) {
    if (box.isCurrent(row.privateKey)) continue;
    const privateKey = box.seal(box.open(row.privateKey));
    await prisma.githubAppSettings.update({ where: { id: row.id }, data: { privateKey } });
    githubAppKeys++;
  }
  return { envValues, deploymentEnvs, webhookSecrets, certificateKeys, acmeAccountKeys, appCredentials, githubAppKeys };
}
