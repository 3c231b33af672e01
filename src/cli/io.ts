import { InputError, quoteForMessage } from '../core/errors.js';
import { count } from '../format/numbers.js';

/** Everything a command may touch outside the core, passed in so tests can supply their own. */
export interface CliIo {
  readonly out: { write(text: string): unknown };
  readonly err: { write(text: string): unknown };
  /** Reads a UTF-8 text file; throws the platform error when it cannot. */
  readonly readTextFile: (path: string) => string;
  /** Today's date as YYYY-MM-DD (stamps imported configs). */
  readonly today: () => string;
  /** Milliseconds of a monotonic clock (progress of long runs); absent in tests. */
  readonly now?: () => number;
  /** Shows a one-line progress message on a terminal (null clears it); absent when not a terminal. */
  readonly progress?: (message: string | null) => void;
  /**
   * Writes a UTF-8 text file through a temporary file and a rename, so that a failure never
   * leaves a partial file at `path`; unless `overwrite`, throws an error with code `EEXIST` when
   * `path` exists. Absent where the CLI may not write files.
   */
  readonly writeTextFile?: (path: string, text: string, options: { readonly overwrite: boolean }) => void;
  /** Whether anything exists at `path`. Absent where the CLI may not look at files. */
  readonly fileExists?: (path: string) => boolean;
  /** Whether `path` is a folder. Absent where the CLI may not look at files. */
  readonly isDirectory?: (path: string) => boolean;
  /**
   * HTTP GET of `url`: resolves with the status and body of any answer (also 4xx/5xx), rejects on
   * a network failure or when `signal` aborts (the caller's timeout). Absent where there is no network.
   */
  readonly fetchText?: (url: string, init: { readonly signal: AbortSignal }) => Promise<FetchedText>;
}

/** An HTTP answer: status code and text, and the body as text. */
export interface FetchedText {
  readonly status: number;
  readonly statusText: string;
  readonly body: string;
}

/**
 * The largest input file read by default (a scenario, a config.json): 2 MiB of text, far above
 * 1,000 options, and parsed as YAML within a few seconds.
 */
export const MAX_INPUT_FILE_CHARS = 2 * 2 ** 20;

/**
 * Reads a file named by `field`, turning a failure into a one-line InputError:
 * `invalid --model: cannot read x.json (ENOENT); expected a config.json path`. A file longer than
 * `maxChars` characters (default 2 MiB) or holding NUL bytes (a binary file) is refused before
 * it is parsed, so no input can exhaust memory or flood a message.
 */
export function readInputFile(io: CliIo, field: string, path: string, expected: string, maxChars = MAX_INPUT_FILE_CHARS): string {
  let text: string;
  try {
    text = io.readTextFile(path);
  } catch (e) {
    const reason = e instanceof Error && 'code' in e ? String(e.code) : 'unreadable';
    throw new InputError(field, path, expected, `invalid ${field}: cannot read ${quoteForMessage(path, 200)} (${reason}); expected ${expected}`);
  }
  if (text.length > maxChars) {
    throw new InputError(field, path, expected, `invalid ${field}: ${quoteForMessage(path, 200)} holds ${count(text.length)} characters, more than the ${count(maxChars)} allowed; expected ${expected}`);
  }
  if (text.includes('\u0000')) {
    throw new InputError(field, path, expected, `invalid ${field}: ${quoteForMessage(path, 200)} is a binary file; expected ${expected}`);
  }
  return text;
}

/**
 * A failure of the network or of the server answering (refused, timed out, an HTTP error): not
 * the user's input, so the CLI exits 1 and says "network failure" rather than 2.
 */
export class NetworkError extends Error {
  override readonly name = 'NetworkError';
}

/**
 * The parsed JSON of an input file named by `field` (a flag or an argument): an unreadable,
 * oversized or binary file, or malformed JSON, is an InputError naming the field and the file, in
 * the same words for every command.
 */
export function readJsonInput(io: CliIo, field: string, path: string, expected: string, maxChars = MAX_INPUT_FILE_CHARS): unknown {
  const text = readInputFile(io, field, path, expected, maxChars);
  try {
    return JSON.parse(text) as unknown;
  } catch (e) {
    const reason = (e instanceof Error ? e.message : String(e)).split('\n')[0] ?? '';
    throw new InputError(field, path, expected, `invalid ${field}: ${quoteForMessage(path, 200)} is not valid JSON (${quoteForMessage(reason, 160)}); expected ${expected}`);
  }
}
