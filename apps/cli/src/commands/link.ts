import { COMMON_OPTIONS, parseCommand, requirePositionals, type Command } from "../command.ts";
import { CliError, EXIT, type ExitCode } from "../errors.ts";
import { findLink, LINK_FILE, removeLink, writeLink } from "../link-store.ts";
import { bold, dim, print, printJson } from "../output.ts";

export const link: Command = {
  name: "link",
  usage: "pier link [app] [--json]",
  summary: "Make this directory remember its app: commands run here (or below) then need no app name",
  details: [
    `Writes ${LINK_FILE} here (the build leaves .pier/ out of the image). Without [app], shows the link in force.`,
    "The app must exist: the name is checked with the API first. An app name given on the command line wins.",
  ],
  async run(args, context) {
    const { values, positionals } = parseCommand("link", {
      args,
      options: COMMON_OPTIONS,
      allowPositionals: true,
      strict: true,
    });
    if (positionals.length === 0) return showLink(values.json === true);
    const [app] = requirePositionals("link", positionals, ["name"]) as [string];
    const found = await (await context.client()).getApp(app);
    const path = await writeLink(process.cwd(), found.name);
    if (values.json) return printJson({ app: found.name, path });
    print(`Linked ${process.cwd()} to ${bold(found.name)}: pier deploy, logs, env… here need no app name now.`);
    print(dim(`Saved in ${path}; pier unlink forgets it.`));
  },
};

/** The link in force; exit 5 when there is none (with --json, after printing a null app). */
function showLink(json: boolean): ExitCode {
  const found = findLink();
  if (json) printJson(found ?? { app: null, path: null });
  else if (found) print(`${bold(found.app)} ${dim(`(from ${found.path})`)}`);
  else throw new CliError("no app linked here or above: pier link <app>", EXIT.notFound);
  return found ? EXIT.ok : EXIT.notFound;
}

export const unlink: Command = {
  name: "unlink",
  usage: "pier unlink [--json]",
  summary: "Forget the app linked to this directory (or the one above it that has the link)",
  async run(args) {
    const { values, positionals } = parseCommand("unlink", {
      args,
      options: COMMON_OPTIONS,
      allowPositionals: true,
      strict: true,
    });
    requirePositionals("unlink", positionals, []);
    const found = findLink();
    if (!found) throw new CliError("no app linked here or above: nothing to forget", EXIT.notFound);
    await removeLink(found);
    if (values.json) return printJson(found);
    print(`Unlinked ${found.app} (removed ${found.path}).`);
  },
};
