import { defineCommand } from 'citty';
import { parse as parseYaml } from 'yaml';
import { ACCELERATORS } from '../../core/catalog/accelerators.js';
import { closestIds, findById } from '../../core/catalog/lookup.js';
import { MODELS } from '../../core/catalog/models.js';
import { PRICE_SNAPSHOTS, parsePriceCatalog, type ApiPrice, type GpuRentalPrice, type PriceSnapshot } from '../../core/catalog/prices.js';
import { InputError, quoteForMessage } from '../../core/errors.js';
import { join } from 'node:path';
import {
  OPENROUTER_API_BASE_URL, mergeOpenRouterImports, openRouterHuggingFaceIds, openRouterResponseKind, openRouterSnapshot,
  parseOpenRouterResponse, type ImportSkip, type OpenRouterImport,
} from '../../core/market/openRouter.js';
import { GENAI_PRICES_BASE_URL, parseGenaiPricesProvider } from '../../core/market/genaiPrices.js';
import { openRouterIdsToFetch } from '../../core/market/openRouterIds.js';
import { parseNumber, rejectUnknownFlags } from '../args.js';
import { pricesRealisedCommand } from './pricesRealised.js';
import { formatInt, table } from '../format.js';
import { NetworkError, readInputFile, type CliIo, type FetchedText } from '../io.js';

const snapshotArgs = {
  'snapshot-id': { type: 'string', description: 'id of the new snapshot: letters, digits, . _ - (default openrouter-DATE)', valueHint: 'id' },
  date: { type: 'string', description: 'the day the prices were fetched, YYYY-MM-DD (default today)', valueHint: 'YYYY-MM-DD' },
  out: { type: 'string', description: 'the snapshot file to write (default prices-SNAPSHOT_ID.json in the current directory)', valueHint: 'path' },
  force: { type: 'boolean', description: 'replace --out when it exists (default: refuse)' },
  strict: { type: 'boolean', description: 'write nothing and exit 2 when any row has an error (default: warn for each and write the good rows)' },
  json: { type: 'boolean', description: 'print the summary as JSON' },
} as const;

const importArgs = {
  file: { type: 'positional', required: true, description: 'saved OpenRouter responses of GET /api/v1/models and /api/v1/models/{author}/{slug}/endpoints (JSON), or pydantic/genai-prices provider files (.yml), one or more', valueHint: 'FILE...' },
  'source-base-url': { type: 'string', description: `for genai-prices files: the rows' source is this URL plus the provider file's name (default ${GENAI_PRICES_BASE_URL})`, valueHint: 'url' },
  ...snapshotArgs,
} as const;

const pullArgs = {
  'base-url': { type: 'string', description: `the OpenRouter API (default ${OPENROUTER_API_BASE_URL})`, valueHint: 'url' },
  models: { type: 'string', description: 'comma-separated catalog ids or OpenRouter ids whose per-provider endpoints to fetch (default: every listed model of the model catalog)', valueHint: 'id,id' },
  'timeout-seconds': { type: 'string', description: 'limit for each request, seconds (default 20)', valueHint: 's' },
  ...snapshotArgs,
} as const;

const listArgs = {
  model: { type: 'string', description: 'a model id (catalog id, alias, or proprietary id such as claude-sonnet-4.5)', valueHint: 'id' },
  gpu: { type: 'string', description: 'an accelerator id (h100-sxm, h200, b200, ...)', valueHint: 'id' },
  prices: { type: 'string', description: 'a snapshot file written by prices import/pull, listed beside the shipped snapshots', valueHint: 'file' },
  json: { type: 'boolean', description: 'print the rows as JSON' },
} as const;

