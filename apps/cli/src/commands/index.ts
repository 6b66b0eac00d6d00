import type { Command } from "../command.ts";
import { appsCreate, appsList, appsShow } from "./apps.ts";
import { audit } from "./audit.ts";
import { autoscale } from "./autoscale.ts";
import { deploy } from "./deploy.ts";
import { deliveries } from "./deliveries.ts";
import { deployments } from "./deployments.ts";
import { domains, domainsAdd, domainsRemove, domainsRenew } from "./domains.ts";
import { envList, envSet, envUnset } from "./env.ts";
import { credentials, credentialsRemove, credentialsSet } from "./credentials.ts";
import { githubApp, githubAppRemove, githubAppSet } from "./github-app.ts";
import { login } from "./login.ts";
import { logs } from "./logs.ts";
import { promote, rollback } from "./release.ts";
import { appLogs, run } from "./run.ts";
import { scale } from "./scale.ts";
import { tokensCreate, tokensList, tokensRevoke } from "./tokens.ts";

/** Every command, in the order `pier help` lists them. */
export const COMMANDS: Command[] = [
  login,
  appsList,
  appsCreate,
  appsShow,
  deploy,
  deployments,
  deliveries,
  logs,
  appLogs,
  run,
  scale,
  autoscale,
  rollback,
  promote,
  envSet,
  envUnset,
  envList,
  credentials,
  credentialsSet,
  credentialsRemove,
  githubApp,
  githubAppSet,
  githubAppRemove,
  domains,
  domainsAdd,
  domainsRemove,
  domainsRenew,
  tokensCreate,
  tokensList,
  tokensRevoke,
  audit,
];

/** Groups whose first word alone is not a command. */
export const GROUPS: Record<string, string> = { env: "set, unset or list", tokens: "create, list or revoke" };

/** `apps list` is another name for `apps`. */
export const ALIASES: Record<string, string> = {
  "apps list": "apps",
  "apps ls": "apps",
  "env ls": "env list",
  "domains remove": "domains rm",
  "tokens ls": "tokens list",
  "credentials remove": "credentials rm",
  "github-app remove": "github-app rm",
};
