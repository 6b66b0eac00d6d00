import { stripAnsi } from "./ansi.ts";

/**
 * A deployment's failure as a person reads it: what failed and what to do next in one sentence, the raw
 * reason (the shell command, its exit code) kept for a "details" toggle. The worker stores the reason as the
 * engine or the step worded it ("image build failed: The command 'sh -c npm run build' returned a non-zero
 * code: 1"); this only changes how the dashboard presents it.
 */
export interface ExplainedFailure {
  /** The sentence shown first. */
  sentence: string;
  /** The command that failed, when the reason names one. */
  command: string | null;
  exitCode: number | null;
  /** The stored reason, unchanged (escape codes aside): what the details toggle shows. */
  raw: string;
}

// The legacy builder: "The command '…' returned a non-zero code: 1"; BuildKit: 'process "…" did not complete
// successfully: exit code: 1'.
const LEGACY = /The command '([\s\S]*)' returned a non-zero code: (\d+)/;
const BUILDKIT = /process "([\s\S]*)" did not complete successfully: exit code: (\d+)/;
const TEST = /^test command failed \(exit (\d+)\): ([\s\S]*)$/;
const HEALTH = /^Health check failed: ([\s\S]*?)\.?$/;
const KILLED = /^image build failed: a build step was killed \(exit 137\), (most likely past [^:]*\))/;

/** Install commands of the package managers Pier knows, as Dockerfiles run them. */
const INSTALL = /\b(npm (ci|install|i)|pnpm (install|i)|yarn|bun install)\b/;
const BUILD = /\bbuild\b/;

/** Lines of a build log that say nothing about why a step failed. */
const NOISE = [
  /^\s*$/,
  /^Step \d+\/\d+ : /,
  /^ ---> /,
  /^Removing intermediate container /,
  /^Deployment failed: /,
  // npm's banner before a script runs ("> site@1.0.0 build", "> next build").
  /^> /,
  /^npm (ERR!|error) (A complete log of this run|Log files were not written|You can rerun)/,
  /^npm (ERR!|error) *$/,
  LEGACY,
  BUILDKIT,
];

/** Longest quoted log line; a minified stack trace would drown the sentence. */
const MAX_QUOTE = 200;

/** The failing step, named by what its command does. */
function stepOf(command: string): { name: string; next: string } {
  const bare = command.replace(/^(\/bin\/)?sh -c /, "");
  if (INSTALL.test(bare) && !BUILD.test(bare.replace(INSTALL, "")))
    return { name: "The install command", next: "check package.json and the lockfile, then push again" };
  if (BUILD.test(bare)) return { name: "The build command", next: "fix the build and push again" };
  return { name: "A build step", next: "fix the step (see the details) and push again" };
}

/** The last lines of the log worth quoting (at most `count`), escape codes removed. */
export function lastWords(logLines: readonly string[], count = 2): string[] {
  const kept: string[] = [];
  for (let i = logLines.length - 1; i >= 0 && kept.length < count; i--) {
    const line = stripAnsi(logLines[i]!);
    if (NOISE.some((pattern) => pattern.test(line))) continue;
    const text = line.trim();
    kept.unshift(text.length > MAX_QUOTE ? `${text.slice(0, MAX_QUOTE - 1)}…` : text);
  }
  return kept;
}

const quoted = (lines: string[]) => (lines.length === 0 ? "" : `: the log's last lines say “${lines.join(" / ")}”`);

/** Explains a stored failure reason, quoting the end of the build log when a command failed. */
export function explainFailure(reason: string, logLines: readonly string[] = []): ExplainedFailure {
  const raw = stripAnsi(reason).trim();
  const killed = KILLED.exec(raw);
  const command = LEGACY.exec(raw) ?? BUILDKIT.exec(raw);
  if (killed) {
    const why = killed[1]!;
    const next = "raise the limit or make the build lighter, then deploy again";
    const sentence = `A build step was killed (exit 137), ${why}; ${next}.`;
    return { sentence, command: command?.[1] ?? null, exitCode: 137, raw };
  }
  if (command) {
    const exitCode = Number(command[2]);
    const step = stepOf(command[1]!);
    const sentence = `${step.name} exited with code ${exitCode}${quoted(lastWords(logLines))}; ${step.next}.`;
    return { sentence, command: command[1]!, exitCode, raw };
  }
  const test = TEST.exec(raw);
  if (test) {
    const exitCode = Number(test[1]);
    const sentence = `The tests failed (exit code ${exitCode})${quoted(lastWords(logLines))}; fix them and push again.`;
    return { sentence, command: test[2]!, exitCode, raw };
  }
  const health = HEALTH.exec(raw);
  if (health) {
    const next = "read the app's last output in the log below, fix it and push again";
    const exitCode = /exited with code (\d+)/.exec(health[1]!)?.[1];
    const sentence = `The app didn't become healthy: ${health[1]}; ${next}.`;
    return { sentence, command: null, exitCode: exitCode === undefined ? null : Number(exitCode), raw };
  }
  // Other reasons are the worker's own words, written for a person; names in them (rootDir, pier.json) keep their case.
  const sentence = raw.replace(/^image build failed: /, "The image build failed: ");
  return { sentence, command: null, exitCode: null, raw };
}
