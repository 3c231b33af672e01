import { join } from 'node:path';
import { parsePriceCatalog, type ApiPrice, type PriceSnapshot } from '../../../core/catalog/prices.js';
import { InputError, quoteForMessage } from '../../../core/errors.js';
import {
  mergeOpenRouterImports, openRouterHuggingFaceIds, openRouterResponseKind, openRouterSnapshot, parseOpenRouterResponse,
  type ImportSkip, type OpenRouterImport,
} from '../../../core/market/openRouter.js';
import { table } from '../../format.js';
import { count } from '../../../format/numbers.js';
import type { CliIo } from '../../io.js';

/** Shared by `prices import` and `prices pull`: the snapshot to write, reading responses, writing and summing up. */

export const snapshotArgs = {
  'snapshot-id': { type: 'string', description: 'id of the new snapshot: letters, digits, . _ - (default openrouter-DATE)', valueHint: 'id' },
  date: { type: 'string', description: 'the day the prices were fetched, YYYY-MM-DD (default today)', valueHint: 'YYYY-MM-DD' },
  out: { type: 'string', description: 'the snapshot file to write (default prices-SNAPSHOT_ID.json in the current directory)', valueHint: 'path' },
  force: { type: 'boolean', description: 'replace --out when it exists (default: refuse)' },
  strict: { type: 'boolean', description: 'write nothing and exit 2 when any row has an error (default: warn for each and write the good rows)' },
  json: { type: 'boolean', description: 'print the summary as JSON' },
} as const;

export interface SnapshotTarget {
  readonly id: string;
  readonly date: string;
  readonly out: string;
  readonly force: boolean;
  readonly strict: boolean;
  readonly json: boolean;
}

/** The snapshot id, date and file from the flags; refuses an existing file before any work. */
export function snapshotTarget(a: { 'snapshot-id'?: string; date?: string; out?: string; force?: boolean; json?: boolean }, io: CliIo, prefix = 'openrouter'): SnapshotTarget {
  const date = a.date ?? io.today();
  if (!/^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/.test(date)) throw new InputError('--date', date, 'a date YYYY-MM-DD');
  const id = a['snapshot-id'] ?? `${prefix}-${date}`;
  if (!/^[A-Za-z0-9][A-Za-z0-9._-]*$/.test(id)) throw new InputError('--snapshot-id', id, 'letters, digits, ".", "_" and "-"');
  const out = a.out ?? `prices-${id}.json`;
  if (!isCalendarDate(date)) throw new InputError('--date', quoteForMessage(String(date), 40), 'a date YYYY-MM-DD that exists on the calendar');
  if (typeof out !== 'string' || out.trim() === '') throw new InputError('--out', '(empty)', 'the path of a snapshot file to write');
  if (io.isDirectory?.(out) === true) throw new InputError('--out', out, 'a file path', `invalid --out: ${out} is a folder; expected the path of a file to write, e.g. ${join(out, `prices-${id}.json`)}`);
  const force = a.force === true;
  if (!force && io.fileExists?.(out) === true) throw refuseOverwrite(out);
  return { id, date, out, force, strict: (a as { strict?: boolean }).strict === true, json: a.json === true };
}

/** Whether `text` is a YYYY-MM-DD day that exists (2026-02-30 does not). */
function isCalendarDate(text: unknown): text is string {
  if (typeof text !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(text)) return false;
  const [y, m, d] = text.split('-').map(Number) as [number, number, number];
  const day = new Date(Date.UTC(y, m - 1, d));
  return day.getUTCFullYear() === y && day.getUTCMonth() === m - 1 && day.getUTCDate() === d;
}

const refuseOverwrite = (out: string) =>
  new InputError('--out', out, 'a new file', `refusing to overwrite ${out}: it exists; pass --force to replace it, or --out another path`);

/** A response's text, or why there is none: one error for the whole file or URL. */
export type SavedResponse = { readonly source: string; readonly text: string | FileProblem };

export class FileProblem {
  constructor(readonly problem: string) {}
}

