import { containerBase } from "@pier/release";
import { DeployFailedError } from "../errors.ts";
import type { BuildLog } from "../logs/build-log.ts";
import type { DeployDeps } from "./deploy-deps.ts";

const TEST_TIMEOUT_MS = 10 * 60_000;

/**
 * pier.json's `test` command, run in the freshly built image before anything is released (the CI step
 * of the pipeline). A non-zero exit fails the deploy with the output in the log; production is untouched.
 */
export async function runTestCommand(
  deps: DeployDeps,
  request: {
    image: string;
    command: string;
    env: Record<string, string>;
    /** The port the app listens on: the tests see PORT and HOST as the app does. */
    port: number;
    appName: string;
    appId: string;
    memoryMb: number;
    cpus: number;
  },
  log: BuildLog,
): Promise<void> {
  log.write(`Running the test command in the built image: ${request.command}`);
  const result = await deps.runtime.runToCompletion({
    // No volumes: the tests run before anything is released, apart from the app's data.
    ...containerBase(deps.config, { ...request, mounts: [] }, { "pier.role": "test" }),
    command: ["sh", "-c", request.command],
    timeoutMs: TEST_TIMEOUT_MS,
  });
  for (const line of result.output.replace(/\n$/, "").split("\n")) log.write(line, "test");
  if (result.timedOut) throw new DeployFailedError(`test command timed out after ${TEST_TIMEOUT_MS / 1000} s`);
  if (result.exitCode !== 0)
    throw new DeployFailedError(`test command failed (exit ${result.exitCode}): ${request.command}`);
  log.write(`Tests passed in ${result.durationMs} ms`);
}
