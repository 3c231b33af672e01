import { defineCommand } from 'citty';
import { parse as parseYaml } from 'yaml';
import { GENAI_PRICES_BASE_URL, parseGenaiPricesProvider } from '../../../core/market/genaiPrices.js';
import { mergeOpenRouterImports, type OpenRouterImport } from '../../../core/market/openRouter.js';
import { rejectUnknownFlags } from '../../args.js';
import { readInputFile, type CliIo } from '../../io.js';
import { FileProblem, importResponses, parseBaseUrl, snapshotArgs, snapshotTarget, writeSnapshot } from './snapshot.js';

const importArgs = {
  file: { type: 'positional', required: true, description: 'saved OpenRouter responses of GET /api/v1/models and /api/v1/models/{author}/{slug}/endpoints (JSON), or pydantic/genai-prices provider files (.yml), one or more', valueHint: 'FILE...' },
  'source-base-url': { type: 'string', description: `for genai-prices files: the rows' source is this URL plus the provider file's name (default ${GENAI_PRICES_BASE_URL})`, valueHint: 'url' },
  ...snapshotArgs,
} as const;

/** `prices import`: a snapshot from saved OpenRouter responses or genai-prices provider files. */
export function importCommand(io: CliIo) {
  return defineCommand({
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
  });
}

/** A saved response's text, or the reason it could not be read. */
function readSaved(file: string, io: CliIo): string | FileProblem {
  try {
    return readInputFile(io, 'FILE', file, 'a saved OpenRouter response', 64 * 2 ** 20);
  } catch (e) {
    return new FileProblem(e instanceof Error ? e.message : String(e));
  }
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
