import { createPrismaClient, type App } from "@pier/db";
import { loadConfig, type PierJson } from "@pier/shared";
import { randomBytes } from "node:crypto";
import { rm } from "node:fs/promises";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { operatorCertificateDir } from "../../../tests/support/operator-certificate.ts";
import { DeployFailedError } from "../src/errors.ts";
import { checkPierJsonDomains } from "../src/pipeline/repo-config.ts";

// pier.json's domains are checked when a deployment starts, against the real database: a problem fails the deploy
// (DeployFailedError, not retried) with a reason naming the field, before anything is built.
describe("pier.json domains at deploy time", () => {
  const prisma = createPrismaClient(process.env.DATABASE_URL!);
  const tld = `t${randomBytes(4).toString("hex")}.example`;
  const at = (label: string) => `${label}.${tld}`;
  const apps: App[] = [];
  let certDir = "";
  let deps: { config: ReturnType<typeof loadConfig>; prisma: typeof prisma };

  const newApp = async () => {
    const id = `pjd${randomBytes(6).toString("hex")}`;
    const created = await prisma.app.create({
      data: { id, name: `pjd-${id.slice(3)}`, repoUrl: "file:///nowhere", webhookSecret: "x" },
    });
    apps.push(created);
    return created;
  };
  const refusal = async (app: App, domains: PierJson["domains"]) => {
    const error = await checkPierJsonDomains(deps, app, { domains }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DeployFailedError);
    return (error as DeployFailedError).reason;
  };

  beforeAll(async () => {
    certDir = await operatorCertificateDir([`*.wild.${tld}`]);
    deps = { config: loadConfig({ ...process.env, PIER_DOMAIN: `apps.${tld}`, PIER_TLS_CERT_DIR: certDir }), prisma };
  });
  afterAll(async () => {
    await prisma.app.deleteMany({ where: { id: { in: apps.map((a) => a.id) } } });
    await prisma.$disconnect();
    await rm(certDir, { recursive: true, force: true });
  });

  it("normalizes the list; no pier.json, or no domains in it, is an empty list", async () => {
    const app = await newApp();
    expect(
      await checkPierJsonDomains(deps, app, {
        domains: [`Bücher.${tld}`, { domain: at("www"), redirectTo: `bücher.${tld}`, redirectStatus: 301 }],
      }),
    ).toEqual([
      { name: `xn--bcher-kva.${tld}`, redirectTo: null, redirectStatus: 308 },
      { name: at("www"), redirectTo: `xn--bcher-kva.${tld}`, redirectStatus: 301 },
    ]);
    expect(await checkPierJsonDomains(deps, app, null)).toEqual([]);
    expect(await checkPierJsonDomains(deps, app, { port: 3000 })).toEqual([]);
  });

  it("fails the deploy naming domains: Pier's own host, another app's domain, an uncovered wildcard", async () => {
    const app = await newApp();
    const owner = await newApp();
    await prisma.domain.create({ data: { name: at("taken"), appId: owner.id } });
    await prisma.domain.create({ data: { name: at("mine"), appId: app.id } });

    expect(await refusal(app, [at("ok"), `web.apps.${tld}`])).toBe(
      `pier.json is invalid: field "domains.1": web.apps.${tld} is one of Pier's own host names (<app>.apps.${tld}); ` +
        "use a domain of your own",
    );
    expect(await refusal(app, [at("ok"), `*.other.${tld}`, at("Taken")])).toBe(
      `pier.json is invalid: field "domains.2": ${at("taken")} belongs to app ${owner.name}; ` +
        `field "domains.1": *.other.${tld} is a wildcard, and no operator certificate (PIER_TLS_CERT_DIR) covers it: ` +
        "Pier's own certificates (ACME HTTP-01) can't be wildcards, so add each name instead",
    );
    // Its own domains (added through the API) and a wildcard the operator's certificate covers are fine.
    expect((await checkPierJsonDomains(deps, app, { domains: [at("mine"), `*.wild.${tld}`] })).length).toBe(2);
  });
});
