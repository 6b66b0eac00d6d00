import { engineCall, statusOf, type DockerClient } from "./engine.ts";

/** The bridge every app container runs on, with inter-container traffic off (see ensureAppNetwork). */
export const APP_NETWORK = "pier-apps";

/** Per client: made once, tried again after a failure. */
const appNetworks = new WeakMap<DockerClient, Promise<void>>();

/**
 * The network app containers run on: a bridge with inter-container traffic off, so one app can't
 * reach another's container (Docker's default bridge lets every container reach every other). They
 * still reach the internet, and the router reaches them through their ports published on 127.0.0.1.
 */
export function ensureAppNetwork(docker: DockerClient): Promise<void> {
  let network = appNetworks.get(docker);
  if (!network) {
    network = engineCall(`create the ${APP_NETWORK} network`, async () => {
      const existing = await docker.listNetworks({ filters: { name: [APP_NETWORK] } });
      if (existing.some((n) => n.Name === APP_NETWORK)) return;
      try {
        await docker.createNetwork({
          Name: APP_NETWORK,
          Driver: "bridge",
          Labels: { "pier.managed": "true" },
          Options: { "com.docker.network.bridge.enable_icc": "false" },
        });
      } catch (error) {
        // Another Pier process created it in the meantime: that is the network we want.
        if (statusOf(error) !== 409) throw error;
      }
    }).catch((error: unknown) => {
      appNetworks.delete(docker);
      throw error;
    });
    appNetworks.set(docker, network);
  }
  return network;
}
