import { execFileSync } from "node:child_process";
import { mkdir, mkdtemp, rm, symlink, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";

/** A file's content (text or bytes), null to delete it, or a symlink (git stores the link, as a repository can). */
export type RepoFile = string | Buffer | null | { symlink: string };

export interface TestRepo {
  dir: string;
  url: string;
  /** Writes the files (path → content; null deletes) and commits; returns the new sha. */
  commit(files: Record<string, RepoFile>, message: string, branch?: string): Promise<string>;
  remove(): Promise<void>;
}

function git(dir: string, args: string[]): string {
  return execFileSync("git", args, {
    cwd: dir,
    encoding: "utf8",
    env: {
      ...process.env,
      GIT_AUTHOR_NAME: "Test Author",
      GIT_AUTHOR_EMAIL: "t@example.com",
      GIT_COMMITTER_NAME: "Test Author",
      GIT_COMMITTER_EMAIL: "t@example.com",
    },
  }).trim();
}

/** A local git repository to deploy from (file://, with PIER_ALLOW_FILE_REPOS=1). */
export async function createTestRepo(
  files: Record<string, RepoFile>,
  message = "initial commit",
): Promise<TestRepo & { sha: string }> {
  const dir = await mkdtemp(path.join(tmpdir(), "pier-repo-"));
  git(dir, ["init", "--quiet", "--initial-branch=main"]);
  const repo: TestRepo = {
    dir,
    url: `file://${dir}`,
    async commit(changes, msg, branch = "main") {
      const current = git(dir, ["symbolic-ref", "--short", "HEAD"]);
      if (current !== branch) {
        const exists = git(dir, ["branch", "--list", branch]) !== "";
        git(dir, exists ? ["checkout", "--quiet", branch] : ["checkout", "--quiet", "-b", branch]);
      }
      for (const [file, content] of Object.entries(changes)) {
        const full = path.join(dir, file);
        if (content === null) await rm(full, { force: true });
        else {
          await mkdir(path.dirname(full), { recursive: true });
          if (typeof content === "string" || Buffer.isBuffer(content)) await writeFile(full, content);
          else await symlink(content.symlink, full);
        }
      }
      git(dir, ["add", "--all"]);
      git(dir, ["commit", "--quiet", "--allow-empty", "-m", msg]);
      return git(dir, ["rev-parse", "HEAD"]);
    },
    remove: () => rm(dir, { recursive: true, force: true }),
  };
  const sha = await repo.commit(files, message);
  return { ...repo, sha };
}

/** A Node app with no dependencies that answers `text` on every path. */
export function nodeAppFiles(text: string): Record<string, string> {
  return {
    "package.json": JSON.stringify({ name: "hello", version: "1.0.0", scripts: { start: "node server.js" } }, null, 2),
    "server.js": `const http = require("http");
http.createServer((req, res) => {
  res.writeHead(200, { "content-type": "text/plain" });
  res.end(${JSON.stringify(text)} + "\\n");
}).listen(Number(process.env.PORT), "0.0.0.0", () => console.log("listening on " + process.env.PORT));
process.on("SIGTERM", () => process.exit(0));
`,
  };
}
