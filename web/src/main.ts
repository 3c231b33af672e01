import './style.css';
import type { ValidationRow } from './charts/types.js';
import type { AppState, ViewModel } from './compute/computeView.js';
import type { WorkerResponse } from './compute/worker.js';
import { WorkerLanes, type JobKind } from './compute/lanes.js';
import { buildEditor, readEditor, showProblems, updateVisibility, writeEditor } from './editor/editor.js';
import { pricesFollowModel, pricesSetByUser } from './editor/pricesFollowModel.js';
import { DEFAULT_STATE } from './state/defaultState.js';
import { decodeState, encodeState, type LinkState } from './state/urlState.js';
import { MAX_COMPARED, reportOptions, sameModelOn, type CompareEntry } from './compare/comparison.js';
import type { ComputeResult } from './compute/computeView.js';
import type { PhysicsRow } from './compute/physicsRows.js';
import { DEFAULT_DEMAND, type DemandState } from './compute/simulationView.js';
import { DEFAULT_BUSINESS, type BusinessState } from './compute/businessView.js';
import { DEFAULT_SIZE_RANGE, type SizeRange } from '../../src/core/market/marketAnalysis.js';
import type { EfficiencyProfile } from '../../src/core/perf/efficiencyProfiles.js';
import type { RealisedState } from './compute/realisedView.js';
import { parseRequestMix } from '../../src/core/market/requestMixText.js';
import { earlyProblems } from './state/earlyCheck.js';
import { BUSINESS_SCHEMAS, DEMAND_SCHEMAS, PanelReader } from './state/panelNumbers.js';
import { fraction, numberIn, positive, wholeNumberIn, type NumberSchema } from '../../src/core/numberSchemas.js';
import { BILLION, TRILLION } from '../../src/core/units.js';

/** When the page's modules had loaded and run (ms after navigation start), for the browser tests to print where the first answer's time goes. */
const IMPORTED_MS = Math.round(performance.now());
/**
 * The views and their charts (Plot, d3): a chunk of their own, loaded once the editor and a
 * refused link's field messages are on screen (see {@link loadViews}); answers wait for it.
 */
type Views = typeof import('./lazyViews.js');
let views: Views | null = null;
let viewsLoading: Promise<Views> | null = null;

/** Starts loading the views (once); resolves when they can draw. */
function loadViews(): Promise<Views> {
  viewsLoading ??= import('./lazyViews.js').then((m) => {
    views = m;
    document.body.dataset.viewsLoadedMs = String(Math.round(performance.now()));
    const picker = $<HTMLSelectElement>('market-provider');
    for (const c of m.providerChoices()) picker.add(new Option(c.label, c.value));
    return m;
  });
  return viewsLoading;
}

const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
const form = $<HTMLFormElement>('editor');
const banner = $<HTMLElement>('banner');
const status = $<HTMLElement>('status');

/** Where each kind of work reports its state; a run past half a second shows a progress bar beside it. */
const STATUS_OF: Readonly<Record<JobKind, string>> = {
  view: 'status', simulate: 'simulation-status', business: 'business-status', market: 'market-status',
  'market-breadth': 'market-breadth-status', validation: 'validation-status', compare: 'compare-status',
  sensitivity: 'sensitivity-status', realised: 'realised-status', calibrate: 'calibration-status',
};

/** Efficiency factors fitted to the user's measurements and chosen for the whole page (null: the shipped ones); not in the link. */
let fittedProfile: EfficiencyProfile | null = null;

/** A state for the worker: the editor's, with the fitted factors when the user chose them. */
function withProfile<T extends AppState>(state: T): T {
  return fittedProfile === null ? state : { ...state, profile: fittedProfile };
}

function showProgress(kind: JobKind, slow: boolean): void {
  const id = `${kind}-progress`;
  let bar = document.getElementById(id) as HTMLProgressElement | null;
  if (bar === null) {
    if (!slow) return;
    bar = Object.assign(document.createElement('progress'), { id, className: 'working' });
    bar.setAttribute('aria-label', `${kind} computing`);
    $(STATUS_OF[kind]).after(bar);
  }
  bar.hidden = !slow;
}

