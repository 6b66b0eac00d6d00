import { COMMON_OPTIONS, parseCommand, requirePositionals, type Command } from "../command.ts";
import { CliError, EXIT, UsageError } from "../errors.ts";
import { bold, dim, info, print, printJson, yellow } from "../output.ts";
import { askOnce } from "../prompt.ts";
import type { ResponseOf } from "../types.ts";

const COMMAND = "apps delete";
/** Removing an app's containers and images takes the engine a while on a busy machine. */
const DELETE_TIMEOUT_MS = 300_000;
/** Older APIs leave images on disk and don't list them. */
type DeletedApp = ResponseOf<"/api/apps/{name}", "delete"> & { removedImages?: string[] };

/** Asks for the app's name on a terminal; without one, only --yes may delete. */
async function confirmDeletion(name: string, volumes: boolean): Promise<void> {
  if (process.stdin.isTTY !== true)
    throw new UsageError(`not deleting ${name}: there is no terminal to confirm on, so pass --yes`, COMMAND);
  const what = volumes ? "its containers, routes, env vars and volumes" : "its containers, routes and env vars";
  info(yellow(`This deletes ${name} with ${what}. It cannot be undone.`, process.stderr));
  const answer = await askOnce(`Type the app's name (${name}) to delete it: `);
  if (answer !== name) throw new CliError(`not deleted: "${answer ?? ""}" is not ${name}`, EXIT.failed);
}

export const appsDelete: Command = {
  name: COMMAND,
  usage: "pier apps delete <name> [--volumes] [--yes] [--json]",
  summary: "Delete an app: containers, routes, env vars, history (volumes too with --volumes)",
  details: [
    "On a terminal it asks for the app's name first; --yes skips that. Without a terminal (a script, CI) it",
    "refuses unless --yes is given. Volumes are kept unless --volumes: their names are printed.",
  ],
  async run(args, context) {
    const { values, positionals } = parseCommand(COMMAND, {
      args,
      options: { ...COMMON_OPTIONS, volumes: { type: "boolean" }, yes: { type: "boolean", short: "y" } },
      allowPositionals: true,
      strict: true,
    });
    const [name] = requirePositionals(COMMAND, positionals, ["name"]) as [string];
    const client = await context.client();
    const path = `/api/apps/${encodeURIComponent(name)}`;
    if (!values.yes) {
      // An unknown app is said before asking anything.
      await client.request<ResponseOf<"/api/apps/{name}", "get">>("GET", path);
      await confirmDeletion(name, values.volumes === true);
    }
    const query = values.volumes ? "?volumes=true" : "";
    const deleting = `${path}${query}`;
    const result = await client.request<DeletedApp>("DELETE", deleting, undefined, DELETE_TIMEOUT_MS);
    if (values.json) return printJson(result);
    const containers = `${result.removedContainers} container${result.removedContainers === 1 ? "" : "s"}`;
    const images = result.removedImages ? `, ${result.removedImages.length} image(s)` : "";
    print(`Deleted ${bold(result.deleted)} (${containers}${images} removed).`);
    if (result.removedVolumes.length) print(dim(`  volumes removed: ${result.removedVolumes.join(", ")}`));
    const kept = result.keptVolumes;
    if (kept.length)
      info(dim(`  volumes kept: ${kept.join(", ")} (remove them: docker volume rm ${kept.join(" ")})`, process.stderr));
  },
};
