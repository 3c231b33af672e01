import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CliIo, FetchedText } from '../../src/cli/io.js';
import { nodeIo } from '../../src/cli/main.js';
import { parsePriceCatalog } from '../../src/core/catalog/prices.js';
import { runCli } from './runCli.js';

const fixturePath = (name: string) => new URL(`../fixtures/openrouter/${name}`, import.meta.url).pathname;
const fixtureText = (name: string) => readFileSync(fixturePath(name), 'utf8');
const silent = { write: () => true };
/** The real file writing of the CLI, so that the atomic write and the refusal to overwrite are tested too. */
const realIo = nodeIo(silent, silent);
const files: Partial<CliIo> = { writeTextFile: realIo.writeTextFile, fileExists: realIo.fileExists };

let dir = '';
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'inferonomics-prices-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const outPath = (name: string) => join(dir, name);

/** A fetch that answers from a table of URLs (404 otherwise) and records what it was asked. */
function fakeFetch(routes: Record<string, string>) {
  const asked: string[] = [];
  const fetchText = async (url: string): Promise<FetchedText> => {
    asked.push(url);
    const body = routes[url];
    return body === undefined ? { status: 404, statusText: 'Not Found', body: '{"error":{"code":404}}' } : { status: 200, statusText: 'OK', body };
  };
  return { asked, fetchText };
}

const BASE = 'https://openrouter.ai/api/v1';