/** The `prices` command: import OpenRouter prices into a snapshot file, fetch them live, list price history. */
export function pricesCommand(io: CliIo) {
  return defineCommand({
    meta: { name: 'prices', description: 'Price snapshots: import saved OpenRouter responses, pull them live, list how a price moved' },
    subCommands: {
      realised: pricesRealisedCommand(io),
      import: defineCommand({
        meta: { name: 'import', description: 'Write a price snapshot from saved OpenRouter API responses or pydantic/genai-prices provider files' },
        args: importArgs,
        run({ args: a, rawArgs }) {
          rejectUnknownFlags(rawArgs, importArgs);
          const files = a._.length > 0 ? a._ : [a.file];
          const isYaml = (f: string) => /\.ya?ml$/i.test(f);
          const genai = files.filter(isYaml);
          const openRouter = files.filter((f) => !isYaml(f));
          const target = snapshotTarget(a, io, openRouter.length === 0 ? 'genai-prices' : 'openrouter');
          const baseUrl = a['source-base-url'] === undefined ? undefined : parseBaseUrl(a['source-base-url'], '--source-base-url') + '/';
          const nameOf = (f: string) => f.split(/[\\/]/).pop() ?? f;
          const parts = [
            ...(openRouter.length > 0 ? [`OpenRouter public API responses of ${target.date} (${openRouter.map(nameOf).join(', ')}): GET /api/v1/models listing prices (role aggregator) and GET /api/v1/models/{author}/{slug}/endpoints per-provider prices`] : []),
            ...(genai.length > 0 ? [`pydantic/genai-prices provider files (${genai.map(nameOf).join(', ')}), each model dated by its prices_checked or else ${target.date}`] : []),
          ];
          const description = `${parts.join('; ')}; written by inferonomics prices import`;
          const imports = [
            ...(openRouter.length > 0 ? [importResponses(openRouter.map((file) => ({ source: file, text: readSaved(file, io) })), target.date)] : []),
            ...genai.map((file) => importGenaiPrices(file, readSaved(file, io), target.date, baseUrl)),
          ];
          writeSnapshot(mergeOpenRouterImports(imports), target, description, files.length, io);
        },
      }),
      pull: defineCommand({
        meta: { name: 'pull', description: 'Fetch OpenRouter\'s public prices (GET /models and per-model /endpoints) into a price snapshot' },
        args: pullArgs,
        async run({ args: a, rawArgs }) {
          rejectUnknownFlags(rawArgs, pullArgs);
          const target = snapshotTarget(a, io);
          const baseUrl = parseBaseUrl(a['base-url'] ?? OPENROUTER_API_BASE_URL);
          const timeoutSeconds = a['timeout-seconds'] === undefined ? 20 : parseNumber('--timeout-seconds', a['timeout-seconds'], 0.01, 600);
          const wanted = a.models === undefined ? undefined : a.models.split(',');
          const { pages, endpoints } = await pullResponses(io, baseUrl, timeoutSeconds, wanted);
          const description = `OpenRouter public API fetched on ${target.date} from ${baseUrl}: GET /models listing prices (role aggregator) and GET /models/{author}/{slug}/endpoints per-provider prices of ${endpoints.length} models; written by inferonomics prices pull`;
          const responses = [...pages, ...endpoints];
          writeSnapshot(importResponses(responses, target.date, baseUrl), target, description, responses.length, io);
        },
      }),
      list: defineCommand({
        meta: { name: 'list', description: 'The price rows of one model or GPU in every snapshot, by date: how a price moved' },
        args: listArgs,
        run({ args: a, rawArgs }) {
          rejectUnknownFlags(rawArgs, listArgs);
          const snapshots = [...PRICE_SNAPSHOTS, ...(a.prices === undefined ? [] : readSnapshotFile(a.prices, io))];
          if ((a.model === undefined) === (a.gpu === undefined)) throw new InputError('--model/--gpu', a.model ?? a.gpu ?? '(neither)', 'exactly one of --model or --gpu');
          const listing = a.model !== undefined ? modelHistory(a.model, snapshots) : gpuHistory(a.gpu ?? '', snapshots);
          io.out.write(a.json ? `${JSON.stringify(listing.json, null, 2)}\n` : listing.text);
        },
      }),
    },
  });
}

