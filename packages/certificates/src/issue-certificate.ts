import { readFile } from "node:fs/promises";
import { ACME_CHALLENGE_TTL_SECONDS, acmeChallengeKey } from "@pier/shared";
import { acmeAccountKey, recordAccountUrl } from "./acme-account.ts";
import { orderCertificate } from "./acme-ca.ts";
import { ACCOUNT_DOES_NOT_EXIST, AcmeProblem } from "./acme-problem.ts";
import { failedAlert, issuedAlert, sendAlert } from "./certificate-alerts.ts";
import { issuedFacts, markFailed, markIssued } from "./certificate-state.ts";
import type { CertificateDeps, CertificateOwner } from "./deps.ts";

export type IssueOutcome = "ISSUED" | "FAILED";

/**
 * Asks the CA (PIER_ACME_DIRECTORY_URL) for a certificate for `name` by HTTP-01 and records the outcome: ISSUED
 * with the new chain and key, or FAILED with the CA's error and the next attempt (the certificate in service, if
 * any, stays). Either way the channels hear of it. The challenge answer waits in Redis, where the routers answer
 * the CA from, and is removed afterwards. Throws only when Pier's own storage fails.
 */
export async function issueCertificate(
  deps: CertificateDeps,
  name: string,
  owner: CertificateOwner,
): Promise<IssueOutcome> {
  const { config, prisma, redis, logger } = deps;
  const account = await acmeAccountKey(prisma, config, config.PIER_ACME_DIRECTORY_URL);
  const previous = await prisma.certificate.findUniqueOrThrow({ where: { name }, select: { serial: true } });
  let ordered: Awaited<ReturnType<typeof orderCertificate>>;
  let facts: ReturnType<typeof issuedFacts>;
  try {
    ordered = await orderCertificate({
      directoryUrl: config.PIER_ACME_DIRECTORY_URL,
      trustedCaPem: config.PIER_ACME_CA_FILE ? await readFile(config.PIER_ACME_CA_FILE, "utf8") : undefined,
      account: {
        keyPem: account.keyPem,
        url: account.accountUrl,
        registered: (url) => recordAccountUrl(prisma, account.directoryUrl, url),
      },
      email: config.PIER_ACME_EMAIL,
      name,
      challenge: {
        async put(token, keyAuthorization) {
          await redis.set(acmeChallengeKey(token), keyAuthorization, "EX", ACME_CHALLENGE_TTL_SECONDS);
        },
        async remove(token) {
          await redis.del(acmeChallengeKey(token)).catch((error) => {
            logger.error({ err: error, name }, "could not remove a challenge answer; it expires by itself");
          });
        },
      },
    });
    facts = issuedFacts(ordered.chainPem, name);
  } catch (error) {
    // The CA no longer knows the account it gave us (a reset CA, a deleted account): register again next time.
    if (error instanceof AcmeProblem && error.type === ACCOUNT_DOES_NOT_EXIST)
      await recordAccountUrl(prisma, account.directoryUrl, null);
    const failed = await markFailed(prisma, name, error, new Date());
    await sendAlert(deps, failedAlert(name, owner, failed, new Date()));
    return "FAILED";
  }
  const issued = await markIssued(prisma, config, name, { ...ordered, facts });
  await sendAlert(deps, issuedAlert(name, owner, issued, previous.serial !== null, new Date()));
  return "ISSUED";
}