const lanes = new WorkerLanes({
  create: () => new Worker(new URL('./compute/worker.ts', import.meta.url), { type: 'module' }),
  onAnswer: (res, elapsedMs) => {
    // How long the newest request of each kind took, post to answer, for the browser tests to print.
    document.body.dataset[`${res.kind.replace('-', '')}Ms`] = String(Math.round(elapsedMs));
    answer(res);
  },
  onSlow: showProgress,
  onError: (kind, message) => {
    if (kind === 'view') {
      say(`The computation failed: ${message}`);
      status.textContent = 'error';
    } else {
      $(STATUS_OF[kind]).textContent = `failed: ${message}`;
    }
  },
  now: () => performance.now(),
});

/** A panel's field as typed. */
const typed = (id: string) => $<HTMLInputElement>(id).value;

/** The frontier-model size range the market view uses, read from its inputs (T and B); null with the problems when a field is wrong. */
function readSizeRange(): { range: SizeRange | null; problems: string[] } {
  const p = new PanelReader();
  const total = p.pair('total parameters (T)', typed('market-total-lo'), typed('market-total-hi'), positive);
  const active = p.pair('active parameters (B)', typed('market-active-lo'), typed('market-active-hi'), positive);
  const range = total === null || active === null ? null : { totalParams: [total[0] * TRILLION, total[1] * TRILLION] as const, activeParams: [active[0] * BILLION, active[1] * BILLION] as const };
  return { range, problems: p.problems };
}

function writeSizeRange(r: SizeRange): void {
  $<HTMLInputElement>('market-total-lo').value = String(r.totalParams[0] / TRILLION);
  $<HTMLInputElement>('market-total-hi').value = String(r.totalParams[1] / TRILLION);
  $<HTMLInputElement>('market-active-lo').value = String(r.activeParams[0] / BILLION);
  $<HTMLInputElement>('market-active-hi').value = String(r.activeParams[1] / BILLION);
}

/** The simulation view's inputs; null with the problems when a number is wrong. */
function readDemand(): { demand: DemandState | null; problems: string[] } {
  const p = new PanelReader();
  const source = $<HTMLSelectElement>('sim-source').value;
  const fleet = $<HTMLSelectElement>('sim-fleet').value;
  const requestsPerSecond = p.number('requests/s', typed('sim-requests-per-second'), DEMAND_SCHEMAS.requestsPerSecond);
  const peakToAverage = p.number('peak/average', typed('sim-peak-to-average'), DEMAND_SCHEMAS.peakToAverage);
  const durationHours = p.number('hours', typed('sim-duration-hours'), DEMAND_SCHEMAS.durationHours);
  const demand = requestsPerSecond === null || peakToAverage === null || durationHours === null ? null : {
    source: source === 'azure-conv' || source === 'azure-code' || source === 'mooncake-kimi' ? source : 'synthetic',
    requestsPerSecond, peakToAverage, durationHours,
    fleet: fleet === 'fixed' || fleet === 'smallest-meeting-slo' ? fleet : 'autoscale',
  } as const;
  return { demand, problems: p.problems };
}

function writeDemand(d: DemandState): void {
  $<HTMLSelectElement>('sim-source').value = d.source;
  $<HTMLInputElement>('sim-requests-per-second').value = String(d.requestsPerSecond);
  $<HTMLInputElement>('sim-peak-to-average').value = String(d.peakToAverage);
  $<HTMLInputElement>('sim-duration-hours').value = String(d.durationHours);
  $<HTMLSelectElement>('sim-fleet').value = d.fleet;
}

/** The options of the comparison, in their order (which fixes their colours). */
let compared: CompareEntry[] = [];

/** Everything the link carries: the editor, the market's size range, the simulation's demand and the business inputs (each when valid), the comparison. */
function linkState(): LinkState {
  const business = readBusiness().state;
  const sizeRange = readSizeRange().range;
  const demand = readDemand().demand;
  return { ...readEditor(form), ...(sizeRange === null ? {} : { sizeRange }), ...(demand === null ? {} : { demand }), ...(business === null ? {} : { business }), compare: compared };
}