interface SnapshotTarget {
  readonly id: string;
  readonly date: string;
  readonly out: string;
  readonly force: boolean;
  readonly strict: boolean;
  readonly json: boolean;
}

/** The snapshot id, date and file from the flags; refuses an existing file before any work. */
function snapshotTarget(a: { 'snapshot-id'?: string; date?: string; out?: string; force?: boolean; json?: boolean }, io: CliIo, prefix = 'openrouter'): SnapshotTarget {
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
type SavedResponse = { readonly source: string; readonly text: string | FileProblem };

class FileProblem {
  constructor(readonly problem: string) {}
}

/** A saved response's text, or the reason it could not be read. */
function readSaved(file: string, io: CliIo): string | FileProblem {
  try {
    return readInputFile(io, 'FILE', file, 'a saved OpenRouter response', 64 * 2 ** 20);
  } catch (e) {
    return new FileProblem(e instanceof Error ? e.message : String(e));
  }
}

/**
 * Parses every response; the `/models` listings go first so that endpoints responses, which carry
 * no `hugging_face_id`, can be mapped by the listing's. Labels of errors and skips name their source.
 */
function importResponses(texts: readonly SavedResponse[], date: string, baseUrl?: string): OpenRouterImport {
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

/** One genai-prices provider file: read as YAML and parsed; an unreadable or non-YAML file is one error naming it. */
function importGenaiPrices(file: string, text: string | FileProblem, date: string, baseUrl?: string): OpenRouterImport {
  const name = file.split(/[\\/]/).pop() ?? file;
  const fail = (problem: string): OpenRouterImport => ({ rows: [], errors: [{ row: `${file}: (file)`, problem }], skipped: [] });
  if (text instanceof FileProblem) return fail(text.problem);
  let json: unknown;
  try {
    json = parseYaml(text);
  } catch (e) {
    return fail(`not valid YAML (${(e instanceof Error ? e.message : String(e)).split('\n')[0] ?? ''})`);
  }
  return parseGenaiPricesProvider(json, { file: name, date, ...(baseUrl !== undefined && { baseUrl }) });
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch (e) {
    return new FileProblem(`not valid JSON (${e instanceof Error ? e.message : String(e)})`);
  }
}

/** Validates and writes the snapshot (or refuses when no row was read), then prints the summary. */
function writeSnapshot(result: OpenRouterImport, target: SnapshotTarget, description: string, sourceCount: number, io: CliIo): void {
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

const plural = (n: number, noun: string) => `${formatInt(n)} ${noun}${n === 1 ? '' : 's'}`;

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
  return [...counts].sort((a, b) => b[1] - a[1]).map(([k, n]) => `${k} (${formatInt(n)})`).join(', ');
}

/** The entries skipped for an unknown size, named one by one (their ids, without the file's row index). */
function unknownSizes(skipped: readonly ImportSkip[]): string[] {
  const names = skipped.filter((s) => s.reason.startsWith('size unknown')).map((s) => /\((.*)\)$/.exec(s.row)?.[1] ?? s.row);
  return names.length === 0 ? [] : [`size unknown (${formatInt(names.length)}, see the size catalog src/core/catalog/openWeightModels.json): ${names.join(', ')}`];
}

function renderImport(result: OpenRouterImport, target: SnapshotTarget, sourceCount: number): string {
  const models = perModel(result.rows);
  const lines = [
    `Wrote ${target.out}: snapshot ${target.id} of ${target.date}, ${formatInt(result.rows.length)} price rows of ${models.length} models from ${plural(sourceCount, target.id.startsWith('genai-prices') ? 'genai-prices file' : 'OpenRouter response')}`,
    '',
    table(models.map((m) => [m.model, formatInt(m.rows), m.providers.join(', ')]), ['model', 'rows', 'providers']),
    `skipped: ${result.skipped.length === 0 ? 'none' : `${formatInt(result.skipped.length)} (${skipGroups(result.skipped)})`}`,
    ...unknownSizes(result.skipped),
    `errors: ${result.errors.length === 0 ? 'none' : `${formatInt(result.errors.length)} warnings, each on stderr; those rows were not imported`}`,
    '',
  ];
  return lines.join('\n');
}

function parseBaseUrl(raw: string, flag = '--base-url'): string {
  let url: URL | undefined;
  try {
    url = new URL(raw);
  } catch {
    url = undefined;
  }
  if (url === undefined || (url.protocol !== 'http:' && url.protocol !== 'https:')) throw new InputError(flag, raw, 'an http(s) URL such as https://openrouter.ai/api/v1');
  return raw.replace(/\/+$/, '');
}

/** Follows `links.next` of a paged /models listing at most this many times. */
const MAX_LISTING_PAGES = 20;
/** Endpoint requests in flight at once. */
const CONCURRENT_REQUESTS = 4;

/**
 * GETs the /models listing (every page) and the endpoints of the models to price. A network
 * failure, a timeout or a listing that is not JSON ends the pull (a NetworkError naming the URL);
 * an endpoints request answered with an HTTP error becomes a row error of its own.
 */
async function pullResponses(io: CliIo, baseUrl: string, timeoutSeconds: number, wanted?: readonly string[]): Promise<{ pages: SavedResponse[]; endpoints: SavedResponse[] }> {
  const fetchText = io.fetchText;
  if (fetchText === undefined) throw new Error('this environment has no network access');
  const get = (url: string) => getWithTimeout(fetchText, url, timeoutSeconds);
  const pages: SavedResponse[] = [];
  const listed: unknown[] = [];
  for (let url: string | undefined = `${baseUrl}/models`; url !== undefined && pages.length < MAX_LISTING_PAGES;) {
    const answer = await get(url);
    if (answer.status < 200 || answer.status > 299) throw pullFailed(url, `HTTP ${answer.status} ${answer.statusText}`.trim());
    const json = parseJson(answer.body);
    if (json instanceof FileProblem) throw pullFailed(url, `the answer is ${json.problem}`);
    pages.push({ source: url, text: answer.body });
    const data = (json as { data?: unknown }).data;
    if (Array.isArray(data)) listed.push(...(data as unknown[]));
    const next = (json as { links?: { next?: unknown } }).links?.next;
    const nextUrl: string | undefined = typeof next === 'string' && next !== '' ? new URL(next, `${baseUrl}/`).href : undefined;
    url = nextUrl !== undefined && !pages.some((p) => p.source === nextUrl) ? nextUrl : undefined;
  }
  const { ids, unmatched } = openRouterIdsToFetch({ data: listed }, wanted);
  if (unmatched.length > 0) {
    throw new InputError('--models', unmatched.join(','), 'catalog ids of models OpenRouter lists, or OpenRouter ids author/slug', `invalid --models: no model of the OpenRouter listing is ${unmatched.join(', ')}; give catalog ids (kimi-k2.5, deepseek-v3, ...) or OpenRouter ids (author/slug)`);
  }
  const endpoints = await inPool(ids, CONCURRENT_REQUESTS, async (id): Promise<SavedResponse> => {
    const url = `${baseUrl}/models/${id.split('/').map(encodeURIComponent).join('/')}/endpoints`;
    const answer = await get(url);
    const ok = answer.status >= 200 && answer.status <= 299;
    return { source: url, text: ok ? answer.body : new FileProblem(`GET answered HTTP ${answer.status} ${answer.statusText}`.trim()) };
  });
  return { pages, endpoints };
}

const pullFailed = (url: string, reason: string) => new NetworkError(`cannot GET ${url}: ${reason.replace(/\s+/g, ' ')}`);

/**
 * `fetchText(url)` bounded by `timeoutSeconds` (AbortSignal.timeout): the signal aborts the
 * request, and the race ends the wait even if a fetch ignores its signal. Rejects with a
 * NetworkError naming the URL and the reason.
 */
async function getWithTimeout(fetchText: NonNullable<CliIo['fetchText']>, url: string, timeoutSeconds: number): Promise<FetchedText> {
  const signal = AbortSignal.timeout(timeoutSeconds * 1000);
  let onAbort = () => {};
  const aborted = new Promise<never>((_, reject) => {
    onAbort = () => reject(signal.reason);
    signal.addEventListener('abort', onAbort, { once: true });
  });
  const request = fetchText(url, { signal });
  request.catch(() => {}); // a request that fails after the timeout won has no one left to tell
  try {
    return await Promise.race([request, aborted]);
  } catch (e) {
    throw pullFailed(url, networkReason(e, timeoutSeconds));
  } finally {
    signal.removeEventListener('abort', onAbort);
  }
}

/** Why a request failed, in a few words: "timed out after 20 s", "fetch failed: connect ECONNREFUSED 127.0.0.1:9". */
function networkReason(e: unknown, timeoutSeconds: number): string {
  if (!(e instanceof Error)) return String(e);
  if (e.name === 'TimeoutError') return `timed out after ${timeoutSeconds} s`;
  const cause = e.cause instanceof Error ? e.cause.message : undefined;
  return cause === undefined || e.message.includes(cause) ? e.message : `${e.message}: ${cause}`;
}

/** Maps `items` with at most `limit` calls in flight, keeping order; the first failure stops new calls. */
async function inPool<T, R>(items: readonly T[], limit: number, call: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array<R>(items.length);
  let next = 0;
  let failure: { error: unknown } | undefined;
  const worker = async () => {
    while (failure === undefined && next < items.length) {
      const i = next++;
      try {
        results[i] = await call(items[i] as T);
      } catch (error) {
        failure ??= { error };
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  if (failure !== undefined) throw failure.error;
  return results;
}

/** Reads a snapshot file written by `prices import` or `prices pull`; a bad one is a one-line error naming it. */
export function readSnapshotFile(path: string, io: CliIo): readonly PriceSnapshot[] {
  const text = readInputFile(io, '--prices', path, 'a price snapshot file', 64 * 2 ** 20);
  try {
    return parsePriceCatalog(JSON.parse(text));
  } catch (e) {
    const reason = (e instanceof Error ? e.message : String(e)).replace(/\n\s*/g, '; ');
    throw new InputError('--prices', path, 'a price snapshot file', `invalid --prices: ${path} is not a price snapshot file (${reason})`);
  }
}

/** USD with two decimals, more for small prices: 0.6 → "0.60", 0.045 → "0.045". */
const usd = (x: number) => x.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 4 });

/** "+25%" from `before` to `after`; "" when equal. */
function change(label: string, before: number, after: number): string {
  if (before === after) return '';
  const percent = ((after - before) / before) * 100;
  return `${label} ${percent > 0 ? '+' : ''}${Number(percent.toFixed(1))}%`;
}

const rowDay = (date: string) => (date.length === 7 ? `${date}-01` : date);

interface Listing {
  readonly json: unknown;
  readonly text: string;
}

/** API rows of `model` in every snapshot, one per provider and date (a later snapshot's wins), by date. */
function modelHistory(wanted: string, snapshots: readonly PriceSnapshot[]): Listing {
  const w = wanted.trim().toLowerCase();
  const model = MODELS.find((m) => m.id === w || m.aliases.includes(w))?.id ?? w;
  const byKey = new Map<string, ApiPrice & { snapshot: string }>();
  for (const s of snapshots) for (const r of s.api) if (r.model === model) byKey.set(`${r.provider}\u0000${r.role}\u0000${r.date}`, { ...r, snapshot: s.id });
  const rows = [...byKey.values()].sort((a, b) => rowDay(a.date).localeCompare(rowDay(b.date)) || a.provider.localeCompare(b.provider));
  if (rows.length === 0) {
    const known = [...new Set(snapshots.flatMap((s) => s.api.map((r) => r.model)))];
    const near = closestIds(w, known.map((id) => ({ id })));
    throw new InputError('--model', wanted, 'a model with price rows', `no price rows for --model ${wanted}; closest with rows: ${near.join(', ')}`);
  }
  const previous = new Map<string, ApiPrice>();
  const lines = rows.map((r) => {
    const key = `${r.provider}\u0000${r.role}`;
    const before = previous.get(key);
    previous.set(key, r);
    const moved = before === undefined ? '' : [change('in', before.inputUsdPerMillion, r.inputUsdPerMillion), change('out', before.outputUsdPerMillion, r.outputUsdPerMillion)].filter((x) => x !== '').join(', ') || 'unchanged';
    return [r.date, r.provider, r.role, usd(r.inputUsdPerMillion), r.cachedInputUsdPerMillion === null ? '-' : usd(r.cachedInputUsdPerMillion), usd(r.outputUsdPerMillion), moved, r.snapshot];
  });
  const providers = new Set(rows.map((r) => r.provider)).size;
  const text = [
    `Price history of ${model}: ${rows.length} rows from ${providers} providers in ${new Set(rows.map((r) => r.snapshot)).size} snapshots, USD per million tokens`,
    '',
    table(lines, ['date', 'provider', 'role', 'input', 'cached', 'output', 'change vs provider\'s previous', 'snapshot']),
  ].join('\n');
  return { json: { model, rows }, text };
}

/** GPU rental rows of `gpu` in every snapshot, by date; a provider may list several offers on one date. */
function gpuHistory(wanted: string, snapshots: readonly PriceSnapshot[]): Listing {
  const gpu = findById('--gpu', wanted, ACCELERATORS).id;
  const byKey = new Map<string, GpuRentalPrice & { snapshot: string }>();
  for (const s of snapshots) for (const r of s.gpuRental) if (r.gpu === gpu) byKey.set(JSON.stringify([r.provider, r.terms, r.date, r.usdPerGpuHour, r.note ?? '']), { ...r, snapshot: s.id });
  const rows = [...byKey.values()].sort((a, b) => rowDay(a.date).localeCompare(rowDay(b.date)) || a.provider.localeCompare(b.provider) || a.usdPerGpuHour - b.usdPerGpuHour);
  if (rows.length === 0) {
    const known = [...new Set(snapshots.flatMap((s) => s.gpuRental.map((r) => r.gpu)))].sort();
    throw new InputError('--gpu', wanted, 'a GPU with rental rows', `no rental rows for --gpu ${wanted}; GPUs with rows: ${known.join(', ')}`);
  }
  const lines = rows.map((r, i) => {
    // The provider's latest offer on the same terms at an earlier date.
    const before = rows.slice(0, i).reverse().find((b) => b.provider === r.provider && b.terms === r.terms && rowDay(b.date) < rowDay(r.date));
    const moved = before === undefined ? '' : change('', before.usdPerGpuHour, r.usdPerGpuHour).trim() || 'unchanged';
    return [r.date, r.provider, r.providerClass, r.terms, usd(r.usdPerGpuHour), moved, r.snapshot];
  });
  const text = [
    `Rental price history of ${gpu}: ${rows.length} rows from ${new Set(rows.map((r) => r.provider)).size} providers, USD per GPU-hour`,
    '',
    table(lines, ['date', 'provider', 'class', 'terms', '$/GPU-hour', 'change vs provider\'s previous', 'snapshot']),
  ].join('\n');
  return { json: { gpu, rows }, text };
}