describe('inferonomics prices import', () => {
  it('writes one snapshot of a /models and an endpoints response that parsePriceCatalog accepts, with $/M prices', async () => {
    const out = outPath('import-good.json');
    const r = await runCli(['prices', 'import', fixturePath('models.json'), fixturePath('endpoints-kimi-k2.5.json'), '--date', '2026-11-28', '--out', out], files);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`Wrote ${out}: snapshot openrouter-2026-11-28 of 2026-11-28, 8 price rows of 5 models from 2 OpenRouter responses`);
    expect(r.stdout).toMatch(/^kimi-k2\.5 +4 +DeepInfra, Moonshot AI, OpenRouter, Together AI$/m);
    expect(r.stdout).toContain('skipped: 3 (variant id such as :free (1), variable price (1), repeat of an earlier row (1))');
    expect(r.stderr).toBe('warning: ' + fixturePath('endpoints-kimi-k2.5.json') + ': data.endpoints[4] (Fixture Cloud, moonshotai/kimi-k2.5): pricing.completion is missing\n');
    const raw = JSON.parse(readFileSync(out, 'utf8')) as unknown;
    const [snapshot] = parsePriceCatalog(raw);
    expect(snapshot?.id).toBe('openrouter-2026-11-28');
    expect(snapshot?.gpuRental).toEqual([]);
    const moonshot = snapshot?.api.find((x) => x.model === 'kimi-k2.5' && x.provider === 'Moonshot AI');
    expect(moonshot).toMatchObject({ inputUsdPerMillion: 0.6, cachedInputUsdPerMillion: 0.1, outputUsdPerMillion: 2.5, role: 'first-party', date: '2026-11-28' });
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('prints every row-level error as a warning, still writes the good rows and exits 0', async () => {
    const out = outPath('import-problems.json');
    const r = await runCli(['prices', 'import', fixturePath('models-with-problems.json'), fixturePath('truncated.json'), '--out', out, '--json'], files);
    expect(r.code).toBe(0);
    const warnings = r.stderr.trimEnd().split('\n');
    expect(warnings).toHaveLength(4);
    expect(warnings[0]).toContain('data[0] (z-ai/glm-4.6): pricing.completion is missing');
    expect(warnings[1]).toContain('data[1] (minimax/minimax-m2): pricing.prompt "free-ish" is not a number');
    expect(warnings[2]).toContain('is negative');
    expect(warnings[3]).toContain('truncated.json: (file): not valid JSON');
    const summary = JSON.parse(r.stdout) as { file: string; rows: number; models: { model: string }[]; skipped: unknown[]; errors: unknown[] };
    expect(summary).toMatchObject({ file: out, rows: 2, skipped: [{ reason: 'variable price' }] });
    expect(summary.models.map((m) => m.model)).toEqual(['grok-4', 'mixtral-8x7b']);
    expect(summary.errors).toHaveLength(4);
    expect(parsePriceCatalog(JSON.parse(readFileSync(out, 'utf8')))[0]?.api).toHaveLength(2);
  });

  it('refuses to overwrite an existing file, naming it, unless --force', async () => {
    const out = outPath('import-twice.json');
    writeFileSync(out, 'precious');
    const refused = await runCli(['prices', 'import', fixturePath('models.json'), '--out', out], files);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toBe(`inferonomics: refusing to overwrite ${out}: it exists; pass --force to replace it, or --out another path\n`);
    expect(readFileSync(out, 'utf8')).toBe('precious');
    const forced = await runCli(['prices', 'import', fixturePath('models.json'), '--out', out, '--force'], files);
    expect(forced.code).toBe(0);
    expect(parsePriceCatalog(JSON.parse(readFileSync(out, 'utf8')))[0]?.api).toHaveLength(5);
  });

  it('refuses atomically when the file appears between the check and the write (EEXIST from the write)', async () => {
    const out = outPath('import-race.json');
    const r = await runCli(['prices', 'import', fixturePath('models.json'), '--out', out], {
      fileExists: () => false,
      writeTextFile: (path, text, options) => {
        writeFileSync(path, 'written by someone else');
        realIo.writeTextFile?.(path, text, options);
      },
    });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`refusing to overwrite ${out}`);
    expect(readFileSync(out, 'utf8')).toBe('written by someone else');
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('exits 2 without writing when nothing could be read (a non-object response is one error for its file)', async () => {
    const out = outPath('import-nothing.json');
    const r = await runCli(['prices', 'import', fixturePath('not-an-object.json'), '--out', out], files);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('not-an-object.json: (file): not an OpenRouter response');
    expect(r.stderr).toContain(`inferonomics: nothing to import: no price row in 1 response (1 error, 0 skipped); ${out} not written`);
    expect(existsSync(out)).toBe(false);
  });

  it('writes prices-<snapshot id>.json in the current directory by default, with the given id and date', async () => {
    const written: { path: string; text: string }[] = [];
    const r = await runCli(['prices', 'import', fixturePath('models.json'), '--snapshot-id', 'or-test', '--date', '2026-12-01'], {
      fileExists: () => false,
      writeTextFile: (path, text) => written.push({ path, text }),
    });
    expect(r.code).toBe(0);
    expect(written.map((w) => w.path)).toEqual(['prices-or-test.json']);
    const [snapshot] = parsePriceCatalog(JSON.parse(written[0]?.text ?? ''));
    expect(snapshot).toMatchObject({ id: 'or-test', date: '2026-12-01' });
    expect(snapshot?.api.every((x) => x.date === '2026-12-01')).toBe(true);
  });

  it.each([
    [['--date', '2026-13-01'], 'invalid --date: 2026-13-01; expected a date YYYY-MM-DD'],
    [['--snapshot-id', '../evil'], 'invalid --snapshot-id: ../evil'],
    [['--outfile', 'x'], 'unknown flag: --outfile'],
  ])('rejects bad flags %j with one line', async (flags, message) => {
    const r = await runCli(['prices', 'import', fixturePath('models.json'), ...flags], { fileExists: () => false, writeTextFile: () => {} });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(message);
    expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
  });
});

describe('inferonomics prices import: odd prices and file safety', () => {
  /** models.json with the first model's prices replaced. */
  const withPrices = (name: string, prompt: string, completion: string) => {
    const data = JSON.parse(fixtureText('models.json')) as { data: { pricing: Record<string, string> }[] };
    const first = data.data[0];
    if (first !== undefined) first.pricing = { ...first.pricing, prompt, completion };
    const path = outPath(name);
    writeFileSync(path, JSON.stringify(data));
    return path;
  };
  const filesAndFolders: Partial<CliIo> = { ...files, isDirectory: realIo.isDirectory, readTextFile: realIo.readTextFile };

  it('a price of "1e300" USD a token is a warning for its row, and the other rows are written (exit 0)', async () => {
    const r = await runCli(['prices', 'import', withPrices('huge.json', '1e300', '0.000001'), '--out', outPath('huge-out.json')], files);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/warning: .*huge\.json: .*pricing\.prompt "1e300" is above 1 USD a token/);
    expect(parsePriceCatalog(JSON.parse(readFileSync(outPath('huge-out.json'), 'utf8')))[0]?.api.length).toBeGreaterThan(0);
  });

  it('a price above 0 but below 1e-15 USD a token is a warning, never a free model', async () => {
    const r = await runCli(['prices', 'import', withPrices('tiny.json', '1e-18', '0.000001'), '--out', outPath('tiny-out.json')], files);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/pricing\.prompt "1e-18" is above 0 but below 1e-15 USD a token/);
  });

  it('--strict writes nothing and exits 2 when a row has an error', async () => {
    const out = outPath('strict-out.json');
    const r = await runCli(['prices', 'import', withPrices('strict.json', 'abc', '0.000001'), '--strict', '--out', out], files);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^error: .*pricing\.prompt "abc" is not a number\ninferonomics: --strict: 1 row with errors \(listed above\); .*strict-out\.json not written\n$/);
    expect(existsSync(out)).toBe(false);
  });

  it('--force replacing a snapshot with fewer rows says so on stderr', async () => {
    const out = outPath('shrink.json');
    expect((await runCli(['prices', 'import', fixturePath('models.json'), fixturePath('endpoints-kimi-k2.5.json'), '--out', out], filesAndFolders)).code).toBe(0);
    const r = await runCli(['prices', 'import', withPrices('shrink-in.json', 'abc', '0.000001'), '--force', '--out', out], filesAndFolders);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/warning: replacing .*shrink\.json \(\d+ rows\) with \d rows; 1 row dropped for errors \(pass --strict to refuse\)/);
  });

  it('a stale temporary file of a killed run (same process id) never blocks a later import', async () => {
    const out = outPath('stale.json');
    writeFileSync(join(dir, `.stale.json.${process.pid}.tmp`), 'partial');
    const r = await runCli(['prices', 'import', fixturePath('models.json'), '--out', out], files);
    expect(r.code).toBe(0);
    expect(existsSync(out)).toBe(true);
  });

  it.each([
    [['--date', '2026-02-30'], 'invalid --date: 2026-02-30; expected a date YYYY-MM-DD that exists on the calendar'],
    [['--out', ''], 'invalid --out: (empty); expected the path of a snapshot file to write'],
  ])('%j is one line naming the flag, exit 2', async (flags, message) => {
    const r = await runCli(['prices', 'import', fixturePath('models.json'), ...flags], filesAndFolders);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`inferonomics: ${message}\n`);
  });

  it('--out naming a folder says it is a folder', async () => {
    const r = await runCli(['prices', 'import', fixturePath('models.json'), '--out', dir], filesAndFolders);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`invalid --out: ${dir} is a folder; expected the path of a file to write`);
  });
});