function saveLink(): void {
  history.replaceState(null, '', encodeState(linkState()));
}

/** Computes every compared option (its own worker lane), or shows the empty comparison. */
function requestCompare(): void {
  saveLink();
  if (compared.length === 0) {
    drawComparison([]);
    return;
  }
  $('compare-status').textContent = 'computing…';
  lanes.post({ kind: 'compare', states: compared.map(withProfile), today: new Date().toISOString().slice(0, 10) });
}

function drawComparison(results: readonly ComputeResult[]): void {
  if (views === null) {
    void loadViews().then(() => drawComparison(results));
    return;
  }
  try {
    views.renderComparison($('view-compare'), compared, results, (i) => {
      compared = compared.filter((_, j) => j !== i);
      requestCompare();
    });
  } catch (e) {
    $('view-compare').textContent = `This view failed: ${e instanceof Error ? e.message : String(e)}`;
  }
  $('compare-status').textContent = 'ready';
}

/** Sets the compared options (at most {@link MAX_COMPARED}, saying so past it) and computes them. */
function setCompared(entries: readonly CompareEntry[]): void {
  $('compare-error').textContent = entries.length > MAX_COMPARED ? `at most ${MAX_COMPARED} options; remove one to add another` : '';
  if (entries.length > MAX_COMPARED) return;
  compared = [...entries];
  requestCompare();
}

function wireComparison(): void {
  $('compare-add').addEventListener('click', () => setCompared([...compared, readEditor(form)]));
  $('compare-gpus').addEventListener('click', () => setCompared(sameModelOn(readEditor(form))));
  $('compare-report').addEventListener('click', () => setCompared(reportOptions()));
  $('compare-clear').addEventListener('click', () => setCompared([]));
}

/** Runs the simulation of the editor's scenario under the demand inputs (on request: it takes seconds). */
function requestSimulation(): void {
  const { demand, problems } = readDemand();
  $('simulation-error').textContent = problems.join('; ');
  if (demand === null) return;
  saveLink();
  $('simulation-status').textContent = 'simulating…';
  lanes.post({ kind: 'simulate', state: withProfile(readEditor(form)), demand });
}

/**
 * Reads the business view's inputs; every problem names its field, the value and what is allowed.
 * An empty optional field means the usage profile's own value.
 */
function readBusiness(): { state: BusinessState | null; problems: string[] } {
  const p = new PanelReader();
  const pair = (lo: string, hi: string, label: string, schema: NumberSchema) => p.pair(label, typed(lo), typed(hi), schema) ?? [0, 0] as const;
  const state: BusinessState = {
    usageProfile: ((id: string) => (id === 'enterprise-rollout' || id === 'coding-agent' || id === 'chat' ? id : null))($<HTMLSelectElement>('biz-usage').value),
    idleShare: p.optional('idle seats', typed('biz-idle-share'), BUSINESS_SCHEMAS.idleShare),
    medianMillionTokensPerMonth: p.optional('median tokens/month', typed('biz-median'), BUSINESS_SCHEMAS.medianMillionTokensPerMonth),
    sigma: p.optional('sigma', typed('biz-sigma'), BUSINESS_SCHEMAS.sigma),
    lifetimeMonths: p.number('lifetime (months)', typed('biz-lifetime'), BUSINESS_SCHEMAS.lifetimeMonths) ?? 0,
    outputTrillionTokensPerMonth: p.number('output tokens/month (T)', typed('biz-output-volume'), BUSINESS_SCHEMAS.outputTrillionTokensPerMonth) ?? 0,
    discount: p.optional('compute discount', typed('biz-discount'), BUSINESS_SCHEMAS.discount),
    base: $<HTMLSelectElement>('biz-base').value === 'editor' ? 'editor' : 'builtin',
    totalParamsT: pair('biz-total-lo', 'biz-total-hi', 'total parameters (T)', numberIn(0.01, 100)),
    activeParamsB: pair('biz-active-lo', 'biz-active-hi', 'active parameters (B)', numberIn(0.1, 10_000)),
    utilization: pair('biz-util-lo', 'biz-util-hi', 'utilization', numberIn(0.01, 1)),
    samples: p.number('samples', typed('biz-samples'), wholeNumberIn(100, 200_000)) ?? 0,
  };
  return { state: p.problems.length === 0 ? state : null, problems: p.problems };
}

