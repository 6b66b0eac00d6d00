import { COMMON_OPTIONS, parseCommand, parseLimit, requirePositionals, type Command } from "../command.ts";
import { UsageError } from "../errors.ts";
import { age, bold, dim, info, print, printJson, table, truncate } from "../output.ts";
import type { BodyOf, ResponseOf } from "../types.ts";

type CreateChannelInput = BodyOf<"/api/notifications", "post">;
type Format = CreateChannelInput["format"];
type ChannelDto = ResponseOf<"/api/notifications", "get">["channels"][number];
type DeliveryDto = ResponseOf<"/api/notifications/{id}/test", "post">;

const FORMATS: readonly Format[] = ["json", "slack", "discord"] satisfies Format[];
const channelPath = (id: string) => `/api/notifications/${encodeURIComponent(id)}`;
/** `--event a --event b` and `--event a,b` both. */
const listOf = (given: string[] | undefined) => (given ?? []).flatMap((each) => each.split(",")).filter(Boolean);
const allIfEmpty = (list: string[], all: string) => (list.length ? list.join(", ") : all);

export const notifications: Command = {
  name: "notifications",
  usage: "pier notifications [--json]",
  summary: "List notification channels: where alerts and deploy events go",
  async run(args, context) {
    const { values, positionals } = parseCommand("notifications", {
      args,
      options: COMMON_OPTIONS,
      allowPositionals: true,
      strict: true,
    });
    requirePositionals("notifications", positionals, []);
    const result = await (await context.client()).request<ResponseOf<"/api/notifications", "get">>(
      "GET",
      "/api/notifications",
    );
    if (values.json) return printJson(result);
    if (result.channels.length === 0)
      return print("No notification channels: add one with pier notifications add <url> --format json");
    print(
      table(
        ["ID", "FORMAT", "URL", "EVENTS", "APPS", "CREATED"],
        result.channels.map((c: ChannelDto) => [
          c.id,
          c.format,
          truncate(c.url, 50),
          allIfEmpty(c.events, "all"),
          allIfEmpty(c.apps, "every app"),
          age(c.createdAt),
        ]),
      ),
    );
  },
};

export const notificationsAdd: Command = {
  name: "notifications add",
  usage: "pier notifications add <url> --format json|slack|discord [--event EVENT]... [--app APP]... [--json]",
  summary: "Add a notification channel (its signing secret is shown once)",
  details: [
    "Without --event it gets every event (deployment.ready, deployment.failed, app.down, …); without --app, every",
    "app's. Both may be repeated or comma-separated. JSON deliveries are signed (X-Pier-Signature-256).",
  ],
  async run(args, context) {
    const { values, positionals } = parseCommand("notifications add", {
      args,
      options: {
        ...COMMON_OPTIONS,
        format: { type: "string" },
        event: { type: "string", multiple: true },
        app: { type: "string", multiple: true },
      },
      allowPositionals: true,
      strict: true,
    });
    const [url] = requirePositionals("notifications add", positionals, ["url"]) as [string];
    const format = values.format as Format | undefined;
    if (!format || !FORMATS.includes(format))
      throw new UsageError(
        `--format must be json, slack or discord${format ? `, not "${format}"` : ""}`,
        "notifications add",
      );
    const input = { url, format, events: listOf(values.event), apps: listOf(values.app) } as CreateChannelInput;
    const created = await (await context.client()).request<ResponseOf<"/api/notifications", "post">>(
      "POST",
      "/api/notifications",
      input,
    );
    if (values.json) return printJson(created);
    info(`Added channel ${bold(created.id, process.stderr)} (${created.format} to ${created.url}).`);
    info(`Events: ${allIfEmpty(created.events, "all")}; apps: ${allIfEmpty(created.apps, "every app")}.`);
    info("Its signing secret, shown only this once:");
    print(created.secret);
    info(dim(`Try it: pier notifications test ${created.id}`, process.stderr));
  },
};

export const notificationsRemove: Command = {
  name: "notifications rm",
  usage: "pier notifications rm <id> [--json]",
  summary: "Remove a notification channel and its delivery history",
  async run(args, context) {
    const { values, positionals } = parseCommand("notifications rm", {
      args,
      options: COMMON_OPTIONS,
      allowPositionals: true,
      strict: true,
    });
    const [id] = requirePositionals("notifications rm", positionals, ["id"]) as [string];
    const removed = await (await context.client()).request<ResponseOf<"/api/notifications/{id}", "delete">>(
      "DELETE",
      channelPath(id),
    );
    if (values.json) return printJson(removed);
    print(`Removed channel ${removed.id} (${removed.format} to ${removed.url}).`);
  },
};

function describeDelivery(d: DeliveryDto): string {
  const answer = d.responseStatus === null ? "" : `, answered ${d.responseStatus}`;
  const error = d.lastError ? `: ${d.lastError}` : "";
  return `${d.event} ${d.status} after ${d.attempts} attempt${d.attempts === 1 ? "" : "s"}${answer}${error}`;
}

export const notificationsTest: Command = {
  name: "notifications test",
  usage: "pier notifications test <id> [--json]",
  summary: "Send the test event (channel.test) to a channel",
  async run(args, context) {
    const { values, positionals } = parseCommand("notifications test", {
      args,
      options: COMMON_OPTIONS,
      allowPositionals: true,
      strict: true,
    });
    const [id] = requirePositionals("notifications test", positionals, ["id"]) as [string];
    const delivery = await (await context.client()).request<DeliveryDto>("POST", `${channelPath(id)}/test`);
    if (values.json) return printJson(delivery);
    print(`Queued a test delivery ${delivery.id} to channel ${id}.`);
    info(dim(`Its outcome: pier notifications deliveries ${id}`, process.stderr));
  },
};

export const notificationsDeliveries: Command = {
  name: "notifications deliveries",
  usage: "pier notifications deliveries <id> [--limit N] [--json]",
  summary: "A channel's deliveries, newest first: status, attempts, the receiver's answer",
  async run(args, context) {
    const { values, positionals } = parseCommand("notifications deliveries", {
      args,
      options: { ...COMMON_OPTIONS, limit: { type: "string", short: "n" } },
      allowPositionals: true,
      strict: true,
    });
    const [id] = requirePositionals("notifications deliveries", positionals, ["id"]) as [string];
    const limit = parseLimit(values.limit, { fallback: 20, max: 500, command: "notifications deliveries" });
    const result = await (await context.client()).request<ResponseOf<"/api/notifications/{id}/deliveries", "get">>(
      "GET",
      `${channelPath(id)}/deliveries?limit=${limit}`,
    );
    if (values.json) return printJson(result);
    if (result.deliveries.length === 0) return print(`No deliveries to channel ${id} yet.`);
    for (const d of result.deliveries) print(`${dim(age(d.createdAt).padStart(4))}  ${describeDelivery(d)}`);
  },
};
