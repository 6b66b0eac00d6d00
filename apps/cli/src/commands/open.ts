import { spawn } from "node:child_process";
import { COMMON_OPTIONS, parseCommand, requirePositionals, type Command } from "../command.ts";
import { dim, info, print, printJson } from "../output.ts";

/** What opens a URL here: $BROWSER when set (a program taking the URL), else the system's opener. */
function opener(env: NodeJS.ProcessEnv): { command: string; args: string[] } {
  if (env.BROWSER?.trim()) return { command: env.BROWSER.trim(), args: [] };
  if (process.platform === "darwin") return { command: "open", args: [] };
  if (process.platform === "win32") return { command: "cmd", args: ["/c", "start", '""'] };
  return { command: "xdg-open", args: [] };
}

/** Starts the opener and leaves it running; false when it can't be started (not installed). */
function openInBrowser(url: string, env: NodeJS.ProcessEnv): Promise<{ opened: boolean; command: string }> {
  const { command, args } = opener(env);
  return new Promise((resolve) => {
    const child = spawn(command, [...args, url], { stdio: "ignore", detached: true, env });
    child.once("error", () => resolve({ opened: false, command }));
    child.once("spawn", () => {
      child.unref();
      resolve({ opened: true, command });
    });
  });
}

export const open: Command = {
  name: "open",
  usage: "pier open [app] [--print] [--json]",
  summary: "Open the app's production URL in the browser (--print only prints it)",
  details: [
    "The browser is $BROWSER when set, else open (macOS), start (Windows) or xdg-open. Where none can be",
    "started (a server, a container) the URL is printed, as with --print.",
  ],
  async run(args, context) {
    const { values, positionals } = parseCommand("open", {
      args,
      options: { ...COMMON_OPTIONS, print: { type: "boolean" } },
      allowPositionals: true,
      strict: true,
    });
    const [app] = requirePositionals("open", positionals, ["app"]) as [string];
    const found = await (await context.client()).getApp(app);
    const url = found.url;
    const live = found.productionDeploymentId !== null;
    if (values.print) return values.json ? printJson({ app: found.name, url, live, opened: false }) : print(url);
    const { opened, command } = await openInBrowser(url, context.env);
    if (values.json) return printJson({ app: found.name, url, live, opened });
    print(url);
    if (!opened) info(dim(`no browser to open it with (${command} is not installed): open the URL yourself`));
    if (!live) info(`note: ${found.name} has nothing live yet: pier deploy ${found.name} --wait`);
  },
};