function writeBusiness(b: BusinessState): void {
  const set = (id: string, x: number | null) => { $<HTMLInputElement>(id).value = x === null ? '' : String(x); };
  $<HTMLSelectElement>('biz-usage').value = b.usageProfile ?? '';
  set('biz-idle-share', b.idleShare);
  set('biz-median', b.medianMillionTokensPerMonth);
  set('biz-sigma', b.sigma);
  set('biz-lifetime', b.lifetimeMonths);
  set('biz-output-volume', b.outputTrillionTokensPerMonth);
  set('biz-discount', b.discount);
  $<HTMLSelectElement>('biz-base').value = b.base;
  set('biz-total-lo', b.totalParamsT[0]); set('biz-total-hi', b.totalParamsT[1]);
  set('biz-active-lo', b.activeParamsB[0]); set('biz-active-hi', b.activeParamsB[1]);
  set('biz-util-lo', b.utilization[0]); set('biz-util-hi', b.utilization[1]);
  set('biz-samples', b.samples);
}

/** Runs subscriptions, the lab and the uncertainty analysis for the editor's scenario (on request: seconds). */
function requestBusiness(): void {
  const { state, problems } = readBusiness();
  $('business-error').textContent = problems.join('; ');
  if (state === null) return;
  saveLink();
  $('business-status').textContent = 'computing…';
  lanes.post({ kind: 'business', state: withProfile(readEditor(form)), business: state, today: new Date().toISOString().slice(0, 10) });
}

/** Asks for the market view; a range that is not two positive numbers low <= high is shown as its problems instead. */
function requestMarket(): void {
  const { range, problems } = readSizeRange();
  $('market-error').textContent = problems.join('; ');
  if (range === null) return;
  $('market-status').textContent = 'computing…';
  lanes.post({ kind: 'market', sizeRange: range });
}
/** Asks for the whole-market view: the date window (from <= to) and the picked provider. */
function requestMarketBreadth(): void {
  const from = $<HTMLInputElement>('market-from').value;
  const to = $<HTMLInputElement>('market-to').value;
  const ok = from === '' || to === '' || from <= to;
  $('market-breadth-error').textContent = ok ? '' : `the window must start on or before its end (from ${from}, to ${to})`;
  if (!ok) return;
  $('market-breadth-status').textContent = 'computing…';
  lanes.post({ kind: 'market-breadth', breadth: { from, to, provider: $<HTMLSelectElement>('market-provider').value } });
}

let lastGood: ViewModel | null = null;

function say(text: string | null): void {
  banner.hidden = text === null;
  banner.textContent = text ?? '';
}

/** Draws every view; a failure in one view is shown in it and never blanks the page. */
function render(v: ViewModel, physics: readonly PhysicsRow[], drawn: Views): void {
  const parts: [string, (host: HTMLElement, v: ViewModel) => void][] = [
    ['summary', drawn.renderSummary], ['view-frontier', drawn.renderFrontier], ['view-cost', drawn.renderCost], ['view-margin', drawn.renderMargin],
    ['view-assumptions', (host, view) => drawn.renderAssumptions(host, view, physics)],
  ];
  for (const [id, draw] of parts) {
    try {
      draw($(id), v);
    } catch (e) {
      $(id).textContent = `This view failed: ${e instanceof Error ? e.message : String(e)}`;
    }
  }
}

/** The state of the newest view request: its sensitivity runs once its verdict is drawn. */
let viewState: AppState | null = null;

