import type { PrismaClient } from "@pier/db";
import type { ContainerRuntime } from "@pier/runtime";
import { LABELS, type PierConfig } from "@pier/shared";

export interface MachineMemory {
  totalMb: number;
  /** Memory limits of every container Pier runs now. */
  usedMb: number;
  /** What is left for more replicas: total less the reserve less what containers were given. */
  freeMb: number;
}

/**
 * The machine's memory as the autoscaler counts it: its total (from the engine), less
 * PIER_RESERVED_MEMORY_MB for Pier and its databases, less the memory limits of every container Pier
 * runs now. The autoscaler never adds replicas past it: oversubscribed memory ends in the OOM killer.
 */
export async function machineMemory(
  prisma: PrismaClient,
  runtime: ContainerRuntime,
  config: PierConfig,
): Promise<MachineMemory> {
  const [totalMb, containers] = await Promise.all([
    runtime.hostMemoryMb(),
    runtime.listContainers({ [LABELS.managed]: "true" }),
  ]);
  const deploymentIds = [
    ...new Set(containers.map((c) => c.labels[LABELS.deployment]).filter((id): id is string => Boolean(id))),
  ];
  const limits = new Map(
    (
      await prisma.deployment.findMany({ where: { id: { in: deploymentIds } }, select: { id: true, memoryMb: true } })
    ).map((d) => [d.id, d.memoryMb]),
  );
  const usedMb = containers.reduce(
    (sum, c) => sum + (limits.get(c.labels[LABELS.deployment] ?? "") ?? config.PIER_CONTAINER_MEMORY_MB),
    0,
  );
  return { totalMb, usedMb, freeMb: totalMb - config.PIER_RESERVED_MEMORY_MB - usedMb };
}

/** How many more replicas of `memoryMb` fit, and the sentence that says why when it is a limit. */
export function roomFor(
  machine: MachineMemory,
  memoryMb: number,
  reservedMb: number,
): { replicas: number; why: string } {
  const free = Math.max(0, machine.freeMb);
  return {
    replicas: Math.floor(free / memoryMb),
    why: `not enough memory: the machine has ${machine.totalMb} MB, ${reservedMb} MB reserved (PIER_RESERVED_MEMORY_MB) and ${machine.usedMb} MB given to running containers, leaving ${free} MB for replicas of ${memoryMb} MB`,
  };
}
