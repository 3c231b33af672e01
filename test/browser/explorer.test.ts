import { existsSync, mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { build } from 'vite';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { serveStatic } from './staticServer.js';

vi.setConfig({ testTimeout: 60_000 });

const CHROMIUM = '/usr/bin/chromium';
const haveChromium = existsSync(CHROMIUM);
if (!haveChromium) console.warn(`browser tests skipped: ${CHROMIUM} is missing (apt-get install -y chromium); .ci/run installs it`);

const webRoot = fileURLToPath(new URL('../../web/', import.meta.url));
/** Where the layout test writes its screenshots (git-ignored), so a reader can look at every section. */
const screenshotDir = fileURLToPath(new URL('../../test-output/screenshots/', import.meta.url));

describe.skipIf(!haveChromium)('the web explorer in headless Chromium', () => {
  let browser: Browser;
  /** The context most tests open their pages in: its HTTP cache (and Chromium's code cache) holds the built assets after the first page. */
  let context: BrowserContext;
  let server: { url: string; close: () => Promise<void> };

  beforeAll(async () => {
    await build({ configFile: `${webRoot}vite.config.ts`, logLevel: 'warn' });
    server = await serveStatic(`${webRoot}dist`);
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
    context = await browser.newContext();
  }, 120_000);

  afterAll(async () => {
    await wide?.page.close();
    await context?.close();
    await browser?.close();
    await server?.close();
  });

  /**
   * Opens the page, collecting console errors and uncaught exceptions, and waits for a result.
   * `cold`: in a context of its own, as a first visit (nothing cached), for the tests that print load times.
   */
  async function open(hash = '', options: { viewport?: { width: number; height: number }; cold?: boolean } = {}): Promise<{ page: Page; errors: string[] }> {
    const page = await (options.cold === true ? browser : context).newPage();
    if (options.viewport !== undefined) await page.setViewportSize(options.viewport);
    const errors: string[] = [];
    page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`${server.url}${hash}`);
    await settled(page);
    return { page, errors };
  }

  /** Waits until the worker's latest answer is drawn. */
  async function settled(page: Page): Promise<void> {
    await page.waitForFunction(() => {
      const s = document.getElementById('status')?.textContent ?? '';
      return s === 'ready' || s === 'invalid input' || s === 'error';
    }, undefined, { timeout: 60_000 });
  }

  async function edit(page: Page, action: () => Promise<unknown>): Promise<void> {
    await page.evaluate(() => { document.getElementById('status')!.textContent = 'editing'; });
    await action();
    await settled(page);
  }

  const text = (page: Page, selector: string) => page.locator(selector).innerText();

  /** The desktop page of the every-section visit, kept open (its views computed, the calibration run) for the new views' tests. */
  let wide: { page: Page; errors: string[] } | undefined;

  /** Pastes the shipped cases into the calibration and starts the fit (it runs in its own lane while the test goes on). */
  async function startCalibration(page: Page): Promise<void> {
    await page.click('#calibration-shipped');
    await page.waitForFunction(() => (document.getElementById('calibration-text') as HTMLTextAreaElement).value.length > 100);
    await page.evaluate(() => { document.getElementById('calibration-status')!.textContent = 'editing'; });
    await page.click('#run-calibration');
  }

  const ready = (page: Page, status: string) => page.waitForFunction((id) => document.getElementById(id)?.textContent === 'ready', status, { timeout: 60_000 });

  /** The sections computed only once they come near the window, by their status. */
  const COMPUTED_WHEN_NEAR: Readonly<Record<string, string>> = {
    'sensitivity-section': 'sensitivity-status', 'market-section': 'market-status', 'realised-section': 'realised-status', 'market-breadth-section': 'market-breadth-status', 'validation-section': 'validation-status',
  };

  /** Scrolls to a section computed on approach and waits until it is drawn. */
  async function reveal(page: Page, section: string): Promise<void> {
    await page.locator(`#${section}`).scrollIntoViewIfNeeded();
    await ready(page, COMPUTED_WHEN_NEAR[section]!);
  }

  /** The desktop page with every view drawn: the one the every-section visit left open, or a new one. */
  async function widePage(): Promise<{ page: Page; errors: string[] }> {
    if (wide !== undefined) return wide;
    wide = await open('', { viewport: { width: 1440, height: 900 } });
    await startCalibration(wide.page);
    await reveal(wide.page, 'sensitivity-section');
    await reveal(wide.page, 'realised-section');
    await ready(wide.page, 'calibration-status');
    return wide;
  }

  it('loads with no console errors and shows the verdict, the cost figures, every chart and the validation table', async () => {
    const { page, errors } = await open();
    expect(await text(page, '#verdict')).toMatch(/(Profitable|Loses money) at 60% utilization/);
    expect(await text(page, '#cost-output')).toMatch(/^\$\d/);
    // The validation is computed once scrolled to (after the verdict is drawn, so as not to slow it down).
    await page.waitForFunction(() => document.getElementById('validation-status')?.textContent === 'computed when scrolled to');
    expect(await page.locator('#view-validation svg').count()).toBe(0);
    await reveal(page, 'validation-section');
    for (const view of ['#view-frontier', '#view-cost', '#view-margin', '#view-validation']) {
      expect(await page.locator(`${view} svg`).count(), view).toBeGreaterThan(0);
    }
    await page.waitForSelector('#validation-summary');
    expect(await text(page, '#validation-summary')).toMatch(/24 published cases, 0 failed/);
    // The assumptions in words, with the physics: bandwidths and peaks, efficiency factors, the model's size and KV bytes, the batch.
    const physics = await text(page, '#physics-assumptions');
    for (const quantity of ['Memory bandwidth (datasheet)', 'Peak dense matrix math', 'Achieved share of memory bandwidth', 'KV cache per token', 'Weights in memory', 'Chosen batch']) expect(physics).toContain(quantity);
    const names = await page.locator('#scenario-assumptions tbody tr td:first-child, #cost-basis-assumptions tbody tr td:first-child').allInnerTexts();
    expect(names.filter((n) => /\b[a-z]+[A-Z][a-z]|\w\.\w/.test(n))).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('changing the accelerator changes the cost per million output tokens and redraws the frontier', async () => {
    const { page, errors } = await open();
    const cost = await text(page, '#cost-output');
    const chart = await page.locator('#view-frontier').innerHTML();
    await edit(page, () => page.selectOption('#gpu', 'b200'));
    expect(await text(page, '#cost-output')).not.toBe(cost);
    expect(await page.locator('#view-frontier').innerHTML()).not.toBe(chart);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('changing the output price changes the margin and redraws the margin chart, not the cost', async () => {
    const { page } = await open();
    const cost = await text(page, '#cost-output');
    const margin = await text(page, '#margin');
    const chart = await page.locator('#view-margin').innerHTML();
    await edit(page, () => page.selectOption('#price-mode', 'typed'));
    await edit(page, async () => {
      await page.fill('#price-input', '0.6');
      await page.fill('#price-cached-input', '0.1');
      await page.fill('#price-output', '6');
    });
    expect(await text(page, '#cost-output')).toBe(cost);
    expect(await text(page, '#margin')).not.toBe(margin);
    expect(await page.locator('#view-margin').innerHTML()).not.toBe(chart);
    await page.close();
  });

  it('a negative price shows its error next to the field, and the page keeps working', async () => {
    const { page, errors } = await open();
    await edit(page, () => page.selectOption('#price-mode', 'typed'));
    await edit(page, () => page.fill('#price-output', '-3'));
    expect(await text(page, '[data-for="prices.outputUsdPerMillion"]')).toMatch(/expected a number from 0 to 1,000,000, received -3/);
    expect(await page.locator('#banner').isVisible()).toBe(true);
    await edit(page, () => page.fill('#price-output', '3'));
    expect(await text(page, '[data-for="prices.outputUsdPerMillion"]')).toBe('');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('a link with an unreadable scenario says so, shows the default, and the page still works', async () => {
    const { page, errors } = await open('#%7Bnot-json');
    expect(await page.locator('#banner').isVisible()).toBe(true);
    expect(await text(page, '#banner')).toMatch(/not readable.*default scenario/);
    expect(await text(page, '#cost-output')).toMatch(/^\$\d/);
    await edit(page, () => page.selectOption('#gpu', 'b200'));
    expect(await text(page, '#verdict')).toMatch(/utilization/);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('a link with an invalid scenario shows the problem by its field; fixing the field recovers', async () => {
    const broken = { option: { model: 'kimi-k2.5', gpu: 'h200', gpus: 16, utilization: 7 }, configJson: null };
    const { page } = await open(`#${encodeURIComponent(JSON.stringify(broken))}`);
    expect(await text(page, '[data-for="utilization"]')).toMatch(/expected a number > 0 and at most 1, received 7/);
    await edit(page, () => page.fill('#utilization', '0.5'));
    expect(await text(page, '#verdict')).toMatch(/at 50% utilization/);
    await page.close();
  });

  it('the market view draws price against size and recomputes the markups when the size range changes', async () => {
    const { page, errors } = await open();
    await reveal(page, 'market-section');
    expect(await page.locator('#view-market svg').count()).toBeGreaterThan(0);
    expect(await text(page, '#market-fit')).toMatch(/R² \d/);
    const before = await text(page, '#market-frontier');
    await page.evaluate(() => { document.getElementById('market-status')!.textContent = 'editing'; });
    await page.fill('#market-active-hi', '60');
    await page.locator('#market-active-hi').dispatchEvent('change');
    await page.waitForFunction(() => document.getElementById('market-status')?.textContent === 'ready', undefined, { timeout: 60_000 });
    expect(await text(page, '#market-frontier')).not.toBe(before);
    expect(page.url()).toContain(encodeURIComponent('"activeParams":[30000000000,60000000000]'));
    expect(errors).toEqual([]);
    await page.close();
  });

  it('the simulation view runs a day of demand on the scenario and shows the fleet and the bill per way of paying', async () => {
    const { page, errors } = await open();
    await page.fill('#sim-duration-hours', '6');
    await page.click('#run-simulation');
    await page.waitForFunction(() => document.getElementById('simulation-status')?.textContent === 'ready', undefined, { timeout: 60_000 });
    expect(await page.locator('#view-simulation svg').count()).toBeGreaterThan(0);
    expect(await text(page, '#simulation-summary')).toMatch(/requests; SLO (met|MISSED)[^;]*; SLO attainment \d/);
    expect(await page.locator('#simulation-costs tbody tr').count()).toBe(4);
    await page.fill('#sim-peak-to-average', '30');
    await page.click('#run-simulation');
    expect(await text(page, '#simulation-error')).toMatch(/peak\/average: expected a number from 1 to 12, received 30/);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('the simulation view replays the Kimi trace slice on the smallest fleet meeting the SLO, and the link keeps the choice', async () => {
    const { page, errors } = await open();
    await page.selectOption('#sim-source', 'mooncake-kimi');
    await page.selectOption('#sim-fleet', 'smallest-meeting-slo');
    await page.click('#run-simulation');
    await page.waitForFunction(() => document.getElementById('simulation-status')?.textContent === 'ready', undefined, { timeout: 90_000 });
    const summary = await text(page, '#simulation-summary');
    expect(summary).toMatch(/^Trace mooncake-kimi-10min\.jsonl: 0 bad rows skipped, prefix-cache hit rate [\d.]+% from its hash_ids\. 1,750 requests; SLO/);
    expect(summary).toMatch(/Smallest fleet meeting the SLO: (\d+ instances|none up to \d+)/);
    expect(await page.locator('#view-simulation figure').count()).toBe(2);
    expect(decodeURIComponent(page.url())).toContain('"source":"mooncake-kimi"');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('the business view prices subscription seats, a lab\'s full cost and the uncertainty of the scenario, and reruns on new inputs', async () => {
    const { page, errors } = await open();
    const run = async () => {
      await page.evaluate(() => { document.getElementById('business-status')!.textContent = 'editing'; });
      await page.click('#run-business');
      await page.waitForFunction(() => document.getElementById('business-status')?.textContent === 'ready', undefined, { timeout: 60_000 });
    };
    await page.fill('#biz-samples', '5000');
    await run();
    expect(await page.locator('#view-business svg').count()).toBeGreaterThanOrEqual(3);
    const charts = await text(page, '#view-business');
    for (const title of ['What a subscription seat costs to serve', 'A lab\'s cost per token', 'Which uncertain input moves the margin most']) expect(charts).toContain(title);
    expect(await page.locator('#subscription-table tbody tr').count()).toBeGreaterThanOrEqual(6);
    expect(await page.locator('#lab-table tbody tr').count()).toBe(2);
    const summary = await text(page, '#uncertainty-summary');
    expect(summary).toMatch(/P\(margin > 0\) = \d+\.\d%/);
    const seatsBefore = await text(page, '#subscription-table');
    await page.fill('#biz-sigma', '3');
    await page.fill('#biz-total-lo', '3');
    await run();
    expect(await text(page, '#subscription-table')).not.toBe(seatsBefore);
    expect(await text(page, '#uncertainty-summary')).not.toBe(summary);
    await page.fill('#biz-util-lo', '0.9');
    await page.fill('#biz-util-hi', '0.5');
    await page.click('#run-business');
    expect(await text(page, '#business-error')).toMatch(/utilization: low 0.9 is above high 0.5/);
    expect(errors).toEqual([]);
    await page.close();
  });

  for (const viewport of [{ width: 390, height: 844 }, { width: 1440, height: 900 }]) {
    it(`at ${viewport.width}×${viewport.height} the section index reaches every section with no horizontal overflow, and the editor stays in reach`, async () => {
      const { page, errors } = await open('', { viewport });
      // The calibration fits while the other views finish, so its section is drawn with data when visited.
      await startCalibration(page);
      await ready(page, 'calibration-status');
      const hashBefore = await page.evaluate(() => location.hash);
      const links = await page.locator('#section-index a').evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).dataset.section ?? ''));
      const sections = await page.locator('section.view').evaluateAll((ss) => ss.map((s) => s.id));
      expect(sections.every((id) => id !== '')).toBe(true);
      expect(links).toEqual(['editor', ...sections]);
      mkdirSync(screenshotDir, { recursive: true });
      for (const id of links) {
        await page.click(`#section-index a[data-section="${id}"]`);
        // A section computed on approach starts when scrolled to and is drawn before it is looked at.
        if (id in COMPUTED_WHEN_NEAR) {
          await ready(page, COMPUTED_WHEN_NEAR[id]!);
          await page.click(`#section-index a[data-section="${id}"]`);
        }
        const at = await page.evaluate((sid) => ({
          top: document.getElementById(sid)!.getBoundingClientRect().top,
          indexBottom: document.getElementById('section-index')!.getBoundingClientRect().bottom,
          scrollWidth: document.documentElement.scrollWidth,
          innerWidth: window.innerWidth,
          editorTop: document.getElementById('editor')!.getBoundingClientRect().top,
          editorBottom: document.getElementById('editor')!.getBoundingClientRect().bottom,
        }), id);
        expect(at.scrollWidth, `page wider than the window at section ${id}`).toBeLessThanOrEqual(at.innerWidth);
        const cut = await page.evaluate(() => {
          const box = document.getElementById('summary-view')!.getBoundingClientRect();
          return [...document.querySelectorAll('#summary dt, #summary dd, #summary p')].filter((e) => e.getBoundingClientRect().right > box.right + 1).map((e) => e.id || e.textContent);
        });
        expect(cut, 'verdict figures cut by their box').toEqual([]);
        // The section starts just under the sticky index (or the page cannot scroll further: the last ones).
        expect(at.top, `section ${id} not scrolled to`).toBeGreaterThanOrEqual(at.indexBottom - 1);
        expect(at.top < viewport.height, `section ${id} not in view`).toBe(true);
        if (viewport.width > 900) {
          expect(at.editorTop, `editor out of reach at ${id}`).toBeGreaterThanOrEqual(at.indexBottom - 1);
          expect(at.editorTop).toBeLessThan(viewport.height / 2);
        }
        await page.screenshot({ path: `${screenshotDir}${viewport.width}x${viewport.height}-${id}.png` });
      }
      if (viewport.width <= 900) {
        // One column: the editor sits above the verdict.
        const [editorBottom, verdictTop] = await page.evaluate(() => [document.getElementById('editor')!.getBoundingClientRect().bottom, document.getElementById('summary-view')!.getBoundingClientRect().top]);
        expect(editorBottom).toBeLessThanOrEqual(verdictTop!);
      }
      expect(await page.evaluate(() => location.hash)).toBe(hashBefore);
      console.log(`screenshots of every section at ${viewport.width}×${viewport.height}: ${screenshotDir}`);
      // The new views' charts are drawn at the window's width, their labels inside the chart.
      const cutLabels = await page.evaluate(() => [...document.querySelectorAll('#view-sensitivity svg, #view-realised svg, #view-calibration svg')].flatMap((svg) => {
        const box = svg.getBoundingClientRect();
        return [...svg.querySelectorAll('text')].filter((t) => { const r = t.getBoundingClientRect(); return r.width > 0 && (r.left < box.left - 1 || r.right > box.right + 1); }).map((t) => t.textContent);
      }));
      expect(cutLabels, 'chart labels cut by their chart').toEqual([]);
      expect(errors).toEqual([]);
      if (viewport.width > 900) wide = { page, errors };
      else await page.close();
    });
  }

  it('the deployment sensitivity charts the margin of each moved input, the chosen option ringed, as the verdict states it', async () => {
    const { page, errors } = await widePage();
    expect(await page.locator('#view-sensitivity g.case-point > *').count()).toBeGreaterThanOrEqual(5);
    expect(await page.locator('#view-sensitivity g.chosen > *').count()).toBe(1);
    const rows = await page.locator('#sensitivity-table tbody tr').allInnerTexts();
    expect(rows[0]).toMatch(/^as given\tnone \(the option as reported\)\t(PROFIT|LOSS)\t-?\d+%\t\$\d/);
    // One answer on the page: the sensitivity's first row is the verdict's own margin and cost.
    expect(rows[0]).toContain(`\t${await text(page, '#margin')}\t`);
    expect(await page.locator('#view-sensitivity a.csv').getAttribute('download')).toBe('deployment-sensitivity.csv');
    expect(await text(page, '#view-sensitivity figcaption')).toMatch(/Each row moves one input of the chosen option/);
    expect(errors).toEqual([]);
  });

  it('the realised prices chart list against realised per schedule, and follow the traffic mix', async () => {
    const { page, errors } = await widePage();
    const schedules = await page.locator('#realised-table tbody tr').count();
    expect(schedules).toBeGreaterThanOrEqual(10);
    expect(await page.locator('#view-realised g.price-dot > *').count()).toBe(2 * schedules);
    const before = await text(page, '#realised-table');
    await page.evaluate(() => { document.getElementById('realised-status')!.textContent = 'editing'; });
    await page.fill('#realised-batch-share', '1');
    await page.locator('#realised-batch-share').dispatchEvent('change');
    await ready(page, 'realised-status');
    expect(await text(page, '#realised-table')).not.toBe(before);
    expect(await text(page, '#realised-summary')).toMatch(/100% of requests by batch/);
    await page.fill('#realised-requests', '0.5:100');
    await page.locator('#realised-requests').dispatchEvent('change');
    expect(await text(page, '#realised-error')).toBe('context mix, class 1: "0.5:100"; expected share:inputTokens:outputTokens, e.g. 0.9:8000:400');
    expect(errors).toEqual([]);
  });

  it('the calibration fits your measurements, charts them against the model, and its factors can run the page; bad cases are named', async () => {
    const { page, errors } = await widePage();
    expect(await text(page, '#calibration-summary')).toMatch(/^24 cases from 10 sources fitted\. Median \|error\| in sample [\d.]+%, leaving each source out [\d.]+%\.$/);
    expect(await page.locator('#view-calibration g.fitted > *').count()).toBe(49);
    expect(await page.locator('#calibration-factors tbody tr').count()).toBeGreaterThan(0);
    const cost = await text(page, '#cost-output');
    await page.evaluate(() => { document.getElementById('status')!.textContent = 'editing'; });
    await page.click('#use-factors');
    await settled(page);
    expect(await page.locator('#profile-note').isVisible()).toBe(true);
    expect(await text(page, '#cost-output')).not.toBe(cost);
    // An uploaded file is read into the box and fitted at once.
    await page.evaluate(() => { document.getElementById('calibration-status')!.textContent = 'editing'; });
    await page.setInputFiles('#calibration-file', { name: 'mine.json', mimeType: 'application/json', buffer: Buffer.from('[{"id": "mine", "gpus": 8}]') });
    await ready(page, 'calibration-status');
    expect(await page.inputValue('#calibration-text')).toBe('[{"id": "mine", "gpus": 8}]');
    expect(await text(page, '#calibration-error')).toMatch(/^no valid case among 1 \(mine: not a valid case: /);
    expect(errors).toEqual([]);
  });

  it('switching the model moves the prices, the verdict and the assumptions with it; a model with no market price asks for prices', async () => {
    const { page, errors } = await open();
    const verdict = await text(page, '#verdict');
    expect(verdict).toMatch(/^Kimi K2\.5 on 16 × NVIDIA H200[^,]* with sglang, rented at [\d.]+ USD per GPU-hour[^;]*; token prices: median of \d+ providers of kimi-k2\.5\./);
    await edit(page, () => page.selectOption('#model', 'llama-3.1-405b'));
    expect(await page.inputValue('#price-mode')).toBe('market');
    expect(await page.inputValue('#price-model')).toBe('llama-3.1-405b');
    const llama = await text(page, '#verdict');
    expect(llama).not.toBe(verdict);
    expect(llama).toMatch(/^Llama[^,]*405B on 16 × NVIDIA H200/);
    expect(llama).toMatch(/token prices: median of \d+ providers of llama-3\.1-405b\./);
    expect(await text(page, '#view-assumptions')).toContain('providers of llama-3.1-405b');
    expect(await text(page, '#view-assumptions')).not.toContain('providers of kimi-k2.5');

    await edit(page, () => page.selectOption('#model', 'llama-4-scout'));
    expect(await text(page, '#price-note')).toBe('no market price for llama-4-scout: enter prices');
    expect(await page.inputValue('#price-mode')).toBe('typed');
    expect(await page.inputValue('#price-output')).toBe('');
    await edit(page, async () => {
      await page.fill('#price-input', '0.2');
      await page.fill('#price-cached-input', '0.05');
      await page.fill('#price-output', '0.6');
    });
    expect(await text(page, '#verdict')).toMatch(/^Llama[^,]*Scout[^;]*; token prices: typed prices\./);
    expect(await page.locator('#price-note').isVisible()).toBe(false);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('a link with a wrongly typed field starts the default scenario with one message naming the field', async () => {
    const { page, errors } = await open(`#${encodeURIComponent(JSON.stringify({ option: { prices: 'abc' } }))}`);
    expect(await page.locator('#banner').isVisible()).toBe(true);
    expect(await text(page, '#banner')).toMatch(/^the link's scenario has fields of the wrong type \(option\.prices: expected [^)]*received "abc"\); showing the default scenario instead\.$/);
    expect(await text(page, '#verdict')).toMatch(/^Kimi K2\.5 on 16 × /);
    expect(await text(page, '#cost-output')).toMatch(/^\$\d/);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('prints the first render and a recompute of the default scenario (figures, not assertions)', async () => {
    const page = await browser.newPage();
    await page.goto(server.url);
    await settled(page);
    // From navigation start to the verdict drawn (an upper bound: the wait polls).
    const firstRenderMs = Math.round(await page.evaluate(() => performance.now()));
    const recomputeMs: string[] = [];
    for (const gpus of ['24', '16']) {
      await edit(page, () => page.fill('#gpus', gpus));
      // In the page: from the edit's request to its answer (the worker's run and the message back).
      recomputeMs.push(await page.evaluate(() => document.body.dataset.viewMs ?? '?'));
    }
    console.log(`default scenario in headless Chromium: first render ${firstRenderMs} ms (goal < 2,000); recompute after an edit ${recomputeMs.join(' ms and ')} ms (goal < 300)`);
    expect(await text(page, '#verdict')).toMatch(/^Kimi K2\.5 on 16 × /);
    await page.close();
  });

  it('an edit made while a simulation runs is answered at once; the simulation shows progress', async () => {
    const { page, errors } = await open();
    await page.click('#run-simulation');
    // The 24-hour default day takes seconds: past half a second its progress bar shows.
    await page.waitForSelector('#simulate-progress:not([hidden])', { timeout: 5_000 });
    const cost = await text(page, '#cost-output');
    const t = Date.now();
    await edit(page, () => page.selectOption('#gpu', 'b200'));
    const editMs = Date.now() - t;
    expect(await text(page, '#simulation-status')).toBe('simulating…');
    expect(await text(page, '#cost-output')).not.toBe(cost);
    // The property is that the edit did not wait for the simulation (still running, asserted above); the time is printed.
    console.log(`an edit during a running simulation was answered in ${editMs} ms, the simulation still running`);
    expect(errors).toEqual([]);
    await page.close();
  }, 120_000);

  it('100,000 accelerators, typed or in a link, are refused at once with the allowed range by the field', async () => {
    const { page, errors } = await open();
    await edit(page, () => page.fill('#gpus', '100000'));
    const typedMs = Number(await page.evaluate(() => document.body.dataset.viewMs));
    expect(await text(page, '[data-for="gpus"]')).toBe('expected a whole number from 1 to 65,536, received 100000');
    await page.close();
    const link = `#${encodeURIComponent(JSON.stringify({ option: { gpus: 100000 } }))}`;
    const again = await open(link, { cold: true });
    const linkMs = await again.page.evaluate(() => Math.round(performance.now()));
    // Where the time goes: the page's script loaded and ran, then start() (editor, link, the check on the page's thread that refuses the link).
    const [importedMs, startedMs, frameMs] = await again.page.evaluate(() => [document.body.dataset.importedMs, document.body.dataset.startedMs, document.body.dataset.firstFrameMs]);
    expect(await text(again.page, '[data-for="gpus"]')).toMatch(/from 1 to 65,536, received 100000/);
    expect(await again.page.inputValue('#model')).toBe('kimi-k2.5');
    console.log(`gpus 100000: typed, refused ${typedMs} ms after the edit (goal < 1,000); a link with it, refused ${linkMs} ms after navigation start (page modules run by ${importedMs} ms, refused on the page's thread by ${startedMs} ms, drawn in the first frame at ${frameMs} ms, before the worker answers; the views load after)`);
    // Refused, not computed: the 80 s freeze this guards against is far past this bound, which leaves room for a loaded machine.
    expect(typedMs).toBeLessThan(5_000);
    expect([...errors, ...again.errors]).toEqual([]);
    await again.page.close();
  }, 120_000);

  it('a partial link is merged with the defaults, and carries the simulation and business inputs', async () => {
    const partial = { option: { gpu: 'b200', workload: { outputTokens: 800 } }, demand: { requestsPerSecond: 3 }, business: { samples: 5000, usageProfile: 'enterprise-rollout' } };
    const { page, errors } = await open(`#${encodeURIComponent(JSON.stringify(partial))}`);
    expect(await page.locator('#banner').isVisible()).toBe(false);
    expect(await page.inputValue('#gpu')).toBe('b200');
    expect(await page.inputValue('#model')).toBe('kimi-k2.5');
    expect(await page.inputValue('#gpus')).toBe('16');
    expect(await page.inputValue('#output-tokens')).toBe('800');
    expect(await page.inputValue('#input-tokens')).toBe('5000');
    expect(await page.inputValue('#sim-requests-per-second')).toBe('3');
    expect(await page.inputValue('#sim-duration-hours')).toBe('24');
    expect(await page.inputValue('#biz-samples')).toBe('5000');
    expect(await page.inputValue('#biz-usage')).toBe('enterprise-rollout');
    expect(await text(page, '#verdict')).toMatch(/^Kimi K2\.5 on 16 × NVIDIA B200/);
    // The link now holds the whole state, business inputs included, and a new business input joins it.
    await page.fill('#biz-lifetime', '24');
    await page.locator('#biz-lifetime').dispatchEvent('change');
    const link = JSON.parse(decodeURIComponent(new URL(page.url()).hash.slice(1))) as { option: { workload: { inputTokens: number } }; business: { lifetimeMonths: number; samples: number } };
    expect(link.option.workload.inputTokens).toBe(5000);
    expect(link.business).toMatchObject({ lifetimeMonths: 24, samples: 5000 });
    expect(errors).toEqual([]);
    await page.close();

    // A model without prices in the link gets that model's prices, as choosing it in the editor does.
    const llama = await open(`#${encodeURIComponent(JSON.stringify({ option: { model: 'llama-3.1-405b' } }))}`);
    expect(await llama.page.inputValue('#price-model')).toBe('llama-3.1-405b');
    expect(await text(llama.page, '#verdict')).toMatch(/token prices: median of \d+ providers of llama-3\.1-405b\./);
    await llama.page.close();
  }, 120_000);

  it('a comparison of three options draws one frontier with three colours and a verdict each, and the link keeps it', async () => {
    const { page, errors } = await open();
    await page.evaluate(() => { document.getElementById('compare-status')!.textContent = 'editing'; });
    await page.click('#compare-gpus');
    await page.waitForFunction(() => document.getElementById('compare-status')?.textContent === 'ready', undefined, { timeout: 60_000 });
    const verdicts = await page.locator('#compare-verdicts li').allInnerTexts();
    expect(verdicts).toHaveLength(3);
    for (const [i, gpu] of ['H200', 'B200', 'MI300X'].entries()) {
      expect(verdicts[i]).toMatch(new RegExp(`^${i + 1}\\. Kimi K2\\.5, 16 × ${gpu.toLowerCase()}`));
      expect(verdicts[i]).toMatch(/(Profitable|Loses money) at 60% utilization/);
    }
    const frontiers = page.locator('#view-compare figure').filter({ hasText: 'Throughput against interactivity, option by option' });
    expect(await frontiers.count()).toBe(1);
    const lineColours = await frontiers.locator('g.front path').evaluateAll((ps) => ps.map((p) => p.getAttribute('stroke')));
    expect(lineColours).toHaveLength(3);
    expect(new Set(lineColours).size).toBe(3);
    // Each verdict wears its option's colour.
    const cardColours = await page.locator('#compare-verdicts li').evaluateAll((ls) => ls.map((l) => (l as HTMLElement).dataset.colour));
    expect([...cardColours].sort()).toEqual([...lineColours].sort());
    expect(await page.locator('#view-compare g.cost-bars rect').count()).toBe(9);
    const again = await open(new URL(page.url()).hash);
    await again.page.waitForFunction(() => document.getElementById('compare-status')?.textContent === 'ready', undefined, { timeout: 60_000 });
    expect(await again.page.locator('#compare-verdicts li').allInnerTexts()).toEqual(verdicts);
    await again.page.click('#compare-verdicts li:nth-child(2) button.remove');
    await again.page.waitForFunction(() => document.querySelectorAll('#compare-verdicts li').length === 2, undefined, { timeout: 60_000 });
    expect(errors).toEqual([]);
    await page.close();
    await again.page.close();
  }, 150_000);

  it('a copied link restores the same numbers', async () => {
    const { page } = await open();
    await edit(page, () => page.selectOption('#gpu', 'b200'));
    await edit(page, () => page.fill('#utilization', '0.45'));
    const url = page.url();
    const figures = await Promise.all(['#cost-output', '#cost-input', '#margin', '#break-even'].map((s) => text(page, s)));
    const again = await context.newPage();
    await again.goto(url);
    await settled(again);
    expect(await Promise.all(['#cost-output', '#cost-input', '#margin', '#break-even'].map((s) => text(again, s)))).toEqual(figures);
    expect(await again.inputValue('#gpu')).toBe('b200');
    await page.close();
    await again.close();
  }, 120_000);
});
