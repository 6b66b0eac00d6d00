import { z } from "zod";

export const nodeParams = z.object({
  id: z
    .string()
    // A swarm node id (25 of a-z0-9), a hostname, or single Docker's engine id (K5ZW:CGTE:…).
    .regex(/^[A-Za-z0-9][A-Za-z0-9_.:-]{0,127}$/, "must be a node id or name")
    .describe("The node's id or its name (hostname)"),
});

export const nodeReplicaDto = z.object({
  app: z.string().describe("The app the replica serves"),
  deploymentShortId: z.string().nullable().describe("The deployment it runs (null if its record is gone)"),
  replica: z.number().int().describe("Which replica of the deployment (1, 2, …)"),
  container: z.string().describe("Its container's name (on Swarm, its service's)"),
  preview: z.string().nullable().describe("The branch label a preview serves; null for production and candidates"),
  pinnedByVolume: z
    .boolean()
    .describe("It mounts a volume, which lives on one node: it runs there and never moves to another node"),
});

export const nodeDto = z.object({
  id: z.string(),
  name: z.string().describe("Its hostname"),
  role: z.enum(["manager", "worker"]),
  state: z.string().describe('"ready", "down", "unknown" or "disconnected" (Swarm\'s node states)'),
  availability: z.enum(["active", "pause", "drain"]).describe("drain: its replicas move away and none start there"),
  address: z.string().describe("The address the router and the other nodes reach it on"),
  cpus: z.number(),
  memoryBytes: z.number(),
  runningTasks: z.number().int().describe("Pier's containers running on it now (replicas, one-off runs)"),
  labels: z.record(z.string(), z.string()).describe("Node labels (Swarm), e.g. pier.build=true on a build server"),
  replicas: z.array(nodeReplicaDto).describe("The apps' replicas running on it now"),
});

const RUNTIMES = ["docker", "swarm"] as const;

export const nodeListDto = z.object({
  nodes: z.array(nodeDto),
  runtime: z.enum(RUNTIMES).describe("docker: one machine, nothing to drain; swarm: every node of the swarm"),
});

export const joinCommandDto = z.object({
  command: z.string().describe("What a new machine runs to join the swarm as a worker (holds the join token)"),
});

type NodeDto = z.output<typeof nodeDto>;

export const nodeExample: NodeDto = {
  id: "w2x7k1c0f9r4t8y6u3i5o1p2a",
  name: "node-2",
  role: "worker",
  state: "ready",
  availability: "active",
  address: "10.0.1.12",
  cpus: 4,
  memoryBytes: 8_201_650_176,
  runningTasks: 2,
  labels: {},
  replicas: [
    {
      app: "web",
      deploymentShortId: "k3v9x2m1q8",
      replica: 2,
      container: "pier-web-k3v9x2m1q8-2",
      preview: null,
      pinnedByVolume: false,
    },
    {
      app: "web",
      deploymentShortId: "p0z8y7x6w5",
      replica: 1,
      container: "pier-web-p0z8y7x6w5",
      preview: "login",
      pinnedByVolume: false,
    },
  ],
};

export const nodeListExample: z.output<typeof nodeListDto> = {
  runtime: "swarm",
  nodes: [
    {
      ...nodeExample,
      id: "m1q2w3e4r5t6y7u8i9o0p1a2s",
      name: "node-1",
      role: "manager",
      address: "10.0.1.11",
      runningTasks: 1,
      replicas: [
        {
          app: "web",
          deploymentShortId: "k3v9x2m1q8",
          replica: 1,
          container: "pier-web-k3v9x2m1q8",
          preview: null,
          pinnedByVolume: false,
        },
      ],
    },
    nodeExample,
  ],
};

export const joinCommandExample: z.output<typeof joinCommandDto> = {
  command:
    "docker swarm join --token SWMTKN-1-3pu6hszjas19xyp7ghgosyx9k8atbfcr8p2is99znpy26u2lkl-" +
    "7p73s1dx5in4tatdymyhg9hu2 10.0.1.11:2377",
};
