import { engineCall, labelFilters, type DockerClient } from "./engine.ts";

/** Creates the named volume with these labels unless it exists. */
export async function ensureVolume(docker: DockerClient, name: string, labels: Record<string, string>): Promise<void> {
  const exists = await engineCall(
    `inspect volume ${name}`,
    async () => {
      await docker.getVolume(name).inspect();
      return true;
    },
    { notFound: () => false },
  );
  if (!exists) await engineCall(`create volume ${name}`, () => docker.createVolume({ Name: name, Labels: labels }));
}

export function listVolumes(
  docker: DockerClient,
  labels: Record<string, string>,
): Promise<Array<{ name: string; labels: Record<string, string> }>> {
  return engineCall("list volumes", async () => {
    const { Volumes } = await docker.listVolumes({ filters: { label: labelFilters(labels) } });
    return (Volumes ?? []).map((v) => ({ name: v.Name, labels: v.Labels ?? {} }));
  });
}

export async function removeVolume(docker: DockerClient, name: string): Promise<void> {
  await engineCall(`remove volume ${name}`, () => docker.getVolume(name).remove(), { notFound: () => undefined });
}
