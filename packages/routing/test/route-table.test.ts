import type { ContainerInfo } from "@pier/runtime";
import { LABELS } from "@pier/shared";
import { describe, expect, it } from "vitest";
import { buildRouteTable, type RoutedApp } from "../src/route-table.ts";
import { hasGoneLive, servedPreviews } from "../src/previews.ts";

const at = (minute: number) => new Date(Date.UTC(2026, 11, 7, 0, minute));

function container(id: string, deploymentId: string, port: number, replica = 1, running = true): ContainerInfo {
  const labels = {
    [LABELS.managed]: "true",
    [LABELS.appId]: "app-1",
    [LABELS.deployment]: deploymentId,
    [LABELS.replica]: String(replica),
  };
  const endpoint = running ? `10.213.0.${port % 250}:${port}` : null;
  return {
    id,
    name: id,
    image: "img",
    running,
    exitCode: null,
    labels,
    hostPort: running ? port : null,
    endpoint,
    node: null,
    restarting: null,
  };
}

function app(overrides: Partial<RoutedApp> = {}): RoutedApp {
  return {
    id: "app-1",
    name: "web",
    productionDeploymentId: "d1",
    replicas: 2,
    autoscale: null,
    httpsRedirect: true,
    hsts: false,
    replicaStates: [],
    domains: [],
    deployments: [{ id: "d1", shortId: "aaaa", previewSlug: null, previewLiveAt: null, createdAt: at(0) }],
    ...overrides,
  };
}

const ports = (route: unknown) =>
  route && typeof route === "object" && "backends" in route
    ? (route as { backends: Array<{ endpoint: string }> }).backends.map((b) => Number(b.endpoint.split(":")[1]))
    : route;

const options = { domain: "pier.test" };
const noHttps = { redirect: false, hsts: false };

describe("the route table", () => {
  it("routes production and each running deployment to the replicas that serve, each with its deployment", () => {
    const table = buildRouteTable([app()], [container("c1", "d1", 5001, 1), container("c2", "d1", 5002, 2)], options);
    expect(ports(table.get("web.pier.test"))).toEqual([5001, 5002]);
    expect(ports(table.get("web-aaaa.pier.test"))).toEqual([5001, 5002]);
    expect(table.get("web.pier.test")).toMatchObject({
      backends: [{ appId: "app-1", deploymentId: "d1", weight: 1 }, {}],
    });
  });

  it("leaves out replicas above the desired count (draining) and replacements not yet on record", () => {
    const states = [{ deploymentId: "d1", index: 1, containerId: "c1" }];
    const table = buildRouteTable(
      [app({ replicas: 1, replicaStates: states })],
      [container("c1", "d1", 5001, 1), container("c1b", "d1", 5003, 1), container("c2", "d1", 5002, 2)],
      options,
    );
    expect(ports(table.get("web.pier.test"))).toEqual([5001]);
  });

  it("answers an app with nothing serving with no backends, or with the activator when it scales to zero", () => {
    expect(ports(buildRouteTable([app()], [], options).get("web.pier.test"))).toEqual([]);
    const asleep = buildRouteTable([app({ autoscale: { min: 0, max: 3 } })], [], options);
    expect(asleep.get("web.pier.test")).toEqual({ kind: "activator", appId: "app-1", https: noHttps });
  });

  it("serves a branch's newest live preview that runs, and none that never went live", () => {
    const deployments = [
      { id: "p1", shortId: "p1p1", previewSlug: "feat", previewLiveAt: at(1), createdAt: at(1) },
      { id: "p2", shortId: "p2p2", previewSlug: "feat", previewLiveAt: at(2), createdAt: at(2) },
      { id: "p3", shortId: "p3p3", previewSlug: "feat", previewLiveAt: null, createdAt: at(3) },
    ];
    const running = [container("a", "p1", 6001), container("b", "p2", 6002), container("c", "p3", 6003)];
    const table = buildRouteTable([app({ productionDeploymentId: null, deployments })], running, options);
    expect(ports(table.get("web-git-feat.pier.test"))).toEqual([6002]);
    expect(ports(table.get("web-p3p3.pier.test"))).toEqual([6003]);
    // The newest live one stopped: the older live one that still runs serves the branch.
    const fallback = buildRouteTable([app({ productionDeploymentId: null, deployments })], [running[0]!], options);
    expect(ports(fallback.get("web-git-feat.pier.test"))).toEqual([6001]);
  });
  it("splits the production hosts during a rollout by weight; the candidate's own host serves it alone", () => {
    const deployments = [
      { id: "d1", shortId: "aaaa", previewSlug: null, previewLiveAt: null, createdAt: at(0) },
      { id: "d2", shortId: "bbbb", previewSlug: null, previewLiveAt: null, createdAt: at(1) },
    ];
    const domains = [{ name: "shop.example.com", redirectTo: null, redirectStatus: 308 }];
    const running = [container("c1", "d1", 5001, 1), container("c2", "d1", 5002, 2), container("c3", "d2", 5003, 1)];
    const at25 = buildRouteTable(
      [app({ deployments, domains, rollouts: [{ candidateDeploymentId: "d2", weight: 25 }] })],
      running,
      options,
    );
    for (const host of ["web.pier.test", "shop.example.com"])
      expect(at25.get(host)).toMatchObject({
        backends: [
          { deploymentId: "d2", endpoint: "10.213.0.3:5003", weight: 25 },
          { deploymentId: "d1", weight: 37.5 },
          { deploymentId: "d1", weight: 37.5 },
        ],
      });
    expect(ports(at25.get("web-bbbb.pier.test"))).toEqual([5003]);
    expect(ports(at25.get("web-aaaa.pier.test"))).toEqual([5001, 5002]);
    const atWeight = (weight: number, serving = running) =>
      ports(
        buildRouteTable(
          [app({ deployments, rollouts: [{ candidateDeploymentId: "d2", weight }] })],
          serving,
          options,
        ).get("web.pier.test"),
      );
    expect(atWeight(0)).toEqual([5001, 5002]);
    expect(atWeight(100)).toEqual([5003]);
    // A candidate with nothing serving leaves production serving alone.
    expect(atWeight(25, running.slice(0, 2))).toEqual([5001, 5002]);
  });
});

