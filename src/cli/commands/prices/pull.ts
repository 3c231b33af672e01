import { defineCommand } from 'citty';
import { InputError } from '../../../core/errors.js';
import { OPENROUTER_API_BASE_URL } from '../../../core/market/openRouter.js';
import { openRouterIdsToFetch } from '../../../core/market/openRouterIds.js';
import { parseNumber, rejectUnknownFlags } from '../../args.js';
import type { CliIo } from '../../io.js';
import { getWithTimeout, inPool, pullFailed } from './http.js';
import { FileProblem, importResponses, parseBaseUrl, parseJson, snapshotArgs, snapshotTarget, writeSnapshot, type SavedResponse } from './snapshot.js';

const pullArgs = {
  'base-url': { type: 'string', description: `the OpenRouter API (default ${OPENROUTER_API_BASE_URL})`, valueHint: 'url' },
  models: { type: 'string', description: 'comma-separated catalog ids or OpenRouter ids whose per-provider endpoints to fetch (default: every listed model of the model catalog)', valueHint: 'id,id' },
  'timeout-seconds': { type: 'string', description: 'limit for each request, seconds (default 20)', valueHint: 's' },
  ...snapshotArgs,
} as const;

/** `prices pull`: a snapshot fetched live from the OpenRouter API. */
export function pullCommand(io: CliIo) {
  return defineCommand({
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
  });
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