/**
 * Parses every response; the `/models` listings go first so that endpoints responses, which carry
 * no `hugging_face_id`, can be mapped by the listing's. Labels of errors and skips name their source.
 */
export function importResponses(texts: readonly SavedResponse[], date: string, baseUrl?: string): OpenRouterImport {
  const parsed = texts.map(({ source, text }) => ({ source, json: typeof text === 'string' ? parseJson(text) : text }));
  const huggingFaceIds = new Map<string, string>();
  for (const p of parsed) for (const [k, v] of openRouterHuggingFaceIds(p.json)) huggingFaceIds.set(k, v);
  const options = { date, huggingFaceIds, ...(baseUrl !== undefined && { baseUrl }) };
  const order = (json: unknown) => (openRouterResponseKind(json) === 'models' ? 0 : 1);
  const sorted = [...parsed].sort((x, y) => order(x.json) - order(y.json));
  return mergeOpenRouterImports(sorted.map(({ source, json }) => {
    const r = json instanceof FileProblem ? { rows: [], errors: [{ row: '(file)', problem: json.problem }], skipped: [] } : parseOpenRouterResponse(json, options);
    const label = <T extends { row: string }>(x: T): T => ({ ...x, row: `${source}: ${x.row}` });
    return { rows: r.rows, errors: r.errors.map(label), skipped: r.skipped.map(label) };
  }));
}

export function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch (e) {
    return new FileProblem(`not valid JSON (${e instanceof Error ? e.message : String(e)})`);
  }
}

/** Validates and writes the snapshot (or refuses when no row was read), then prints the summary. */
export function writeSnapshot(result: OpenRouterImport, target: SnapshotTarget, description: string, sourceCount: number, io: CliIo): void {
  if (target.strict && result.errors.length > 0) {
    for (const e of result.errors) io.err.write(`error: ${quoteForMessage(e.row, 200)}: ${quoteForMessage(e.problem, 200)}\n`);
    throw new InputError('FILE', `${result.errors.length} bad rows`, 'every row valid (--strict)',
      `--strict: ${plural(result.errors.length, 'row')} with errors (listed above); ${target.out} not written`);
  }
  for (const e of result.errors) io.err.write(`warning: ${quoteForMessage(e.row, 200)}: ${quoteForMessage(e.problem, 200)}\n`);
  if (result.rows.length === 0) {
    throw new InputError('FILE', target.out, 'responses with price rows', `nothing to import: no price row in ${plural(sourceCount, 'response')} (${plural(result.errors.length, 'error')}, ${result.skipped.length} skipped); ${target.out} not written`);
  }
  const snapshot = openRouterSnapshot(result.rows, { id: target.id, date: target.date, description });
  const catalog = {
    $comment: `Price snapshot ${target.id}: ${description}; the format of src/core/catalog/prices.json. List it beside the shipped snapshots with: inferonomics prices list --model ID --prices FILE`,
    snapshots: [snapshot],
  };
  parsePriceCatalog(catalog); // a row the catalog would reject is a bug here, never a file to write
  if (io.writeTextFile === undefined) throw new Error('this environment cannot write files');
  warnIfShrinking(target, result, io);
  try {
    io.writeTextFile(target.out, `${JSON.stringify(catalog, null, 2)}\n`, { overwrite: target.force });
  } catch (e) {
    const code = e instanceof Error && 'code' in e ? String(e.code) : '';
    if (code === 'EEXIST') throw refuseOverwrite(target.out);
    throw new InputError('--out', target.out, 'a writable path', `cannot write ${target.out}${code === '' ? '' : ` (${code})`}: ${e instanceof Error ? e.message : String(e)}`);
  }
  io.out.write(target.json ? `${JSON.stringify(importSummary(result, target, snapshot), null, 2)}\n` : renderImport(result, target, sourceCount));
}

/**
 * Replacing a snapshot (--force) with fewer rows than it holds is said loudly on stderr, with how
 * many rows were dropped as errors, so a partly bad input never silently shrinks a snapshot.
 */
