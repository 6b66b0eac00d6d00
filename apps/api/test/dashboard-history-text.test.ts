import type { ReplicaStatus } from "@pier/replicas";
import { describe, expect, it } from "vitest";
import { ansiSegments, ansiToHtml, applySgr, stripAnsi } from "../src/dashboard/ansi.ts";
import { shownState, stateBadge } from "../src/dashboard/app-state.ts";
import {
  deploymentFilterQuery,
  deploymentWhere,
  historyHref,
  pageCount,
  pageWindow,
} from "../src/dashboard/deployment-filter.ts";
import { explainFailure, lastWords } from "../src/dashboard/failure-reason.ts";

const ESC = "\u001b";

describe("ANSI escape codes in logs", () => {
  it("strips colours, cursor moves, erases and window titles", () => {
    const line = `${ESC}[91merror${ESC}[0m ${ESC}[2K${ESC}[1Gdone ${ESC}]0;title${ESC}\\ok${ESC}[?25h`;
    expect(stripAnsi(line)).toBe("error done ok");
  });

  it("renders colours and bold as classed spans, escaping the text", () => {
    const rendered = ansiToHtml(`${ESC}[1;31m<b>failed</b>${ESC}[22m still red${ESC}[39m plain`).value;
    expect(rendered).toBe(
      '<span class="c-red c-bold">&lt;b&gt;failed&lt;/b&gt;</span><span class="c-red"> still red</span> plain',
    );
    expect(rendered).not.toContain("[");
  });

  it("maps bright colours to the same class and skips 256-colour and true-colour parameters", () => {
    expect(ansiSegments(`${ESC}[92mok`)).toEqual([
      { text: "ok", style: { colour: "green", bold: false, dim: false, underline: false } },
    ]);
    const plain = { colour: null, bold: false, dim: false, underline: false };
    // 38;5;1 must not read "1" as bold; 38;2;1;2;3 must not read 2 as dim.
    expect(applySgr(plain, "38;5;1")).toEqual(plain);
    expect(applySgr(plain, "38;2;1;2;3;4")).toEqual({ ...plain, underline: true });
    expect(applySgr({ ...plain, colour: "red", bold: true }, "")).toEqual(plain);
  });

  it("leaves a line without escapes as one plain segment", () => {
    expect(ansiToHtml("npm run build").value).toBe("npm run build");
    expect(ansiSegments("")).toEqual([]);
  });
});

describe("a failure reason as a sentence with the next step", () => {
  const log = [
    'Step 9/14 : RUN ["sh", "-c", "npm run build && for d in \\"out\\"; do test -d $d; done"]',
    " ---> Running in 4f2a",
    "> site@1.0.0 build",
    `${ESC}[91mError: Cannot find module './missing'${ESC}[0m`,
    "    at Module._resolveFilename (node:internal/modules/cjs/loader:1145:15)",
    "",
    "The command 'sh -c npm run build && for d in \"out\"; do test -d $d; done' returned a non-zero code: 1",
    "Deployment failed: image build failed: The command 'sh -c npm run build …' returned a non-zero code: 1",
  ];

  it("names the build command, its exit code and the log's last lines; the command goes to the details", () => {
    const reason =
      "image build failed: The command 'sh -c npm run build && for d in \"out\"; do test -d $d; done' " +
      "returned a non-zero code: 1";
    const failure = explainFailure(reason, log);
    expect(failure.sentence).toBe(
      "The build command exited with code 1: the log's last lines say " +
        "“Error: Cannot find module './missing' / at Module._resolveFilename " +
        "(node:internal/modules/cjs/loader:1145:15)”; fix the build and push again.",
    );
    expect(failure.sentence).not.toContain("sh -c");
    expect(failure.command).toBe('sh -c npm run build && for d in "out"; do test -d $d; done');
    expect(failure.exitCode).toBe(1);
    expect(failure.raw).toBe(reason);
  });

  it("reads BuildKit's wording and names an install step", () => {
    const failure = explainFailure(
      'image build failed: process "/bin/sh -c npm ci && mkdir -p /root/.npm" did not complete successfully: ' +
        "exit code: 254",
    );
    expect(failure.sentence).toBe(
      "The install command exited with code 254; check package.json and the lockfile, then push again.",
    );
    expect(failure.command).toBe("/bin/sh -c npm ci && mkdir -p /root/.npm");
  });

  it("a step that is neither install nor build, a killed step, failed tests", () => {
    expect(
      explainFailure("image build failed: The command 'chown -R node /app' returned a non-zero code: 2").sentence,
    ).toBe("A build step exited with code 2; fix the step (see the details) and push again.");
    const killed = explainFailure(
      "image build failed: a build step was killed (exit 137), most likely past the build memory limit " +
        "(PIER_BUILD_MEMORY_MB=512): The command 'sh -c next build' returned a non-zero code: 137",
    );
    expect(killed.sentence).toBe(
      "A build step was killed (exit 137), most likely past the build memory limit (PIER_BUILD_MEMORY_MB=512); " +
        "raise the limit or make the build lighter, then deploy again.",
    );
    expect(killed.exitCode).toBe(137);
    const tests = explainFailure("test command failed (exit 3): npm test", ["FAIL src/a.test.js", "Tests: 1 failed"]);
    expect(tests.sentence).toBe(
      "The tests failed (exit code 3): the log's last lines say “FAIL src/a.test.js / Tests: 1 failed”; " +
        "fix them and push again.",
    );
    expect(tests.command).toBe("npm test");
  });

  it("a health check that failed names what happened and where to look", () => {
    const failure = explainFailure("Health check failed: the container exited with code 3.");
    expect(failure.sentence).toBe(
      "The app didn't become healthy: the container exited with code 3; " +
        "read the app's last output in the log below, fix it and push again.",
    );
    expect(failure.exitCode).toBe(3);
  });

  it("keeps any other reason as it is, as a sentence", () => {
    const failure = explainFailure('rootDir "web" was not found in the repository');
    expect(failure.sentence).toBe('rootDir "web" was not found in the repository');
    expect(explainFailure("image build failed: no base image").sentence).toBe("The image build failed: no base image");
    expect(failure.command).toBeNull();
  });

  it("quotes at most two meaningful lines, shortened", () => {
    expect(lastWords(["x".repeat(500), "", " ---> abc"])).toEqual([`${"x".repeat(199)}…`]);
    expect(lastWords(["Step 1/2 : RUN a", "Removing intermediate container 1"])).toEqual([]);
  });
});

