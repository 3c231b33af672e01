import { randomBytes } from 'node:crypto';
import { closeSync, existsSync, fsyncSync, linkSync, openSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { defineCommand, renderUsage, runCommand, type CommandDef } from 'citty';
import { InputError, quoteForMessage } from '../core/errors.js';
import { NetworkError } from './io.js';
import { fitCommand } from './commands/fit.js';
import { validateCommand } from './commands/validate.js';
import { calibrateCommand } from './commands/calibrate.js';
import { perfCommand } from './commands/perf.js';
import { frontierCommand } from './commands/frontier.js';
import { reportCommand } from './commands/report.js';
import { reproduceCommand } from './commands/reproduce.js';
import { pricesCommand } from './commands/prices.js';
import { marketCommand } from './commands/market.js';
import { simulateCommand } from './commands/simulate.js';
import { subscriptionCommand } from './commands/subscription.js';
import { labCommand } from './commands/lab.js';
import { uncertaintyCommand } from './commands/uncertainty.js';
import type { CliIo } from './io.js';

/** The package's version, read from its package.json (two folders up from src/cli and from dist/cli). */
export function packageVersion(): string {
  const { version } = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };
  return version;
}

/** The command tree: every subcommand with its flags (the help test walks it). */
export function rootCommand(io: CliIo) {
  return defineCommand({
    meta: { name: 'inferonomics', version: packageVersion(), description: 'Does it make money to serve LLM tokens? Physics of serving joined to the money.' },
    subCommands: { report: reportCommand(io), reproduce: reproduceCommand(io), market: marketCommand(io), simulate: simulateCommand(io), subscription: subscriptionCommand(io), lab: labCommand(io), uncertainty: uncertaintyCommand(io), fit: fitCommand(io), perf: perfCommand(io), frontier: frontierCommand(io), validate: validateCommand(io), calibrate: calibrateCommand(io), prices: pricesCommand(io) },
  });
}

export const nodeIo = (out: CliIo['out'], err: CliIo['err']): CliIo => ({
  out,
  err,
  readTextFile: (path) => readFileSync(path, 'utf8'),
  today: () => new Date().toISOString().slice(0, 10),
  writeTextFile: (path, text, { overwrite }) => writeTextFileAtomically(path, text, overwrite),
  fileExists: (path) => existsSync(path),
  isDirectory: (path) => statSync(path, { throwIfNoEntry: false })?.isDirectory() === true,
  now: () => performance.now(),
  ...((err as { isTTY?: boolean }).isTTY === true && {
    progress: (message: string | null) => err.write(message === null ? '\r\x1b[K' : `\r\x1b[K${quoteForMessage(message, 160)}`),
  }),
  fetchText: async (url, { signal }) => {
    const response = await fetch(url, { signal, headers: { accept: 'application/json' } });
    return { status: response.status, statusText: response.statusText, body: await response.text() };
  },
});

/** Temporary files being written, removed if the process ends on a signal before they are moved into place. */
const pendingTemporaries = new Set<string>();
let signalHandlersInstalled = false;

/** Removes pending temporary files on SIGINT, SIGTERM and SIGHUP, then ends as the signal would. */
function removeTemporariesOnSignals(): void {
  if (signalHandlersInstalled) return;
  signalHandlersInstalled = true;
  const codes: Record<string, number> = { SIGINT: 130, SIGTERM: 143, SIGHUP: 129 };
  for (const [signal, code] of Object.entries(codes)) {
    process.once(signal, () => {
      for (const path of pendingTemporaries) rmSync(path, { force: true });
      process.exit(code);
    });
  }
  process.once('exit', () => {
    for (const path of pendingTemporaries) rmSync(path, { force: true });
  });
}

/**
 * Writes `text` to a synced temporary file beside `path` (a random name, so a stale file of an
 * earlier killed run never blocks this one), then moves it into place: a rename, or, when
 * `overwrite` is false, a hard link, which fails with EEXIST if `path` appeared meanwhile; then
 * syncs the folder so the new name survives a crash. The temporary file is removed on every
 * path out, signals included.
 */
