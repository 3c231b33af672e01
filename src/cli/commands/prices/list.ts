import { defineCommand } from 'citty';
import { ACCELERATORS } from '../../../core/catalog/accelerators.js';
import { closestIds, findById } from '../../../core/catalog/lookup.js';
import { MODELS } from '../../../core/catalog/models.js';
import { PRICE_SNAPSHOTS } from '../../../core/catalog/allPriceSnapshots.js';
import { parsePriceCatalog, type ApiPrice, type GpuRentalPrice, type PriceSnapshot } from '../../../core/catalog/prices.js';
import { InputError } from '../../../core/errors.js';
import { rejectUnknownFlags } from '../../args.js';
import { table } from '../../format.js';
import { readJsonInput, type CliIo } from '../../io.js';
import { upTo } from '../../../format/numbers.js';

const listArgs = {
  model: { type: 'string', description: 'a model id (catalog id, alias, or proprietary id such as claude-sonnet-4.5)', valueHint: 'id' },
  gpu: { type: 'string', description: 'an accelerator id (h100-sxm, h200, b200, ...)', valueHint: 'id' },
  prices: { type: 'string', description: 'a snapshot file written by prices import/pull, listed beside the shipped snapshots', valueHint: 'file' },
  json: { type: 'boolean', description: 'print the rows as JSON' },
} as const;

/** `prices list`: how the price of one model or GPU moved across snapshots. */
export function listCommand(io: CliIo) {
  return defineCommand({
    meta: { name: 'list', description: 'The price rows of one model or GPU in every snapshot, by date: how a price moved' },
    args: listArgs,
    run({ args: a, rawArgs }) {
      rejectUnknownFlags(rawArgs, listArgs);
      const snapshots = [...PRICE_SNAPSHOTS, ...(a.prices === undefined ? [] : readSnapshotFile(a.prices, io))];
      if ((a.model === undefined) === (a.gpu === undefined)) throw new InputError('--model/--gpu', a.model ?? a.gpu ?? '(neither)', 'exactly one of --model or --gpu');
      const listing = a.model !== undefined ? modelHistory(a.model, snapshots) : gpuHistory(a.gpu ?? '', snapshots);
      io.out.write(a.json ? `${JSON.stringify(listing.json, null, 2)}\n` : listing.text);
    },
  });
}

/** Reads a snapshot file written by `prices import` or `prices pull`; a bad one is a one-line error naming it. */
export function readSnapshotFile(path: string, io: CliIo): readonly PriceSnapshot[] {
  const json = readJsonInput(io, '--prices', path, 'a price snapshot file', 64 * 2 ** 20);
  try {
    return parsePriceCatalog(json);
  } catch (e) {
    const reason = (e instanceof Error ? e.message : String(e)).replace(/\n\s*/g, '; ');
    throw new InputError('--prices', path, 'a price snapshot file', `invalid --prices: ${path} is not a price snapshot file (${reason})`);
  }
}

/** USD with two decimals, more for small prices: 0.6 → "0.60", 0.045 → "0.045". */
const usd = (x: number) => upTo(x, 4, 2);

/** "+25%" from `before` to `after`; "" when equal. */
function change(label: string, before: number, after: number): string {
  if (before === after) return '';
  const changePercent = ((after - before) / before) * 100;
  return `${label} ${changePercent > 0 ? '+' : ''}${upTo(changePercent, 1)}%`;
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
