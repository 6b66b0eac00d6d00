import net from "node:net";

/**
 * Distinct TCP ports on 127.0.0.1 that nothing listens on right now, for private servers a test starts
 * (the OS picks them, and all are held until every one is picked, so none repeats).
 */
export async function freePorts(count: number): Promise<number[]> {
  const servers = await Promise.all(
    Array.from(
      { length: count },
      () =>
        new Promise<net.Server>((resolve, reject) => {
          const server = net.createServer();
          server.once("error", reject);
          server.listen(0, "127.0.0.1", () => resolve(server));
        }),
    ),
  );
  const ports = servers.map((server) => (server.address() as net.AddressInfo).port);
  await Promise.all(servers.map((server) => new Promise((resolve) => server.close(resolve))));
  return ports;
}

/** One TCP port on 127.0.0.1 that nothing listens on right now. */
export const freePort = async (): Promise<number> => (await freePorts(1))[0]!;
