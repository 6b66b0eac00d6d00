import { COMMON_OPTIONS, parseCommand, requirePositionals, type Command } from "../command.ts";
import { dim, green, info, print, printJson, red, table, yellow } from "../output.ts";
import type { NodeDto } from "../types.ts";

/** Bytes as "7.6 GiB" / "512 MiB". */
function memory(bytes: number): string {
  const gib = bytes / 1024 ** 3;
  return gib >= 1 ? `${gib.toFixed(1)} GiB` : `${Math.round(bytes / 1024 ** 2)} MiB`;
}

const stateColor = (state: string) => (state === "ready" ? green(state) : red(state));
const availabilityColor = (availability: string) => (availability === "active" ? availability : yellow(availability));

export const nodes: Command = {
  name: "nodes",
  usage: "pier nodes [--json]",
  summary: "The machines apps run on: role, state, availability, address, CPU, memory, Pier's tasks on each",
  details: [
    "Single Docker (PIER_RUNTIME=docker) is one node; on Swarm, every node of the swarm.",
    "--json also lists the replicas running on each node (app, deployment, replica, container).",
  ],
  async run(args, context) {
    const { values } = parseCommand("nodes", { args, options: COMMON_OPTIONS, strict: true });
    const result = await (await context.client()).listNodes();
    if (values.json) return printJson(result);
    print(
      table(
        ["NAME", "ROLE", "STATE", "AVAILABILITY", "ADDRESS", "CPU", "MEMORY", "TASKS"],
        result.nodes.map((n: NodeDto) => [
          n.name,
          n.role,
          stateColor(n.state),
          availabilityColor(n.availability),
          n.address,
          String(n.cpus),
          memory(n.memoryBytes),
          String(n.runningTasks),
        ]),
      ),
    );
    if (result.runtime === "docker")
      info(dim("Single Docker: one node. Drain and join need PIER_RUNTIME=swarm.", process.stderr));
  },
};

function availabilityCommand(action: "drain" | "activate", summary: string, done: string): Command {
  return {
    name: `nodes ${action}`,
    usage: `pier nodes ${action} <id|name> [--json]`,
    summary,
    async run(args, context) {
      const { values, positionals } = parseCommand(`nodes ${action}`, {
        args,
        options: COMMON_OPTIONS,
        allowPositionals: true,
        strict: true,
      });
      const [node] = requirePositionals(`nodes ${action}`, positionals, ["id|name"]) as [string];
      const result = await (await context.client()).setNodeAvailability(node, action);
      if (values.json) return printJson(result);
      print(`${result.node.name} (${result.node.id}) is ${result.node.availability}: ${done}`);
    },
  };
}

export const nodesDrain = availabilityCommand(
  "drain",
  "Drain a node: its replicas move to the other nodes, none start there (Swarm; admin scope)",
  "its replicas move to the other nodes.",
);

export const nodesActivate = availabilityCommand(
  "activate",
  "Make a drained node active again: it runs replicas again (Swarm; admin scope)",
  "new replicas may be placed on it.",
);

export const nodesJoin: Command = {
  name: "nodes join",
  usage: "pier nodes join [--json]",
  summary: "Print the command a new machine runs to join the swarm as a worker (Swarm; admin scope)",
  details: ["It holds the swarm's worker join token: keep it as you would a password."],
  async run(args, context) {
    const { values } = parseCommand("nodes join", { args, options: COMMON_OPTIONS, strict: true });
    const result = await (await context.client()).nodeJoinCommand();
    if (values.json) return printJson(result);
    print(result.command);
  },
};
