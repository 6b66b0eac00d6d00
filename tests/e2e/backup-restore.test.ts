import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ensureDatabase, migrateDeploy } from "@pier/db";
import { execFile } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtemp, rm, symlink } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { blockCommands, docBlocks, REPO_ROOT, runBy } from "../support/doc-blocks.ts";
import { testConfig } from "../support/platform.ts";

const run = promisify(execFile);

/**
 * The operator guide's backup and restore, run as written (its ```sh run-by=backup-restore.test.ts blocks), against a
 * scratch database (migrated, so Pier's own tables) and a scratch Docker volume labelled as an app's.
 */
describe("backup and restore of the database and the volumes (docs/operator-guide/production.md)", () => {
  const config = testConfig();
  const suffix = randomBytes(4).toString("hex");
  const scratchUrl = (() => {
    const url = new URL(config.DATABASE_URL);
    url.pathname = `/pier_backup_${suffix}`;
    return url.toString();
  })();
  const volume = `pier-backup-test-${suffix}`;
  const appName = `backup-${suffix}`;
  let work: string;

  const psql = async (sql: string) =>
    (
      await run("psql", ["--no-psqlrc", "--tuples-only", "--no-align", "--dbname", scratchUrl, "-c", sql])
    ).stdout.trim();
  const inVolume = async (command: string) =>
    (await run("docker", ["run", "--rm", "-v", `${volume}:/data`, config.PIER_NODE_IMAGE, "sh", "-c", command])).stdout;
  /** A block of the guide, its lines run one by one in `work` as an operator would from the checkout. */
  const runBlock = async (lines: string[]) => {
    const env = {
      ...process.env,
      DATABASE_URL: scratchUrl,
      // Only the scratch volume: the machine's other tests have app volumes too.
      PIER_BACKUP_VOLUME_FILTERS: `label=pier.backup-test=${suffix}`,
      PIER_BACKUP_IMAGE: config.PIER_NODE_IMAGE,
    };
    for (const line of lines) await run("bash", ["-c", line], { cwd: work, env, timeout: 120_000 });
  };
  const guideBlocks = () =>
    docBlocks()
      .filter(
        (block) => block.file === "docs/operator-guide/production.md" && runBy(block) === "backup-restore.test.ts",
      )
      .map((block) => blockCommands(block).map((command) => command.text));

  beforeAll(async () => {
    work = await mkdtemp(path.join(tmpdir(), "pier-backup-"));
    // The guide runs the scripts from the checkout.
    await symlink(path.join(REPO_ROOT, "scripts"), path.join(work, "scripts"));
    await ensureDatabase(scratchUrl);
    await migrateDeploy(scratchUrl);
    await run("docker", [
      "volume",
      "create",
      "--label",
      `pier.backup-test=${suffix}`,
      "--label",
      "pier.volume=data",
      volume,
    ]);
  });
  afterAll(async () => {
    await run("docker", ["volume", "rm", "-f", volume]).catch(() => {});
    const admin = new URL(config.DATABASE_URL);
    await run("psql", [
      "--no-psqlrc",
      "--dbname",
      admin.toString(),
      "-c",
      `drop database if exists pier_backup_${suffix}`,
    ]);
    await rm(work, { recursive: true, force: true });
  });

  it("data written, backed up, destroyed and restored is back", async () => {
    const [backup, restore] = guideBlocks();
    expect(backup).toEqual(["scripts/backup.sh pier-backup.tar"]);
    expect(restore).toEqual(["scripts/restore.sh pier-backup.tar"]);

    await psql(
      `insert into "App" (id, name, "repoUrl", "webhookSecret", "updatedAt") ` +
        `values ('bk${suffix}', '${appName}', 'https://example.test/r.git', 'sealed', now())`,
    );
    await inVolume("echo kept-in-the-volume > /data/note && mkdir -p /data/sub && echo deep > /data/sub/file");

    await runBlock(backup!);
    const listing = (await run("tar", ["-tf", path.join(work, "pier-backup.tar")])).stdout.split("\n");
    expect(listing).toEqual(expect.arrayContaining(["pier.dump", `volumes/${volume}.tgz`, `volumes/${volume}.labels`]));

    // Destroyed: the row gone, another written, the volume removed altogether.
    await psql(`delete from "App" where name = '${appName}'`);
    await psql(
      `insert into "App" (id, name, "repoUrl", "webhookSecret", "updatedAt") ` +
        `values ('after${suffix}', 'after-${suffix}', 'https://example.test/x.git', 'sealed', now())`,
    );
    await run("docker", ["volume", "rm", volume]);
    expect(await psql(`select count(*) from "App" where name = '${appName}'`)).toBe("0");

    await runBlock(restore!);
    expect(await psql(`select name from "App" order by name`)).toBe(appName);
    expect(await inVolume("cat /data/note /data/sub/file")).toBe("kept-in-the-volume\ndeep\n");
    // Recreated with its labels, so Pier (and the next backup) finds it as before.
    const labels = JSON.parse(
      (await run("docker", ["volume", "inspect", "--format", "{{json .Labels}}", volume])).stdout,
    );
    expect(labels).toMatchObject({ "pier.backup-test": suffix, "pier.volume": "data" });

    // Restoring again over the restored state changes nothing (the archive replaces, never adds).
    await inVolume("echo stray > /data/stray");
    await runBlock(restore!);
    expect(await inVolume("ls -A /data | sort")).toBe("note\nsub\n");
    expect(await psql(`select count(*) from "App"`)).toBe("1");
  });

  it("refuses an archive that is not a backup", async () => {
    await run("tar", ["-cf", path.join(work, "other.tar"), "-C", work, "scripts"]);
    const failed = await run("bash", ["scripts/restore.sh", "other.tar"], { cwd: work }).catch((e) => e);
    expect(failed.code).toBe(1);
    expect(failed.stderr).toContain("has no pier.dump");
  });
});