describe("one state per deployment wherever it shows", () => {
  const replicas = (state: ReplicaStatus["state"], running: number, desired = 1): ReplicaStatus => ({
    state,
    running,
    desired,
    replicas: [],
  });

  it("production in a crash loop shows the crash loop, not Ready", () => {
    const state = shownState({ status: "READY", isProduction: true }, replicas("CRASH_LOOP", 0));
    expect(state.kind).toBe("production");
    expect(stateBadge(state).value).toContain("Crash loop 0/1");
    expect(stateBadge(state).value).not.toContain("Ready");
  });

  it("healthy production, and every other deployment, show their own status", () => {
    const running = replicas("RUNNING", 1);
    expect(shownState({ status: "READY", isProduction: true }, running)).toEqual({
      kind: "deployment",
      status: "READY",
    });
    const crashing = replicas("CRASH_LOOP", 0);
    expect(shownState({ status: "READY", isProduction: false }, crashing)).toEqual({
      kind: "deployment",
      status: "READY",
    });
    expect(shownState({ status: "FAILED", isProduction: false }, crashing)).toEqual({
      kind: "deployment",
      status: "FAILED",
    });
    expect(stateBadge({ kind: "deployment", status: "READY" }, "status").value).toContain('id="status"');
  });
});

describe("the deployment history's filters and pages", () => {
  it("reads the query leniently: nonsense is dropped, empty fields mean any", () => {
    expect(deploymentFilterQuery.parse({ status: "BOGUS", branch: "", q: "  fix  ", page: "x" })).toEqual({
      status: undefined,
      branch: undefined,
      q: "fix",
      page: 1,
    });
    expect(deploymentFilterQuery.parse({ status: "FAILED", branch: "main", page: "3" })).toMatchObject({
      status: "FAILED",
      branch: "main",
      page: 3,
    });
  });

  it("builds the database query: status, branch, search in message, author, sha and id", () => {
    expect(deploymentWhere("a1", { page: 1 })).toEqual({ appId: "a1" });
    expect(deploymentWhere("a1", { status: "FAILED", branch: "dev", q: "ABC", page: 2 })).toEqual({
      appId: "a1",
      status: "FAILED",
      branch: "dev",
      OR: [
        { commitMessage: { contains: "ABC", mode: "insensitive" } },
        { commitAuthor: { contains: "ABC", mode: "insensitive" } },
        { commitSha: { startsWith: "abc" } },
        { shortId: { startsWith: "abc" } },
      ],
    });
    expect(pageWindow({ page: 3 })).toEqual({ skip: 40, take: 20 });
    expect([pageCount(0), pageCount(20), pageCount(21)]).toEqual([1, 1, 2]);
  });

  it("links keep the filters and the metrics window, and leave defaults out", () => {
    expect(historyHref("web", { page: 1 })).toBe("/apps/web#deployments");
    expect(historyHref("web", { status: "READY", branch: "feat/x", q: "a b", page: 2 }, "24h")).toBe(
      "/apps/web?status=READY&branch=feat%2Fx&q=a+b&page=2&window=24h#deployments",
    );
  });
});