describe("custom domains in the route table", () => {
  const domains = [
    { name: "shop.example", redirectTo: null, redirectStatus: 308 },
    { name: "www.shop.example", redirectTo: "shop.example", redirectStatus: 301 },
    { name: "*.eu.shop.example", redirectTo: null, redirectStatus: 308 },
  ];
  const running = [container("c1", "d1", 5001, 1)];

  it("serves each domain like the app's own host, and a redirect domain as a redirect to its target", () => {
    const table = buildRouteTable([app({ domains })], running, options);
    expect(ports(table.get("shop.example"))).toEqual([5001]);
    expect(ports(table.get("*.eu.shop.example"))).toEqual([5001]);
    expect(table.get("www.shop.example")).toEqual({
      kind: "redirect",
      appId: "app-1",
      to: "shop.example",
      status: 301,
      toHttps: false,
      https: noHttps,
    });
    const asleep = buildRouteTable([app({ domains, autoscale: { min: 0, max: 2 } })], [], options);
    expect(asleep.get("shop.example")?.kind).toBe("activator");
  });

  it("redirects plain HTTP to HTTPS only on hosts with a certificate, as the app's settings say", () => {
    const hasCertificate = (host: string) => host === "shop.example" || host === "www.shop.example";
    const table = buildRouteTable([app({ domains, hsts: true })], running, { ...options, hasCertificate });
    expect(table.get("shop.example")?.https).toEqual({ redirect: true, hsts: true });
    expect(table.get("www.shop.example")).toMatchObject({ toHttps: true, https: { redirect: true } });
    expect(table.get("web.pier.test")?.https).toEqual(noHttps);
    const optedOut = buildRouteTable([app({ domains, httpsRedirect: false })], running, { ...options, hasCertificate });
    expect(optedOut.get("shop.example")?.https).toEqual(noHttps);
  });

  it("serves the API on its domain", () => {
    const table = buildRouteTable([], [], { ...options, apiDomain: "pier.example", hasCertificate: () => true });
    expect(table.get("pier.example")).toEqual({ kind: "api", https: { redirect: true, hsts: false } });
  });
});

describe("previews", () => {
  it("picks one served preview per branch", () => {
    const deployments = [
      { id: "a", previewSlug: "x", previewLiveAt: at(1), createdAt: at(1) },
      { id: "b", previewSlug: "y", previewLiveAt: at(2), createdAt: at(2) },
      { id: "c", previewSlug: "x", previewLiveAt: at(3), createdAt: at(3) },
      { id: "d", previewSlug: null, previewLiveAt: null, createdAt: at(4) },
    ];
    expect(servedPreviews(deployments, () => true)).toEqual(
      new Map([
        ["x", "c"],
        ["y", "b"],
      ]),
    );
    expect(servedPreviews(deployments, (id) => id !== "c").get("x")).toBe("a");
  });

  it("serves the preview that went live last, whatever order the deployments were made in", () => {
    // A push delivered late is made after its child, yet never goes live after it (history, not arrival).
    const deployments = [
      { id: "child", previewSlug: "x", previewLiveAt: at(5), createdAt: at(1) },
      { id: "parent", previewSlug: "x", previewLiveAt: at(3), createdAt: at(2) },
    ];
    expect(servedPreviews(deployments, () => true).get("x")).toBe("child");
  });

  it("says a deployment went live when it is production or a preview handed to the routers", () => {
    const preview = { id: "p", previewSlug: "x", previewLiveAt: at(1) };
    expect(hasGoneLive(preview, null)).toBe(true);
    expect(hasGoneLive({ ...preview, previewLiveAt: null }, null)).toBe(false);
    expect(hasGoneLive({ id: "d", previewSlug: null, previewLiveAt: null }, "d")).toBe(true);
  });
});
