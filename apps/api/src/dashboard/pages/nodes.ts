import type { z } from "zod";
import type { nodeDto } from "../../schemas/node.ts";
import { html, type Html } from "../html.ts";
import { cardHead, csrfField, heading, layout, NONE, tableHead, type PageContext } from "../ui.ts";

type NodeView = z.output<typeof nodeDto>;

export interface NodesPageData {
  nodes: NodeView[];
  runtime: "docker" | "swarm";
}

const memory = (bytes: number) => {
  const gib = bytes / 1024 ** 3;
  return gib >= 1 ? `${gib.toFixed(1)} GiB` : `${Math.round(bytes / 1024 ** 2)} MiB`;
};

function stateBadge(state: string): Html {
  return html`<span class="badge ${state === "ready" ? "b-READY" : "b-FAILED"}" data-state="${state}">${state}</span>`;
}

/** Drain (asks first: every replica on it moves) or activate, for a swarm's node. */
function availabilityForm(ctx: PageContext, node: NodeView): Html {
  const action = node.availability === "drain" ? "activate" : "drain";
  const label = action === "drain" ? "Drain" : "Activate";
  const confirm =
    action === "drain"
      ? html`data-confirm="Drain ${node.name}? Its replicas move to the other nodes, and none start there."`
      : "";
  const button = html`<button class="btn sm" type="submit" data-action="${action}">${label}</button>`;
  const url = `/nodes/${encodeURIComponent(node.id)}/${action}`;
  return html`<form method="post" action="${url}" class="inline" ${confirm}>${csrfField(ctx)}${button}</form>`;
}

function replicasTable(node: NodeView): Html {
  if (node.replicas.length === 0)
    return html`<div class="cb muted small" data-empty="replicas">No app replicas run on this node.</div>`;
  const row = (r: NodeView["replicas"][number]) => {
    const deployment = r.deploymentShortId ? html`<span class="sha">${r.deploymentShortId}</span>` : NONE;
    const preview = r.preview ? html` <span class="tag">preview ${r.preview}</span>` : "";
    const pinned = r.pinnedByVolume
      ? html` <span class="tag" title="its volume lives on this node: it stays here">pinned: volume</span>`
      : "";
    const app = html`<a href="/apps/${r.app}"><b>${r.app}</b></a>`;
    return html`<tr data-replica="${r.container}"><td>${app}${preview}${pinned}</td>
      <td>${deployment}</td><td>${String(r.replica)}</td><td class="mono">${r.container}</td></tr>`;
  };
  const head = tableHead(["App", "Deployment", "Replica", "Container"]);
  return html`<table data-table="replicas">${head}<tbody>${node.replicas.map(row)}</tbody></table>`;
}

function nodeCard(ctx: PageContext, node: NodeView, runtime: NodesPageData["runtime"]): Html {
  const role = html`<span class="tag">${node.role}</span>`;
  const availability = html`<span class="tag" data-availability="${node.availability}">${node.availability}</span>`;
  const facts =
    `${node.address} · ${node.cpus} CPU · ${memory(node.memoryBytes)} · ` +
    `${node.runningTasks} task${node.runningTasks === 1 ? "" : "s"} of Pier's`;
  const actions = runtime === "swarm" ? availabilityForm(ctx, node) : "";
  const title = html`<div><b>${node.name}</b> ${role} ${stateBadge(node.state)} ${availability}
    <div class="muted small">${facts}</div></div>`;
  return html`<div class="card" id="node-${node.id}" data-node="${node.name}">
    <div class="ch wrap">${title}<div class="actions">${actions}</div></div>${replicasTable(node)}</div>`;
}

/** The machines apps run on, each with the replicas running on it (Dokploy's can't show this, #281). */
export function nodesPage(ctx: PageContext, data: NodesPageData): string {
  const sub =
    data.runtime === "docker"
      ? html`<span data-runtime="docker">Single Docker: one node. Draining and joining machines need a swarm
        (<code>PIER_RUNTIME=swarm</code>).</span>`
      : html`<span data-runtime="swarm">Every node of the swarm and the replicas on it. Drain a node before taking
        it down: its replicas move to the others.</span>`;
  const cards = data.nodes.map((node) => nodeCard(ctx, node, data.runtime));
  const join =
    data.runtime === "swarm"
      ? html`<div class="card">${cardHead("Add a node", "pier nodes join")}<div class="cb small">
          <code>pier nodes join</code> (or <code>GET /api/nodes/join</code>) prints the command a new machine runs
          to join as a worker.</div></div>`
      : "";
  return layout(ctx, {
    title: "Nodes",
    nav: "nodes",
    body: html`<div class="head">${heading("Nodes", sub)}</div>${cards}${join}`,
  });
}
