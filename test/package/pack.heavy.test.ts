import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { parseScenarioText, resolveScenario, runOption } from '../../src/index.js';

const run = promisify(execFile);
const root = new URL('../..', import.meta.url).pathname;
const packageJson = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { name: string; version: string };
const readme = readFileSync(join(root, 'README.md'), 'utf8');

/** The README's library example: the ```js block that imports from the package. */
function readmeExample(): string {
  const match = /```js\n(import [^\n]* from 'inferonomics';\n[\s\S]*?)```/.exec(readme);
  if (match?.[1] === undefined) throw new Error("README.md has no ```js block importing from 'inferonomics'");
  return match[1];
}

/** The newest modification time of the files under `folder`, in ms. */
function newestMtimeMs(folder: string): number {
  return readdirSync(folder, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .reduce((newest, e) => Math.max(newest, statSync(join(e.parentPath, e.name)).mtimeMs), 0);
}

/**
 * Whether dist/ was built after the last change to src/: then npm pack need not rebuild it (the
 * prepare script, most of this test's time on a loaded machine). In a fresh clone npm ci builds it.
 */
function distIsFresh(): boolean {
  const built = statSync(join(root, 'dist', 'index.js'), { throwIfNoEntry: false })?.mtimeMs;
  return built !== undefined && built >= newestMtimeMs(join(root, 'src'));
}

const work = mkdtempSync(join(tmpdir(), 'inferonomics-pack-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

// npm pack builds dist (the prepare script) and npm install unpacks the dependencies: minutes on a
// loaded two-core machine, so each step has its own generous limit.
const STEP_MS = 240_000;

describe('the packed package', () => {
  it('has a five-line README example', () => {
    expect(readmeExample().trimEnd().split('\n')).toHaveLength(5);
  });

  it('installs from its tarball into an empty project, runs the README example there and answers as the source does', { timeout: 3 * STEP_MS }, async () => {
    const packed = await run('npm', ['pack', '--json', '--pack-destination', work, ...(distIsFresh() ? ['--ignore-scripts'] : [])], { cwd: root, timeout: STEP_MS, maxBuffer: 64 * 2 ** 20 });
    const [manifest] = JSON.parse(packed.stdout.slice(packed.stdout.indexOf('['))) as { filename: string; files: { path: string }[] }[];
    if (manifest === undefined) throw new Error(`npm pack printed no manifest: ${packed.stdout}`);
    const files = manifest.files.map((f) => f.path);
    expect(files).toEqual(expect.arrayContaining(['package.json', 'bin/inferonomics.js', 'dist/index.js', 'dist/index.d.ts', 'dist/cli/main.js', 'dist/core/catalog/models.json']));
    expect(files.filter((f) => /^(src|test|web|bench)\//.test(f))).toEqual([]);

    const project = join(work, 'project');
    mkdirSync(project);
    writeFileSync(join(project, 'package.json'), JSON.stringify({ name: 'try-inferonomics', private: true, type: 'module' }));
    // Dependencies come from the npm cache when they are there, else from the registry.
    await run('npm', ['install', '--prefer-offline', '--no-audit', '--no-fund', join(work, manifest.filename)], { cwd: project, timeout: STEP_MS });

    writeFileSync(join(project, 'example.mjs'), readmeExample());
    const example = await run(process.execPath, ['example.mjs'], { cwd: project, timeout: STEP_MS });
    // The same scenario run from the source gives the same line.
    const yaml = /parseScenarioText\('([^']*)'/.exec(readmeExample())?.[1] ?? '';
    const [option] = resolveScenario(parseScenarioText(yaml, 'inline.yaml'), 'inline.yaml');
    if (option === undefined) throw new Error('the example scenario has no option');
    const { economics } = runOption(option);
    if (economics === null) throw new Error('the example option does not fit');
    expect(example.stdout).toBe(`${option.label} ${economics.costUsdPerMillionOutputTokens.toFixed(2)} USD per million output tokens, margin ${(economics.marginFraction ?? NaN).toFixed(2)}\n`);

    const version = await run(join(project, 'node_modules', '.bin', 'inferonomics'), ['--version'], { cwd: project, timeout: STEP_MS });
    expect(version.stdout).toBe(`${packageJson.version}\n`);

    // The types resolve through the package's exports.
    writeFileSync(join(project, 'typed.ts'), "import { runOption, type OptionResult } from 'inferonomics';\nexport const f: (o: Parameters<typeof runOption>[0]) => OptionResult = runOption;\n");
    await run(process.execPath, [join(root, 'node_modules', 'typescript', 'bin', 'tsc'), '--noEmit', '--strict', '--module', 'nodenext', '--moduleResolution', 'nodenext', 'typed.ts'], { cwd: project, timeout: STEP_MS });
  });
});
