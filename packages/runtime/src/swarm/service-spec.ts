// The one translation of Pier's run specs into Swarm service specs (POST /services/create).
import type { OneOffSpec, RunSpec } from "../runtime.ts";

/** On the service only: the image reference Pier asked for (the spec holds the registry's, pinned by digest). */
export const IMAGE_LABEL = "pier.image";
/** On the service only: the node its named volumes live on, which it is pinned to (see volumes.ts). */
export const PINNED_NODE_LABEL = "pier.pinned-node";

export interface TaskPlacement {
  /** The registry reference every node pulls ("10.216.0.1:5000/pier/web@sha256:…"). */
  image: string;
  /** The node the service must run on (its volumes are there), or null to let Swarm spread it. */
  pinnedNode: string | null;
}

type Confined = Pick<OneOffSpec, "env" | "labels" | "memoryBytes" | "nanoCpus" | "pidsLimit" | "mounts" | "hostMounts">;

/**
 * What every task of Pier's runs with, as the Docker runtime's `confined`: limits, volumes, no capabilities, an
 * init as PID 1, bounded logs. Not here: no-new-privileges (ContainerSpec.Privileges.NoNewPrivileges needs API
 * 1.46, Docker 27; the engines this was built on speak 1.41).
 */
function taskTemplate(spec: Confined, placement: TaskPlacement, command?: string[]) {
  return {
    ContainerSpec: {
      Image: placement.image,
      ...(command ? { Command: command } : {}),
      Env: Object.entries(spec.env).map(([k, v]) => `${k}=${v}`),
      // On the task's container too: what `docker ps` on a node shows, and what its engine's events carry.
      Labels: spec.labels,
      Mounts: [
        // On the node the service is pinned to, where ensureVolume made it (see volumes.ts).
        ...(spec.mounts ?? []).map((m) => ({ Type: "volume", Source: m.volume, Target: m.path })),
        ...(spec.hostMounts ?? []).map((m) => ({
          Type: "bind",
          Source: m.hostPath,
          Target: m.path,
          ReadOnly: m.readOnly,
        })),
      ],
      Init: true,
      CapabilityDrop: ["ALL"],
    },
    // Pids needs API 1.41 (Docker 20.10); an older engine ignores the field.
    Resources: { Limits: { NanoCPUs: spec.nanoCpus, MemoryBytes: spec.memoryBytes, Pids: spec.pidsLimit } },
    Placement: placement.pinnedNode ? { Constraints: [`node.id==${placement.pinnedNode}`] } : {},
    // A chatty app must not fill a node's disk: at most 3 × 10 MB of its output.
    LogDriver: { Name: "json-file", Options: { "max-size": "10m", "max-file": "3" } },
  };
}

function serviceLabels(spec: Confined & { image: string }, placement: TaskPlacement): Record<string, string> {
  return {
    ...spec.labels,
    [IMAGE_LABEL]: spec.image,
    ...(placement.pinnedNode ? { [PINNED_NODE_LABEL]: placement.pinnedNode } : {}),
  };
}

/**
 * One replica of a deployment: a one-task service Swarm keeps running (restarting it, moving it off a lost
 * node). Its port is published in host mode on the node it runs on, at a port Swarm picks: the router reaches
 * it at `<node address>:<published port>` (this kernel has no IPVS, so no routing mesh and no VIPs: dnsrr).
 */
export function replicaServiceSpec(spec: RunSpec, placement: TaskPlacement) {
  return {
    Name: spec.name,
    Labels: serviceLabels(spec, placement),
    TaskTemplate: { ...taskTemplate(spec, placement), RestartPolicy: { Condition: "any" } },
    Mode: { Replicated: { Replicas: 1 } },
    UpdateConfig: { Order: "start-first" },
    EndpointSpec: {
      Mode: "dnsrr",
      Ports: [{ Protocol: "tcp", TargetPort: spec.containerPort, PublishMode: "host" }],
    },
  };
}

/** A one-off command: one task, never restarted, no port. */
export function oneOffServiceSpec(spec: OneOffSpec, name: string, placement: TaskPlacement) {
  return {
    Name: name,
    Labels: serviceLabels(spec, placement),
    TaskTemplate: { ...taskTemplate(spec, placement, spec.command), RestartPolicy: { Condition: "none" } },
    Mode: { Replicated: { Replicas: 1 } },
    EndpointSpec: { Mode: "dnsrr" },
  };
}
