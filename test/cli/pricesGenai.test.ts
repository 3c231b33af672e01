import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CliIo } from '../../src/cli/io.js';
import { nodeIo } from '../../src/cli/main.js';
import { parsePriceCatalog } from '../../src/core/catalog/prices.js';
import { runCli } from './runCli.js';

const fixturePath = (name: string) => new URL(`../fixtures/genai-prices/${name}`, import.meta.url).pathname;
const silent = { write: () => true };
const realIo = nodeIo(silent, silent);
const files: Partial<CliIo> = { writeTextFile: realIo.writeTextFile, fileExists: realIo.fileExists };

let dir = '';
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'inferonomics-genai-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('inferonomics prices import of genai-prices files', () => {
  it('writes a dated genai-prices snapshot; each malformed entry is a warning naming file, model and field, and the rest imports', async () => {
    const out = join(dir, 'genai.json');
    const r = await runCli(['prices', 'import', fixturePath('mixed.yml'), '--date', '2026-08-21', '--out', out], files);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`Wrote ${out}: snapshot genai-prices-2026-08-21 of 2026-08-21, 3 price rows of 3 models from 1 genai-prices file`);
    expect(r.stdout).toContain('size unknown (2, see the size catalog src/core/catalog/openWeightModels.json): acme/secret-model-9000, BAAI/bge-large-en-v1.5');
    expect(r.stderr.trim().split('\n')).toEqual([
      'warning: mixed.yml: models[2] (Qwen/Qwen3-235B-A22B-Instruct-2507): prices.output_mtok "six tenths" is not a number >= 0',
      'warning: mixed.yml: models[6] (openai/gpt-oss-120b): prices_checked "last tuesday" is not a date YYYY-MM-DD',
      'warning: mixed.yml: models[8] (Qwen/Qwen3-32B): prices.input_mtok -1 is not a number >= 0',
    ]);
    const [snapshot] = parsePriceCatalog(JSON.parse(readFileSync(out, 'utf8')));
    expect(snapshot?.id).toBe('genai-prices-2026-08-21');
    expect(snapshot?.api.find((x) => x.model === 'deepseek-r1')).toMatchObject({ cacheWriteUsdPerMillion: 3.75, contextTiers: [{ startTokens: 128000, inputUsdPerMillion: 6 }] });
  });

  it('a file that is not YAML is one warning naming it, and with nothing to import writes nothing', async () => {
    const out = join(dir, 'none.json');
    const r = await runCli(['prices', 'import', fixturePath('not-yaml.yml'), '--date', '2026-08-21', '--out', out], files);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^warning: .*not-yaml\.yml: \(file\): not valid YAML/m);
    expect(r.stderr).toMatch(/nothing to import/);
  });
});
