/** The shape of a CLI command (the table is in commands.ts; each command's code in commands/). */
/** What a running command is told of itself (for its usage messages). */
export interface CommandContext {
  name: string;
  usage: string;
}

export type CommandRun = (args: string[], ctx: CommandContext) => Promise<number>;

export interface Command {
  usage: string;
  description: string;
  /** Loads the command; its run returns the exit code, or -1 to keep running (servers). */
  load(): Promise<CommandRun>;
}