function request(state: AppState | LinkState): void {
  status.textContent = 'computing…';
  viewState = withProfile(state);
  // A new scenario supersedes a sensitivity not yet sent for the last one.
  if (sensitivityTimer !== null) clearTimeout(sensitivityTimer);
  sensitivityTimer = null;
  sensitivityWaits = false;
  lanes.post({ kind: 'view', state: viewState, today: new Date().toISOString().slice(0, 10) });
}

/** A sensitivity request waiting for the editing to pause. */
let sensitivityTimer: ReturnType<typeof setTimeout> | null = null;
/** Whether the sensitivity section is within a screen of the window (always, without IntersectionObserver). */
let sensitivityNear = typeof IntersectionObserver === 'undefined';
/** Whether the drawn verdict's sensitivity waits for its section to come near. */
let sensitivityWaits = false;

/**
 * The deployment sensitivity of the scenario just drawn (its own lane: five more runs of the
 * model), sent once no edit has followed for a quarter of a second, so that while the user types
 * it does not take the CPU from the verdict's recompute; and only while its section is within a
 * screen of the window (else once it comes near), so edits far from it do not pay for it.
 */
function requestSensitivity(): void {
  const state = viewState;
  if (state === null) return;
  sensitivityWaits = !sensitivityNear;
  if (sensitivityWaits) {
    $('sensitivity-status').textContent = NOT_YET_SHOWN;
    return;
  }
  $('sensitivity-status').textContent = 'computing…';
  if (sensitivityTimer !== null) clearTimeout(sensitivityTimer);
  sensitivityTimer = setTimeout(() => {
    sensitivityTimer = null;
    lanes.post({ kind: 'sensitivity', state, today: new Date().toISOString().slice(0, 10) });
  }, 250);
}

/** Reads the realised-price inputs: an empty field is the preset's value; every problem names its field. */
function readRealised(): { state: RealisedState | null; problems: string[] } {
  const p = new PanelReader();
  const workload = $<HTMLSelectElement>('realised-workload').value;
  const batchShare = p.optional('batch share', typed('realised-batch-share'), fraction);
  const cacheHitRate = p.optional('cache hit rate', typed('realised-cache-hit-rate'), fraction);
  const cacheWriteShare = p.optional('cache writes', typed('realised-cache-write-share'), fraction);
  const mix = parseRequestMix($<HTMLInputElement>('realised-requests').value);
  if ('problem' in mix) p.problems.push(mix.problem);
  const state: RealisedState = {
    workload: workload === 'rag' || workload === 'coding-agent' || workload === 'batch' ? workload : 'chat',
    model: $<HTMLSelectElement>('realised-model').value,
    batchShare, cacheHitRate, cacheWriteShare,
    requests: 'problem' in mix ? null : mix.requests,
  };
  return { state: p.problems.length === 0 ? state : null, problems: p.problems };
}

function requestRealised(): void {
  const { state, problems } = readRealised();
  $('realised-error').textContent = problems.join('; ');
  if (state === null) return;
  $('realised-status').textContent = 'computing…';
  lanes.post({ kind: 'realised', realised: state });
}

/** Validates and fits the pasted measurements in their own worker lane. */
function requestCalibration(): void {
  const text = $<HTMLTextAreaElement>('calibration-text').value;
  $('calibration-error').textContent = text.trim() === '' ? 'paste or upload measured cases first (a JSON array in the validation format)' : '';
  if (text.trim() === '') return;
  $('calibration-status').textContent = 'fitting…';
  lanes.post({ kind: 'calibrate', text });
}

/** Makes the page (verdict, charts, sensitivity, comparison, simulation, business) use `profile`, or the shipped factors (null). */
function useProfile(profile: EfficiencyProfile | null, description: string): void {
  fittedProfile = profile;
  $('profile-note').hidden = profile === null;
  $('profile-note-text').textContent = profile === null ? '' : `Using the efficiency factors fitted to ${description} (kept on this page only; a copied link uses the shipped factors).`;
  request(linkState());
  requestCompare();
}

