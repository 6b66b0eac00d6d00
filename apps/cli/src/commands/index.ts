import type { Command } from "../command.ts";
import { appsCreate, appsList, appsShow } from "./apps.ts";
import { appsDelete } from "./apps-delete.ts";
import { appsSettings } from "./apps-settings.ts";
import { audit } from "./audit.ts";
import { autoscale } from "./autoscale.ts";
import { deploy } from "./deploy.ts";
import { redeploy } from "./redeploy.ts";
import { deliveries } from "./deliveries.ts";
import { deployments } from "./deployments.ts";
import { domains, domainsAdd, domainsRemove, domainsRenew } from "./domains.ts";
import { envList, envSet, envUnset } from "./env.ts";
import { envPull } from "./env-pull.ts";
import { flags, flagsRemove, flagsSet } from "./flags.ts";
import { inspect } from "./inspect.ts";
import {
  notifications,
  notificationsAdd,
  notificationsDeliveries,
  notificationsRemove,
  notificationsTest,
} from "./notifications.ts";
import { nodes, nodesActivate, nodesDrain, nodesJoin } from "./nodes.ts";
import { releases } from "./releases.ts";
import { rolloutAbort, rolloutPause, rolloutPromote, rolloutResume, rolloutStart, rolloutStatus } from "./rollout.ts";
import { credentials, credentialsRemove, credentialsSet } from "./credentials.ts";
import { githubApp, githubAppRemove, githubAppSet } from "./github-app.ts";
import { completionCommand } from "./completion.ts";
import { link, unlink } from "./link.ts";
import { login, logout } from "./login.ts";
import { open } from "./open.ts";
import { whoami } from "./whoami.ts";
import { logs } from "./logs.ts";
import { promote, rollback } from "./release.ts";
import { appLogs, run } from "./run.ts";
import { scale } from "./scale.ts";
import { schedules, schedulesAdd, schedulesRemove } from "./schedules.ts";
import { tokensCreate, tokensList, tokensRevoke } from "./tokens.ts";

/** Every command, in the order `pier help` lists them. */
export const COMMANDS: Command[] = [
  login,
  logout,
  whoami,
  link,
  unlink,
  appsList,
  appsCreate,
  appsShow,
  appsSettings,
  appsDelete,
  deploy,
  redeploy,
  deployments,
  inspect,
  deliveries,
  logs,
  appLogs,
  run,
  scale,
  autoscale,
  releases,
  rollback,
  promote,
  rolloutStatus,
  rolloutStart,
  rolloutPause,
  rolloutResume,
  rolloutPromote,
  rolloutAbort,
  schedules,
  schedulesAdd,
  schedulesRemove,
  envSet,
  envUnset,
  envList,
  envPull,
  flags,
  flagsSet,
  flagsRemove,
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
  notifications,
  notificationsAdd,
  notificationsRemove,
  notificationsTest,
  notificationsDeliveries,
  audit,
  nodes,
  nodesDrain,
  nodesActivate,
  nodesJoin,
  open,
  completionCommand(() => COMMANDS),
];

/** Groups whose first word alone is not a command. */
export const GROUPS: Record<string, string> = { env: "set, unset, list or pull", tokens: "create, list or revoke" };

/** `apps list` is another name for `apps`. */
export const ALIASES: Record<string, string> = {
  "apps list": "apps",
  "apps ls": "apps",
  "env ls": "env list",
  "flags ls": "flags",
  "flags list": "flags",
  "flags remove": "flags rm",
  "apps rm": "apps delete",
  "notifications ls": "notifications",
  "nodes ls": "nodes",
  "nodes list": "nodes",
  "notifications list": "notifications",
  "notifications remove": "notifications rm",
  "domains remove": "domains rm",
  "schedules ls": "schedules",
  "schedules list": "schedules",
  "schedules remove": "schedules rm",
  "tokens ls": "tokens list",
  "credentials remove": "credentials rm",
  "github-app remove": "github-app rm",
};