describe('inferonomics prices pull', () => {
  it('a fetch that rejects is a network failure: one line naming the URL and the reason, exit 1', async () => {
    const fetchText = () => Promise.reject(new TypeError('fetch failed', { cause: new Error('getaddrinfo ENOTFOUND openrouter.ai') }));
    const r = await runCli(['prices', 'pull', '--out', outPath('pull-offline.json')], { ...files, fetchText });
    expect(r.code).toBe(1);
    expect(r.stderr).toBe(`inferonomics: network failure: cannot GET ${BASE}/models: fetch failed: getaddrinfo ENOTFOUND openrouter.ai\n`);
    expect(r.stdout).toBe('');
    expect(existsSync(outPath('pull-offline.json'))).toBe(false);
  });

  it('a request that outlives --timeout-seconds is one line naming the URL, even if the fetch ignores its signal', async () => {
    const r = await runCli(['prices', 'pull', '--timeout-seconds', '0.05', '--out', outPath('pull-timeout.json')], { ...files, fetchText: () => new Promise(() => {}) });
    expect(r.code).toBe(1);
    expect(r.stderr).toBe(`inferonomics: network failure: cannot GET ${BASE}/models: timed out after 0.05 s\n`);
  });

  it('an HTTP error from /models ends the pull with the status', async () => {
    const fetchText = async (): Promise<FetchedText> => ({ status: 503, statusText: 'Service Unavailable', body: 'busy' });
    const r = await runCli(['prices', 'pull', '--out', outPath('pull-503.json')], { ...files, fetchText });
    expect(r.code).toBe(1);
    expect(r.stderr).toBe(`inferonomics: network failure: cannot GET ${BASE}/models: HTTP 503 Service Unavailable\n`);
  });

  it('a fetch that answers writes a snapshot of the listing and the endpoints of the catalog models it maps', async () => {
    const { asked, fetchText } = fakeFetch({
      [`${BASE}/models`]: fixtureText('models.json'),
      [`${BASE}/models/moonshotai/kimi-k2.5/endpoints`]: fixtureText('endpoints-kimi-k2.5.json'),
      [`${BASE}/models/deepseek/deepseek-chat-v3-0324/endpoints`]: fixtureText('endpoints-deepseek-v3-0324.json'),
    });
    const out = outPath('pull-good.json');
    const r = await runCli(['prices', 'pull', '--out', out], { ...files, fetchText });
    expect(r.code).toBe(0);
    expect(asked).toEqual([
      `${BASE}/models`,
      `${BASE}/models/moonshotai/kimi-k2.5/endpoints`,
      `${BASE}/models/deepseek/deepseek-chat-v3-0324/endpoints`,
      `${BASE}/models/openai/gpt-oss-120b/endpoints`,
    ]);
    expect(r.stderr).toContain(`${BASE}/models/openai/gpt-oss-120b/endpoints: (file): GET answered HTTP 404 Not Found`);
    const [snapshot] = parsePriceCatalog(JSON.parse(readFileSync(out, 'utf8')));
    expect(snapshot?.id).toBe('openrouter-2026-11-27');
    expect(snapshot?.api.filter((x) => x.model === 'deepseek-v3').map((x) => `${x.provider} ${x.inputUsdPerMillion}/${x.outputUsdPerMillion} ${x.source}`)).toEqual([
      `DeepSeek 0.27/1.1 ${BASE}/models/deepseek/deepseek-chat-v3-0324/endpoints`,
      `Novita 0.28/1.14 ${BASE}/models/deepseek/deepseek-chat-v3-0324/endpoints`,
      `OpenRouter 0.24/0.84 ${BASE}/models`,
    ]);
  });

  it('--models fetches only the endpoints of the named models, and follows links.next of a paged listing', async () => {
    const [kimi, ...rest] = (JSON.parse(fixtureText('models.json')) as { data: unknown[] }).data;
    const { asked, fetchText } = fakeFetch({
      [`${BASE}/models`]: JSON.stringify({ data: [kimi], links: { next: '/api/v1/models?offset=1' } }),
      [`${BASE}/models?offset=1`]: JSON.stringify({ data: rest }),
      [`${BASE}/models/moonshotai/kimi-k2.5/endpoints`]: fixtureText('endpoints-kimi-k2.5.json'),
    });
    const r = await runCli(['prices', 'pull', '--models', 'kimi-k2.5', '--out', outPath('pull-named.json'), '--json'], { ...files, fetchText });
    expect(r.code).toBe(0);
    expect(asked).toEqual([`${BASE}/models`, `${BASE}/models?offset=1`, `${BASE}/models/moonshotai/kimi-k2.5/endpoints`]);
    expect((JSON.parse(r.stdout) as { rows: number }).rows).toBe(8);
  });

  it('--models naming a model OpenRouter does not list is one line, before any endpoint is fetched', async () => {
    const { asked, fetchText } = fakeFetch({ [`${BASE}/models`]: fixtureText('models.json') });
    const r = await runCli(['prices', 'pull', '--models', 'kimi-k2.5,llama-3.1-8b', '--out', outPath('pull-unknown.json')], { ...files, fetchText });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('no model of the OpenRouter listing is llama-3.1-8b');
    expect(asked).toEqual([`${BASE}/models`]);
  });

  describe('against a local HTTP server on 127.0.0.1 with the real fetch', () => {
    let server: Server;
    let base = '';
    beforeAll(async () => {
      server = createServer((req, res) => {
        const routes: Record<string, string> = {
          '/api/v1/models': fixtureText('models.json'),
          '/api/v1/models/moonshotai/kimi-k2.5/endpoints': fixtureText('endpoints-kimi-k2.5.json'),
        };
        const body = routes[req.url ?? ''];
        res.writeHead(body === undefined ? 404 : 200, { 'content-type': 'application/json' });
        res.end(body ?? '{"error":{"code":404,"message":"Not Found"}}');
      });
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/v1`;
    });
    afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

    it('pulls through nodeIo.fetchText and writes the snapshot with the sources under --base-url', async () => {
      const out = outPath('pull-local.json');
      const r = await runCli(['prices', 'pull', '--base-url', `${base}/`, '--out', out, '--timeout-seconds', '5'], { ...files, fetchText: realIo.fetchText });
      expect(r.code).toBe(0);
      const [snapshot] = parsePriceCatalog(JSON.parse(readFileSync(out, 'utf8')));
      expect(snapshot?.api.find((x) => x.provider === 'DeepInfra')?.source).toBe(`${base}/models/moonshotai/kimi-k2.5/endpoints`);
      expect(snapshot?.description).toContain(`from ${base}:`);
    });

    it('a refused connection is one line naming the URL', async () => {
      const closed = createServer();
      await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
      const port = (closed.address() as AddressInfo).port;
      await new Promise<void>((resolve) => closed.close(() => resolve()));
      const r = await runCli(['prices', 'pull', '--base-url', `http://127.0.0.1:${port}/api/v1`, '--out', outPath('pull-refused.json')], { ...files, fetchText: realIo.fetchText });
      expect(r.code).toBe(1);
      expect(r.stderr).toMatch(new RegExp(`^inferonomics: network failure: cannot GET http://127\\.0\\.0\\.1:${port}/api/v1/models: fetch failed: .*ECONNREFUSED.*\\n$`));
    });
  });
});