function wireCalibration(): void {
  const box = $<HTMLTextAreaElement>('calibration-text');
  // The shipped cases are a chunk of their own, fetched on request.
  $('calibration-shipped').addEventListener('click', () => {
    void import('./data/validationCases.json').then((m) => { box.value = JSON.stringify(m.default, null, 1); });
  });
  $<HTMLInputElement>('calibration-file').addEventListener('change', (e) => {
    const file = (e.target as HTMLInputElement).files?.[0];
    if (file === undefined) return;
    void file.text().then((t) => { box.value = t; requestCalibration(); }, (err: unknown) => {
      $('calibration-error').textContent = `could not read ${file.name}: ${err instanceof Error ? err.message : String(err)}`;
    });
  });
  $('run-calibration').addEventListener('click', requestCalibration);
  $('profile-revert').addEventListener('click', () => useProfile(null, ''));
}

/** Draws a view computed on request (`view-<name>`, status `<name>-status`); a failure is shown in the view, never thrown. */
function drawOnRequest<T extends object>(name: string, result: T | { readonly error: string }, draw: (host: HTMLElement, m: T) => void): void {
  const host = $(`view-${name}`);
  try {
    if ('error' in result) host.textContent = `This view failed: ${result.error}`;
    else draw(host, result);
  } catch (e) {
    host.textContent = `This view failed: ${e instanceof Error ? e.message : String(e)}`;
  }
  $(`${name}-status`).textContent = 'ready';
}

/** Statuses of the sections computed once they come near the window, before they do. */
const NOT_YET_SHOWN = 'computed when scrolled to';
/** How near the window a section counts as shown: within one window height below it. */
const NEAR_MARGIN = '0px 0px 100% 0px';

/** Follows whether the sensitivity section is near the window; a verdict's sensitivity that waited for it is sent when it comes near. */
function watchSensitivity(): void {
  if (typeof IntersectionObserver === 'undefined') return;
  new IntersectionObserver((entries) => {
    sensitivityNear = entries[entries.length - 1]?.isIntersecting ?? sensitivityNear;
    if (sensitivityNear && sensitivityWaits) requestSensitivity();
  }, { rootMargin: NEAR_MARGIN }).observe($('sensitivity-section'));
}

/**
 * Runs `compute` once the section comes within a screen of the window (at once where the browser
 * has no IntersectionObserver). The market, realised-price, whole-market and validation sections
 * sit far below the verdict: a visitor who never scrolls there spends no CPU on them, and one who
 * does finds them computing or drawn by the time they arrive.
 */
function whenNear(sectionId: string, statusId: string, compute: () => void): void {
  if (typeof IntersectionObserver === 'undefined') return compute();
  $(statusId).textContent = NOT_YET_SHOWN;
  const observer = new IntersectionObserver((entries) => {
    if (!entries.some((e) => e.isIntersecting)) return;
    observer.disconnect();
    compute();
  }, { rootMargin: NEAR_MARGIN });
  observer.observe($(sectionId));
}

/** The requests of the other views, sent once the first verdict is drawn (null after). */
let afterFirstView: (() => void) | null = null;

/** Draws the answer to the newest request of a kind (the lanes drop stale ones), once the views have loaded. */
function answer(res: WorkerResponse): void {
  if (views === null) void loadViews().then((loaded) => drawAnswer(res, loaded));
  else drawAnswer(res, views);
}