function writeTextFileAtomically(path: string, text: string, overwrite: boolean): void {
  removeTemporariesOnSignals();
  const temporary = join(dirname(path), `.${basename(path)}.${randomBytes(8).toString('hex')}.tmp`);
  const fd = openSync(temporary, 'wx');
  pendingTemporaries.add(temporary);
  try {
    try {
      writeFileSync(fd, text);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    if (overwrite) renameSync(temporary, path);
    else linkSync(temporary, path);
    syncFolder(dirname(path));
  } finally {
    rmSync(temporary, { force: true });
    pendingTemporaries.delete(temporary);
  }
}

/** fsync of a folder, so a rename in it is durable; a platform that cannot sync folders is let be. */
function syncFolder(folder: string): void {
  let fd: number | undefined;
  try {
    fd = openSync(folder, 'r');
    fsyncSync(fd);
  } catch {
    // Some platforms and file systems refuse to open or sync a folder; the file itself is synced.
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/**
 * The one exit point: runs a command, turns every input error into one line on stderr and exit
 * code 2, and any other failure into exit code 1. Returns the exit code.
 */
export async function run(argv: readonly string[], given: CliIo): Promise<number> {
  const io = clearingProgress(given);
  const root = rootCommand(io);
  const subCommands = (root.subCommands ?? {}) as Record<string, CommandDef>;
  const [name, ...rest] = argv;
  // Colour codes only on a terminal: a pipe or a file gets plain text.
  const plain = (text: string) => ((io.out as { isTTY?: boolean }).isTTY === true ? text : stripAnsi(text));
  try {
    if (name === undefined) {
      io.err.write(`${stripAnsi(await renderUsage(root))}\ninferonomics: no command given; expected one of ${Object.keys(subCommands).join(', ')}\n`);
      return 2;
    }
    if (name === '--help' || name === '-h') {
      io.out.write(`${plain(await renderUsage(root))}\n`);
      return 0;
    }
    if (name === '--version') {
      io.out.write(`${packageVersion()}\n`);
      return 0;
    }
    const sub = subCommands[name];
    if (sub === undefined) {
      throw new InputError('command', name, `one of ${Object.keys(subCommands).join(', ')}`);
    }
    if (rest.includes('--help') || rest.includes('-h')) {
      io.out.write(`${plain(await helpOf(sub, [name], rest))}\n`);
      return 0;
    }
    await runCommand(sub, { rawArgs: rest });
    return 0;
  } catch (e) {
    io.progress?.(null);
    if (e instanceof InputError || (e instanceof Error && e.name === 'CLIError')) {
      io.err.write(`inferonomics: ${safeMessage(e.message)}\n`);
      return 2;
    }
    if (e instanceof NetworkError) {
      io.err.write(`inferonomics: network failure: ${safeMessage(e.message)}\n`);
      return 1;
    }
    io.err.write(`inferonomics: internal error (please report it): ${safeMessage(e instanceof Error ? e.message : String(e))}\n`);
    return 1;
  }
}

/**
 * The usage of the deepest subcommand that `args` name before their first flag
 * (`prices import --help` is the usage of `prices import`, with its own flags), titled by its
 * full path.
 */
async function helpOf(command: CommandDef, path: readonly string[], args: readonly string[]): Promise<string> {
  const [next, ...rest] = args;
  const subs = (command.subCommands ?? {}) as Record<string, CommandDef>;
  const sub = next === undefined ? undefined : subs[next];
  if (sub !== undefined && next !== undefined) return helpOf(sub, [...path, next], rest);
  return renderUsage(command, { meta: { name: ['inferonomics', ...path.slice(0, -1)].join(' '), version: packageVersion() } });
}

/**
 * The io with its progress line cleared before any output, so that a command shows progress and
 * prints its result without clearing the line itself.
 */
function clearingProgress(io: CliIo): CliIo {
  const progress = io.progress;
  if (progress === undefined) return io;
  let shown = false;
  const clear = () => {
    if (shown) progress(null);
    shown = false;
  };
  return {
    ...io,
    out: Object.assign(Object.create(io.out) as CliIo['out'], { write: (text: string) => (clear(), io.out.write(text)) }),
    err: Object.assign(Object.create(io.err) as CliIo['err'], { write: (text: string) => (clear(), io.err.write(text)) }),
    progress: (message: string | null) => {
      shown = message !== null;
      progress(message);
    },
  };
}

// eslint-disable-next-line no-control-regex
const ANSI = /\x1b\[[0-9;]*[A-Za-z]/g;
function stripAnsi(text: string): string {
  return text.replace(ANSI, '');
}

/** Problems a message may list, and characters each line may have, before it is cut. */
const MAX_MESSAGE_LINES = 60;
const MAX_LINE_CHARS = 400;

/** A message fit for a terminal: control characters escaped, long lines and long lists cut. */
function safeMessage(message: string): string {
  const lines = message.split('\n').map((line) => quoteForMessage(line, MAX_LINE_CHARS));
  return lines.length > MAX_MESSAGE_LINES ? [...lines.slice(0, MAX_MESSAGE_LINES), `... and ${lines.length - MAX_MESSAGE_LINES} more`].join('\n') : lines.join('\n');
}

/**
 * Ends quietly (exit 0) when the reader of stdout or stderr goes away (`... | head -1`): the
 * output nobody reads is not an error.
 */
function quietOnBrokenPipe(stream: unknown): void {
  const s = stream as { on?: (event: string, f: (e: NodeJS.ErrnoException) => void) => void };
  s.on?.('error', (e) => {
    if (e.code === 'EPIPE') process.exit(0);
    throw e;
  });
}

export async function main(argv: string[], out: CliIo['out'], err: CliIo['err']): Promise<number> {
  quietOnBrokenPipe(out);
  quietOnBrokenPipe(err);
  return run(argv, nodeIo(out, err));
}
