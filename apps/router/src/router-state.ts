import { certificateCovers, loadServedCertificates, type ServedCertificate } from "@pier/certificates";
import type { PrismaClient } from "@pier/db";
import { loadRouteTable } from "@pier/routing";
import type { ContainerRuntime } from "@pier/runtime";
import { type PierConfig, secretBox } from "@pier/shared";
import type { RouterLogger } from "./logger.ts";
import { routerView, type RouterPorts, type RouterView } from "./route-entries.ts";

/** Everything the router serves: the route table laid out for HAProxy, and the certificates of the TLS port. */
export interface RouterState {
  view: RouterView;
  certificates: ServedCertificate[];
}

/**
 * Reads what the router should serve now. Certificates first (only with a TLS port): a host's HTTPS redirect
 * depends on there being a certificate for it.
 */
export async function loadRouterState(
  config: PierConfig,
  prisma: PrismaClient,
  runtime: ContainerRuntime,
  ports: RouterPorts,
  logger: RouterLogger,
): Promise<RouterState> {
  const certificates =
    ports.https === null
      ? []
      : await loadServedCertificates(prisma, secretBox(config), {
          certDir: config.PIER_TLS_CERT_DIR,
          apiDomain: config.PIER_API_DOMAIN,
          onProblem: (error) => logger.error({ err: error }, "an operator certificate can't be served"),
        });
  const now = new Date();
  const table = await loadRouteTable(prisma, runtime, {
    domain: config.PIER_DOMAIN,
    apiDomain: config.PIER_API_DOMAIN,
    hasCertificate: (host) => certificateCovers(certificates, host, now),
  });
  return { view: routerView(table, ports), certificates };
}
