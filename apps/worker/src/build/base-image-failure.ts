/**
 * A build that failed at a FROM instruction failed to get its base image: the image is not on this
 * machine and the engine could not pull it (no registry reachable, a private image, a typo). Docker's own
 * message names neither the instruction nor a way out; this one does both.
 */
export function baseImageFailure(
  instruction: string | null,
  dockerfileName: string,
  dockerfileText: string | null,
  detail: string,
): string | null {
  const image = instruction ? /^FROM\s+(?:--platform=\S+\s+)?(\S+)/i.exec(instruction)?.[1] : undefined;
  if (!image) return null;
  const lineNumber = dockerfileText === null ? -1 : fromLineNumber(dockerfileText, image);
  const where =
    lineNumber > 0
      ? `${dockerfileName} line ${lineNumber}: ${JSON.stringify(instruction)}`
      : `${dockerfileName}: ${JSON.stringify(instruction)}`;
  if (/invalid reference format/i.test(detail))
    return `the base image name ${JSON.stringify(image)} (${where}) is not a valid image reference: ${detail}`;
  return (
    `the base image ${image} (${where}) is not on this machine and could not be pulled: ${detail}. ` +
    "Load it into this machine's Docker (docker save on a machine that has it, then docker load here), " +
    "or let Docker pull through a registry mirror this machine reaches " +
    '("registry-mirrors" in /etc/docker/daemon.json), then deploy again'
  );
}

function fromLineNumber(text: string, image: string): number {
  const lines = text.split("\n");
  const index = lines.findIndex((line) => {
    const match = /^\s*FROM\s+(?:--platform=\S+\s+)?(\S+)/i.exec(line);
    return match?.[1] === image;
  });
  return index + 1;
}
