import { execFileSync } from "node:child_process";
import { eventually } from "./eventually.ts";
import { getViaRouter } from "./http.ts";
import type { Platform } from "./platform.ts";

/**
 * The scenarios of a production image gone from the engine (engine data lost, pruned by hand, a new machine),
 * for tests/e2e/image-rebuild.test.ts and the chaos bench: the image removed by hand, the commit it was built
 * from made unfetchable, and waiting for production to serve again.
 */

export interface LostImage {
  deploymentId: string;
  shortId: string;
  imageId: string;
  imageTag: string;
  commitSha: string;
  /** When the replicas were asked to start again without it (Date.now()). */
  lostAt: number;
  /** What the scale back up answered (its `replicas`: IMAGE_MISSING, the API's own pass). */
  scaleAnswer: { statusCode: number; body: { replicas?: { state: string } } };
}

const scale = (platform: Platform, name: string, replicas: number) =>
  platform.api.inject({
    method: "POST",
    url: `/api/apps/${name}/scale`,
    headers: platform.auth,
    payload: { replicas },
  });

/**
 * Removes production's image as a person would by hand, and asks for the replicas again: scaled to 0 (the
 * engine refuses to remove an image a container uses), `docker rmi -f <image id>` (by id: the build tags it
 * twice, and removing one tag would leave it there), scaled back to the count it had. The controller then finds
 * the replicas unable to start (IMAGE_MISSING).
 */
export async function loseProductionImage(platform: Platform, name: string): Promise<LostImage> {
  const app = await platform.prisma.app.findUniqueOrThrow({ where: { name }, include: { productionDeployment: true } });
  const live = app.productionDeployment;
  if (!live?.imageId || !live.imageTag || !live.commitSha) throw new Error(`${name} has no production image`);
  const down = await scale(platform, name, 0);
  if (down.statusCode !== 200) throw new Error(`scale to 0: ${down.statusCode} ${down.body}`);
  execFileSync("docker", ["rmi", "-f", live.imageId], { stdio: "ignore" });
  if (await platform.runtime.imageExists(live.imageId)) throw new Error(`image ${live.imageId} is still there`);
  const lostAt = Date.now();
  const up = await scale(platform, name, app.replicas);
  return {
    deploymentId: live.id,
    shortId: live.shortId,
    imageId: live.imageId,
    imageTag: live.imageTag,
    commitSha: live.commitSha,
    lostAt,
    scaleAnswer: { statusCode: up.statusCode, body: up.json() },
  };
}

function git(dir: string, args: string[]): string {
  return execFileSync("git", args, { cwd: dir, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] }).trim();
}

/**
 * Makes commit `lostSha` of the repository in `dir` unfetchable, as a force-push that rewrote history and a
 * server-side gc would: the branch goes back to `keepSha`, and every reference to `lostSha` (ORIG_HEAD, the
 * reflogs) goes, then everything unreachable is pruned. Throws when the commit is still there.
 */
export function forgetCommit(dir: string, keepSha: string, lostSha: string): void {
  git(dir, ["reset", "--quiet", "--hard", keepSha]);
  git(dir, ["update-ref", "-d", "ORIG_HEAD"]);
  git(dir, ["reflog", "expire", "--expire=now", "--all"]);
  git(dir, ["gc", "--quiet", "--prune=now"]);
  let stillThere = true;
  try {
    git(dir, ["cat-file", "-e", `${lostSha}^{commit}`]);
  } catch {
    stillThere = false;
  }
  if (stillThere) throw new Error(`commit ${lostSha} is still in ${dir}`);
}

/**
 * Waits until the router serves `text` for `host` again; returns how long after `since` (Date.now()) that was.
 * A request that fails or answers otherwise counts as not yet.
 */
export async function waitUntilServing(
  platform: Platform,
  host: string,
  text: string,
  since: number,
  timeoutMs = 120_000,
): Promise<number> {
  await eventually(
    async () => {
      const answer = await getViaRouter(platform.routerPort, host, "/", 2_000);
      return answer.status === 200 && answer.body.includes(text);
    },
    `${host} serving "${text}"`,
    timeoutMs,
    100,
  );
  return Date.now() - since;
}
