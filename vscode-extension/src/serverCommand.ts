/**
 * The command line that starts the server. Pure of the `vscode` module so it can be unit tested.
 */

/**
 * A small heap suits the server (a 10,000-entry logbook needs well under 200 MB), the serial
 * collector keeps memory low on a desktop, and a server that runs out of memory should die and be
 * restarted by the client rather than limp on. The young generation is 40 MB: left to size itself
 * it grew with the old one to 50 MB and more on a large workspace, for no faster answers; started at
 * a third of a 16 MB heap, it promoted what a workspace's start-up index made into an old generation
 * grown by one full collection after another (ten during a large index). The heap starts at 48 MB,
 * the young generation and a little (the measurements are in docs/benchmarks.md).
 *
 * The JVM's own warnings go to stderr: by default it writes them to stdout, which is the protocol's
 * stream, and one warning (`-Xmn` above `-Xms` printed one) made the client drop the connection.
 * The option comes first so that it also covers warnings that `logbook.java.vmargs` causes.
 */
export const DEFAULT_VM_ARGS = ['-Xlog:disable', '-Xlog:all=warning:stderr', '-Xms48m', '-Xmx512m', '-Xmn40m',
  '-XX:+UseSerialGC', '-XX:+ExitOnOutOfMemoryError', '-Xshare:auto'];

export interface ServerCommandOptions {
  java: string;
  jar: string;
  /** The `logbook.java.vmargs` setting: extra VM arguments, after the defaults so they can override them. */
  vmArgs?: string;
  /** When set, the JVM listens for a debugger on this local port (the extension is being debugged). */
  debugPort?: number;
}

export interface ServerCommand {
  command: string;
  args: string[];
}

/**
 * The options that size the heap. When the user's own arguments size it, the defaults' sizes are
 * left out: a later option wins only over the same option, and the default `-Xms48m` with a user's
 * `-Xmx32m` (or `-Xmx512m` with `-Xms1g`) stops the JVM before it starts.
 */
const HEAP_SIZE = /^-(Xm[sxn]|XX:(Initial|Max|Min)HeapSize=|XX:(Max)?NewSize=)/;

export function serverCommand(options: ServerCommandOptions): ServerCommand {
  const user = splitArguments(options.vmArgs ?? '');
  const userSizesHeap = user.some((arg) => HEAP_SIZE.test(arg));
  const args = [...DEFAULT_VM_ARGS.filter((arg) => !(userSizesHeap && HEAP_SIZE.test(arg))), ...user];
  if (options.debugPort !== undefined) {
    args.push(`-agentlib:jdwp=transport=dt_socket,server=y,suspend=n,quiet=y,address=127.0.0.1:${options.debugPort}`);
  }
  args.push('-jar', options.jar, '--stdio');
  return { command: options.java, args };
}

/**
 * Splits a setting such as `-Xmx1g "-Dlog.dir=/tmp/my logs"` the way a shell would for plain
 * words and quotes, without running a shell: the setting can never execute anything.
 */
export function splitArguments(text: string): string[] {
  const args: string[] = [];
  let current = '';
  let quote: string | undefined;
  let started = false;
  for (const char of text) {
    if (quote) {
      if (char === quote) {
        quote = undefined;
      } else {
        current += char;
      }
    } else if (char === '"' || char === "'") {
      quote = char;
      started = true;
    } else if (/\s/.test(char)) {
      if (started) {
        args.push(current);
        current = '';
        started = false;
      }
    } else {
      current += char;
      started = true;
    }
  }
  if (started) {
    args.push(current);
  }
  return args;
}