describe('inferonomics prices list', () => {
  it('--model lists the shipped rows one per provider and date, sorted by date', async () => {
    const r = await runCli(['prices', 'list', '--model', 'kimi-k2.5', '--json']);
    expect(r.code).toBe(0);
    const { model, rows } = JSON.parse(r.stdout) as { model: string; rows: { date: string; provider: string; snapshot: string }[] };
    expect(model).toBe('kimi-k2.5');
    expect(rows.length).toBeGreaterThan(5);
    expect(rows.map((x) => x.date)).toEqual([...rows.map((x) => x.date)].sort());
    expect(new Set(rows.map((x) => `${x.provider} ${x.date}`)).size).toBe(rows.length);
  });

  it('--prices adds an imported snapshot, so the table shows how each provider\'s price moved', async () => {
    const out = outPath('list-import.json');
    expect((await runCli(['prices', 'import', fixturePath('models.json'), fixturePath('endpoints-kimi-k2.5.json'), '--date', '2026-11-28', '--out', out], files)).code).toBe(0);
    const r = await runCli(['prices', 'list', '--model', 'kimi-k2.5', '--prices', out]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^Price history of kimi-k2\.5: \d+ rows from \d+ providers in 3 snapshots, USD per million tokens$/m);
    const last = r.stdout.trimEnd().split('\n').slice(-4);
    expect(last.every((line) => line.startsWith('2026-11-28') && line.endsWith('openrouter-2026-11-28'))).toBe(true);
    expect(last.find((line) => line.includes('Moonshot AI'))).toMatch(/first-party +0\.60 +0\.10 +2\.50 +out -16\.7%/);
    expect(last.find((line) => line.includes('DeepInfra'))).toContain('unchanged');
  });

  it('--gpu lists rental rows by date', async () => {
    const r = await runCli(['prices', 'list', '--gpu', 'h200', '--json']);
    expect(r.code).toBe(0);
    const { gpu, rows } = JSON.parse(r.stdout) as { gpu: string; rows: { date: string; usdPerGpuHour: number }[] };
    expect(gpu).toBe('h200');
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.map((x) => x.date)).toEqual([...rows.map((x) => x.date)].sort());
  });

  it.each([
    [['--model', 'kimi-k9'], 'no price rows for --model kimi-k9; closest with rows:'],
    [['--model', 'kimi-k2.5', '--gpu', 'h200'], 'expected exactly one of --model or --gpu'],
    [[], 'expected exactly one of --model or --gpu'],
    [['--model', 'kimi-k2.5', '--prices', fixturePath('models.json')], 'is not a price snapshot file'],
  ])('%j is one line on stderr, exit 2', async (flags, message) => {
    const r = await runCli(['prices', 'list', ...flags]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(message);
    expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
  });
});