function drawAnswer(res: WorkerResponse, ui: Views): void {
  if (res.kind === 'simulate') return drawOnRequest('simulation', res.result, ui.renderSimulation);
  if (res.kind === 'business') return drawOnRequest('business', res.result, ui.renderBusiness);
  if (res.kind === 'market') return drawOnRequest('market', res.result, ui.renderMarket);
  if (res.kind === 'market-breadth') return drawOnRequest('market-breadth', res.result, ui.renderMarketBreadth);
  if (res.kind === 'compare') return drawComparison(res.result);
  if (res.kind === 'sensitivity') return drawOnRequest('sensitivity', res.result, ui.renderSensitivity);
  if (res.kind === 'realised') {
    const picker = $<HTMLSelectElement>('realised-model');
    // The models with a schedule come with the first answer (the schedules stay off the page's thread).
    if (!('error' in res.result) && picker.options.length === 1) for (const m of res.result.models) picker.add(new Option(m, m));
    return drawOnRequest('realised', res.result, ui.renderRealised);
  }
  if (res.kind === 'calibrate') {
    const result = res.result;
    $('calibration-error').textContent = 'error' in result ? result.error : '';
    return drawOnRequest('calibration', result, (host, m) => ui.renderCalibration(host, m, () => useProfile(m.profile, `${m.cases} of your cases`)));
  }
  if (res.kind === 'validation') {
    try {
      ui.renderValidation($('view-validation'), res.result.rows as ValidationRow[], res.result.summary);
    } catch (e) {
      $('view-validation').textContent = `This view failed: ${e instanceof Error ? e.message : String(e)}`;
    }
    $('validation-status').textContent = 'ready';
    return;
  }
  const r = res.result;
  // The other views start once the verdict is drawn, so that they do not slow the first one down.
  const then = afterFirstView;
  afterFirstView = null;
  if (then !== null) setTimeout(then, 0);
  if (r.ok) {
    showProblems(form, {});
    if (!banner.dataset.sticky) say(null);
    lastGood = r.view;
    render(r.view, res.physics, ui);
    status.textContent = 'ready';
    requestSensitivity();
  } else {
    refuse(r.problems);
    $('sensitivity-status').textContent = 'waiting for a valid scenario';
  }
}

/** Shows a state's problems by their fields, and says so in the banner. */
function refuse(problems: Readonly<Record<string, string>>): void {
  const unclaimed = showProblems(form, problems);
  say(`Fix the highlighted fields${unclaimed.length > 0 ? `: ${unclaimed.join('; ')}` : ''}.${lastGood === null ? '' : ' Showing the last valid result.'}`);
  status.textContent = 'invalid input';
}

/** Switching to typed prices starts from the prices in use, so one edit changes one price. */
function seedTypedPrices(target: EventTarget | null): void {
  if (!(target instanceof HTMLSelectElement) || target.id !== 'price-mode' || target.value !== 'typed' || lastGood === null) return;
  const fields: [string, number][] = [['price-input', lastGood.prices.inputUsdPerMillion], ['price-cached-input', lastGood.prices.cachedInputUsdPerMillion], ['price-output', lastGood.prices.outputUsdPerMillion]];
  for (const [id, value] of fields) {
    const input = $<HTMLInputElement>(id);
    if (input.value === '') input.value = String(value);
  }
}

/** The model field moves the prices with it; a price field set by hand keeps the user's prices. */
function followModel(target: EventTarget | null): void {
  if (!(target instanceof HTMLElement)) return;
  if (target.id === 'model' && target instanceof HTMLSelectElement) {
    $('price-note').textContent = pricesFollowModel(form, target.value) ?? '';
  } else if (['price-mode', 'price-model', 'price-input', 'price-cached-input', 'price-output'].includes(target.id)) {
    pricesSetByUser(form);
    $('price-note').textContent = '';
  }
}

function onEdit(event?: Event): void {
  followModel(event?.target ?? null);
  seedTypedPrices(event?.target ?? null);
  updateVisibility(form);
  delete banner.dataset.sticky;
  const state = linkState();
  history.replaceState(null, '', encodeState(state));
  request(state);
}

function exportJson(): void {
  const state = readEditor(form);
  const scenario = { title: 'exported from the inferonomics explorer', options: [state.option] };
  const a = document.createElement('a');
  a.download = 'scenario.json';
  a.href = `data:application/json;charset=utf-8,${encodeURIComponent(JSON.stringify(scenario, null, 2))}`;
  a.click();
}

/**
 * The section index scrolls to its section without touching the fragment, which holds the scenario.
 */
