import { access, mkdir, readFile, writeFile } from "node:fs/promises";

/** The cgroup every build step runs under (Docker's `cgroupparent`); its pids.max caps the processes of all builds. */
export const BUILD_CGROUP = "pier-build";

export type BuildCgroup = { parent: string; note: string } | { parent: null; note: string };

let prepared: Promise<BuildCgroup> | null = null;

async function writable(file: string): Promise<boolean> {
  return access(file).then(
    () => true,
    () => false,
  );
}

async function setUp(pidsMax: number): Promise<BuildCgroup> {
  if (pidsMax === 0) return { parent: null, note: "PIER_BUILD_PIDS=0: build processes are not limited" };
  // cgroup v1 (cgroupfs driver): one hierarchy per controller; v2: one unified tree.
  const v1 = "/sys/fs/cgroup/pids";
  const isV1 = await writable(`${v1}/cgroup.procs`);
  const dir = isV1 ? `${v1}/${BUILD_CGROUP}` : `/sys/fs/cgroup/${BUILD_CGROUP}`;
  try {
    if (!isV1 && !(await readFile("/sys/fs/cgroup/cgroup.subtree_control", "utf8")).includes("pids")) {
      return { parent: null, note: "the pids cgroup controller is not enabled here: build processes are not limited" };
    }
    await mkdir(dir, { recursive: true });
    await writeFile(`${dir}/pids.max`, String(pidsMax));
    return { parent: `/${BUILD_CGROUP}`, note: `at most ${pidsMax} processes in all builds (cgroup ${dir})` };
  } catch (error) {
    // Pier itself in a container sees a read-only /sys/fs/cgroup: memory, CPU and time limits still hold.
    return {
      parent: null,
      note: `could not set up the build cgroup (${(error as Error).message}): build processes are not limited`,
    };
  }
}

/** Prepares the build cgroup once per process. */
export function buildCgroup(pidsMax: number): Promise<BuildCgroup> {
  prepared ??= setUp(pidsMax);
  return prepared;
}