function warnIfShrinking(target: SnapshotTarget, result: OpenRouterImport, io: CliIo): void {
  if (!target.force || io.fileExists?.(target.out) !== true) return;
  let before: number;
  try {
    before = parsePriceCatalog(JSON.parse(io.readTextFile(target.out))).reduce((n, s) => n + s.api.length, 0);
  } catch {
    io.err.write(`warning: replacing ${target.out}, which is not a price snapshot file\n`);
    return;
  }
  if (result.rows.length < before) {
    io.err.write(`warning: replacing ${target.out} (${plural(before, 'row')}) with ${plural(result.rows.length, 'row')}` +
      `${result.errors.length > 0 ? `; ${plural(result.errors.length, 'row')} dropped for errors (pass --strict to refuse)` : ''}\n`);
  }
}

const plural = (n: number, noun: string) => `${count(n)} ${noun}${n === 1 ? '' : 's'}`;

function perModel(rows: readonly ApiPrice[]): { model: string; rows: number; providers: string[] }[] {
  const models = [...new Set(rows.map((r) => r.model))].sort();
  return models.map((model) => {
    const of = rows.filter((r) => r.model === model);
    return { model, rows: of.length, providers: [...new Set(of.map((r) => r.provider))].sort() };
  });
}

function importSummary(result: OpenRouterImport, target: SnapshotTarget, snapshot: PriceSnapshot) {
  return { file: target.out, snapshot: { id: snapshot.id, date: snapshot.date }, rows: result.rows.length, models: perModel(result.rows), skipped: result.skipped, errors: result.errors };
}

/** Skip reasons grouped: a repeated row or a variant is counted once per kind, not per id. */
function skipGroups(skipped: readonly ImportSkip[]): string {
  const counts = new Map<string, number>();
  for (const s of skipped) {
    const kind = s.reason.startsWith('repeats ') ? 'repeat of an earlier row' : s.reason.startsWith('variant ') ? 'variant id such as :free' : s.reason;
    counts.set(kind, (counts.get(kind) ?? 0) + 1);
  }
  return [...counts].sort((a, b) => b[1] - a[1]).map(([k, n]) => `${k} (${count(n)})`).join(', ');
}

/** The entries skipped for an unknown size, named one by one (their ids, without the file's row index). */
function unknownSizes(skipped: readonly ImportSkip[]): string[] {
  const names = skipped.filter((s) => s.reason.startsWith('size unknown')).map((s) => /\((.*)\)$/.exec(s.row)?.[1] ?? s.row);
  return names.length === 0 ? [] : [`size unknown (${count(names.length)}, see the size catalog src/core/catalog/openWeightModels.json): ${names.join(', ')}`];
}

function renderImport(result: OpenRouterImport, target: SnapshotTarget, sourceCount: number): string {
  const models = perModel(result.rows);
  const lines = [
    `Wrote ${target.out}: snapshot ${target.id} of ${target.date}, ${count(result.rows.length)} price rows of ${models.length} models from ${plural(sourceCount, target.id.startsWith('genai-prices') ? 'genai-prices file' : 'OpenRouter response')}`,
    '',
    table(models.map((m) => [m.model, count(m.rows), m.providers.join(', ')]), ['model', 'rows', 'providers']),
    `skipped: ${result.skipped.length === 0 ? 'none' : `${count(result.skipped.length)} (${skipGroups(result.skipped)})`}`,
    ...unknownSizes(result.skipped),
    `errors: ${result.errors.length === 0 ? 'none' : `${count(result.errors.length)} warnings, each on stderr; those rows were not imported`}`,
    '',
  ];
  return lines.join('\n');
}

export function parseBaseUrl(raw: string, flag = '--base-url'): string {
  let url: URL | undefined;
  try {
    url = new URL(raw);
  } catch {
    url = undefined;
  }
  if (url === undefined || (url.protocol !== 'http:' && url.protocol !== 'https:')) throw new InputError(flag, raw, 'an http(s) URL such as https://openrouter.ai/api/v1');
  return raw.replace(/\/+$/, '');
}