function wireSectionIndex(): void {
  for (const a of document.querySelectorAll<HTMLAnchorElement>('#section-index a[data-section]')) {
    a.addEventListener('click', (e) => {
      e.preventDefault();
      $(a.dataset.section ?? '').scrollIntoView({ block: 'start' });
    });
  }
}

function start(): void {
  wireSectionIndex();
  buildEditor(form);
  const decoded = decodeState(location.hash);
  let state: LinkState = decoded.state ?? DEFAULT_STATE;
  let error = decoded.error;
  try {
    writeEditor(form, state.option, state.configJson);
    // A link naming a model and no prices gets that model's prices, as choosing it in the editor would.
    if (decoded.state !== null && decoded.modelWithoutPrices !== null) $('price-note').textContent = pricesFollowModel(form, decoded.modelWithoutPrices) ?? '';
  } catch (e) {
    // A link the shape check let through but the editor cannot hold: start from the default.
    error = `the link's scenario cannot be shown in the editor (${e instanceof Error ? e.message : String(e)})`;
    state = DEFAULT_STATE;
    writeEditor(form, state.option, state.configJson);
  }
  if (error !== null) {
    say(`${error}; showing the default scenario instead.`);
    banner.dataset.sticky = 'yes';
  } else if (decoded.state !== null && decoded.notes.length > 0) {
    say(`Parts of the link were left at their defaults: ${decoded.notes.join('; ')}.`);
    banner.dataset.sticky = 'yes';
  }
  form.addEventListener('change', onEdit);
  form.addEventListener('input', (e) => {
    if ((e.target as HTMLElement).tagName === 'TEXTAREA') return;
    onEdit(e);
  });
  $('export-json').addEventListener('click', exportJson);
  $('copy-link').addEventListener('click', () => {
    void navigator.clipboard?.writeText(location.href).catch(() => undefined);
    status.textContent = 'link copied';
  });
  writeSizeRange(state.sizeRange ?? DEFAULT_SIZE_RANGE);
  for (const id of ['market-total-lo', 'market-total-hi', 'market-active-lo', 'market-active-hi']) {
    $(id).addEventListener('change', () => {
      saveLink();
      requestMarket();
    });
  }
  writeDemand(state.demand ?? DEFAULT_DEMAND);
  $('run-simulation').addEventListener('click', requestSimulation);
  writeBusiness(state.business ?? DEFAULT_BUSINESS);
  $('run-business').addEventListener('click', requestBusiness);
  // The views' own inputs are in the link as soon as they change, not only when run.
  for (const box of document.querySelectorAll('#simulation-section .market-inputs, #business-section .market-inputs')) box.addEventListener('change', saveLink);
  compared = [...(state.compare ?? [])];
  wireComparison();
  for (const id of ['market-from', 'market-to', 'market-provider']) $(id).addEventListener('change', requestMarketBreadth);
  for (const box of document.querySelectorAll('#realised-section input, #realised-section select')) box.addEventListener('change', requestRealised);
  wireCalibration();
  watchSensitivity();
  afterFirstView = () => {
    requestCompare();
    whenNear('market-section', 'market-status', requestMarket);
    whenNear('realised-section', 'realised-status', requestRealised);
    whenNear('market-breadth-section', 'market-breadth-status', requestMarketBreadth);
    whenNear('validation-section', 'validation-status', () => {
      $('validation-status').textContent = 'computing…';
      lanes.post({ kind: 'validation' });
    });
  };
  const first = linkState();
  request(first);
  // A link the scenario checks refuse is answered by its fields now, not once the worker has loaded (it answers the same).
  const early = earlyProblems(first);
  if (early !== null) refuse(early);
  document.body.dataset.startedMs = String(Math.round(performance.now()));
  document.body.dataset.importedMs = String(IMPORTED_MS);
  // The views load once this frame (the editor, a refused link's messages) is painted, while the worker computes.
  requestAnimationFrame(() => {
    document.body.dataset.firstFrameMs = String(Math.round(performance.now()));
    setTimeout(() => void loadViews(), 0);
  });
}

start();
