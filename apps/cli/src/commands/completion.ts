import { COMMON_OPTIONS, parseCommand, requirePositionals, type Command } from "../command.ts";
import { completionScript, completionTable, SHELLS, type Shell } from "../completion.ts";
import { UsageError } from "../errors.ts";
import { printJson } from "../output.ts";
import { didYouMean } from "../suggest.ts";

/**
 * `pier completion <shell>`. Made with the command table it completes (a function, since the table holds this
 * command too), so index.ts can list it without an import cycle.
 */
export function completionCommand(commands: () => readonly Command[]): Command {
  return {
    name: "completion",
    usage: `pier completion ${SHELLS.join("|")} [--json]`,
    summary: "Print a shell completion script (commands, subcommands, options)",
    details: [
      "bash: source <(pier completion bash), or save it as ~/.local/share/bash-completion/completions/pier",
      'zsh:  source <(pier completion zsh), or save it as "$fpath[1]/_pier"',
      "fish: pier completion fish | source, or save it as ~/.config/fish/completions/pier.fish",
    ],
    async run(args) {
      const { values, positionals } = parseCommand("completion", {
        args,
        options: COMMON_OPTIONS,
        allowPositionals: true,
        strict: true,
      });
      const [shell] = requirePositionals("completion", positionals, ["shell"]) as [string];
      if (!(SHELLS as readonly string[]).includes(shell))
        throw new UsageError(
          `no completion for ${shell}${didYouMean(shell, SHELLS) || ": bash, zsh or fish"}`,
          "completion",
        );
      const help = { name: "help", summary: "Show the help, or a command's" };
      const script = completionScript(shell as Shell, completionTable(commands(), [help]));
      if (values.json) return printJson({ shell, script });
      process.stdout.write(script);
    },
  };
}
