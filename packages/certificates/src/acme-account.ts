import type { PrismaClient } from "@pier/db";
import { secretBox, type SecretsSettings } from "@pier/shared";
import { createAccountKey } from "./acme-ca.ts";

export interface AcmeAccountKey {
  directoryUrl: string;
  /** The account's private key, opened. */
  keyPem: string;
  /** Where the CA keeps the account, once it has been registered. */
  accountUrl: string | null;
}

/**
 * Pier's account key with the CA at `directoryUrl`: made once (the first issuance against that CA), stored sealed
 * like the other secrets, and the same key ever after (the CA knows the account by it).
 */
export async function acmeAccountKey(
  prisma: PrismaClient,
  settings: SecretsSettings,
  directoryUrl: string,
): Promise<AcmeAccountKey> {
  const box = secretBox(settings);
  const stored = await prisma.acmeAccount.findUnique({ where: { directoryUrl } });
  if (stored) return { directoryUrl, keyPem: box.open(stored.keyPem), accountUrl: stored.accountUrl };
  const keyPem = await createAccountKey();
  try {
    await prisma.acmeAccount.create({ data: { directoryUrl, keyPem: box.seal(keyPem) } });
    return { directoryUrl, keyPem, accountUrl: null };
  } catch (error) {
    // Another Pier process made the key first: use that one.
    if ((error as { code?: string }).code !== "P2002") throw error;
    return acmeAccountKey(prisma, settings, directoryUrl);
  }
}

/** Records where the CA keeps the account (it answered with it when the account was registered), or forgets it. */
export async function recordAccountUrl(prisma: PrismaClient, directoryUrl: string, accountUrl: string | null) {
  await prisma.acmeAccount.update({ where: { directoryUrl }, data: { accountUrl } });
}
