/// <reference lib="webworker" />
import type { AppState, ComputeResult } from './computeView.js';
import type { validationRows } from './validationRows.js';
import type { PhysicsRow } from './physicsRows.js';
import type { MarketViewModel } from './marketView.js';
import type { MarketBreadthState, MarketBreadthViewModel } from './marketBreadthView.js';
import type { DemandState, SimulationViewModel } from './simulationView.js';
import type { BusinessState, BusinessViewModel } from './businessView.js';
import type { SizeRange } from '../../../src/core/market/marketAnalysis.js';
import type { SensitivityViewModel } from './sensitivityView.js';
import type { RealisedState, RealisedViewModel } from './realisedView.js';
import type { CalibrationViewModel } from './calibrationView.js';

export type WorkerRequest =
  | { readonly id: number; readonly kind: 'view'; readonly state: AppState; readonly today: string }
  | { readonly id: number; readonly kind: 'validation' }
  | { readonly id: number; readonly kind: 'market'; readonly sizeRange: SizeRange }
  | { readonly id: number; readonly kind: 'market-breadth'; readonly breadth: MarketBreadthState }
  | { readonly id: number; readonly kind: 'simulate'; readonly state: AppState; readonly demand: DemandState }
  | { readonly id: number; readonly kind: 'business'; readonly state: AppState; readonly business: BusinessState; readonly today: string }
  | { readonly id: number; readonly kind: 'compare'; readonly states: readonly AppState[]; readonly today: string }
  | { readonly id: number; readonly kind: 'sensitivity'; readonly state: AppState; readonly today: string }
  | { readonly id: number; readonly kind: 'realised'; readonly realised: RealisedState }
  | { readonly id: number; readonly kind: 'calibrate'; readonly text: string };
export type WorkerResponse =
  | { readonly id: number; readonly kind: 'view'; readonly result: ComputeResult; readonly physics: readonly PhysicsRow[] }
  | { readonly id: number; readonly kind: 'validation'; readonly result: ReturnType<typeof validationRows> }
  | { readonly id: number; readonly kind: 'market'; readonly result: MarketViewModel | { readonly error: string } }
  | { readonly id: number; readonly kind: 'market-breadth'; readonly result: MarketBreadthViewModel | { readonly error: string } }
  | { readonly id: number; readonly kind: 'simulate'; readonly result: SimulationViewModel | { readonly error: string } }
  | { readonly id: number; readonly kind: 'business'; readonly result: BusinessViewModel | { readonly error: string } }
  | { readonly id: number; readonly kind: 'compare'; readonly result: readonly ComputeResult[] }
  | { readonly id: number; readonly kind: 'sensitivity'; readonly result: SensitivityViewModel | { readonly error: string } }
  | { readonly id: number; readonly kind: 'realised'; readonly result: RealisedViewModel | { readonly error: string } }
  | { readonly id: number; readonly kind: 'calibrate'; readonly result: CalibrationViewModel | { readonly error: string } };

/** Runs a computation whose view shows its failure as `{ error }` (naming the field), not as the worker's error. */
async function orError<T>(compute: () => Promise<T>): Promise<T | { readonly error: string }> {
  try {
    return await compute();
  } catch (e) {
    return { error: e instanceof Error ? e.message : String(e) };
  }
}

/**
 * Answers one request. Each lane has a worker of its own, and each kind imports only its own
 * computation (a chunk of its own), so the view's worker starts without loading the simulator,
 * the business runs or the market's data, and the lanes do not all parse the whole pipeline at
 * start-up. A lane sends its worker one request at a time, so awaiting an import never interleaves.
 */
async function respond(req: WorkerRequest): Promise<WorkerResponse> {
  switch (req.kind) {
    case 'view': {
      const [{ computeView }, { physicsRows }] = await Promise.all([import('./computeView.js'), import('./physicsRows.js')]);
      const result = computeView(req.state, req.today);
      return { id: req.id, kind: 'view', result, physics: physicsRows(req.state, result.ok ? result.view : null, req.today) };
    }
    case 'compare': {
      // The comparison: each option through the same computation as the page's own view.
      const { computeView } = await import('./computeView.js');
      return { id: req.id, kind: 'compare', result: req.states.map((state) => computeView(state, req.today)) };
    }
    // These three never throw: bad input comes back as { error } naming the field.
    case 'sensitivity': {
      const { computeSensitivity } = await import('./sensitivityView.js');
      return { id: req.id, kind: 'sensitivity', result: computeSensitivity(req.state, req.today) };
    }
    case 'realised': {
      const { computeRealised } = await import('./realisedView.js');
      return { id: req.id, kind: 'realised', result: computeRealised(req.realised) };
    }
    case 'calibrate': {
      const { computeCalibration } = await import('./calibrationView.js');
      return { id: req.id, kind: 'calibrate', result: computeCalibration(req.text) };
    }
    case 'validation': {
      const rows = await import('./validationRows.js');
      return { id: req.id, kind: 'validation', result: rows.validationRows() };
    }
    case 'simulate': {
      // A trace slice is fetched on first use (a chunk of its own), then the run goes on.
      const { demand } = req;
      const result = await orError(async () => {
        const [{ computeSimulation }, { loadTrace }] = await Promise.all([import('./simulationView.js'), import('../data/traces/traces.js')]);
        return computeSimulation(req.state, demand, demand.source === 'synthetic' ? null : await loadTrace(demand.source));
      });
      return { id: req.id, kind: 'simulate', result };
    }
    case 'business': {
      const result = await orError(async () => (await import('./businessView.js')).computeBusiness(req.state, req.business, req.today));
      return { id: req.id, kind: 'business', result };
    }
    case 'market-breadth': {
      const result = await orError(async () => (await import('./marketBreadthView.js')).computeMarketBreadth(req.breadth));
      return { id: req.id, kind: 'market-breadth', result };
    }
    case 'market': {
      const result = await orError(async () => (await import('./marketView.js')).computeMarket(req.sizeRange));
      return { id: req.id, kind: 'market', result };
    }
  }
}

// Heavy runs (a frontier sweep is thousands of steps) stay off the page's thread. A failure the
// request does not answer itself is thrown again outside the promise, so the page's lane hears
// it as the worker's error event, as with a synchronous throw.
self.onmessage = (event: MessageEvent<WorkerRequest>) => {
  respond(event.data).then(
    (response) => self.postMessage(response),
    (e: unknown) => setTimeout(() => { throw e; }, 0),
  );
};
