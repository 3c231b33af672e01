/// <reference lib="webworker" />
import { computeView, type AppState, type ComputeResult } from './computeView.js';
import { validationRows } from './validationRows.js';
import { physicsRows, type PhysicsRow } from './physicsRows.js';
import { computeMarket, type MarketViewModel } from './marketView.js';
import { computeMarketBreadth, type MarketBreadthState, type MarketBreadthViewModel } from './marketBreadthView.js';
import { computeSimulation, type DemandState, type SimulationViewModel } from './simulationView.js';
import { loadTrace } from '../data/traces/traces.js';
import { computeBusiness, type BusinessState, type BusinessViewModel } from './businessView.js';
import type { SizeRange } from '../../../src/core/market/marketAnalysis.js';
import { computeSensitivity, type SensitivityViewModel } from './sensitivityView.js';
import { computeRealised, type RealisedState, type RealisedViewModel } from './realisedView.js';
import { computeCalibration, type CalibrationViewModel } from './calibrationView.js';

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

// Heavy runs (a frontier sweep is thousands of steps) stay off the page's thread.
self.onmessage = (event: MessageEvent<WorkerRequest>) => {
  const req = event.data;
  let response: WorkerResponse;
  if (req.kind === 'view') {
    const result = computeView(req.state, req.today);
    response = { id: req.id, kind: 'view', result, physics: physicsRows(req.state, result.ok ? result.view : null, req.today) };
  }
  // The comparison: each option through the same computation as the page's own view.
  else if (req.kind === 'compare') response = { id: req.id, kind: 'compare', result: req.states.map((state) => computeView(state, req.today)) };
  // These three never throw: bad input comes back as { error } naming the field.
  else if (req.kind === 'sensitivity') response = { id: req.id, kind: 'sensitivity', result: computeSensitivity(req.state, req.today) };
  else if (req.kind === 'realised') response = { id: req.id, kind: 'realised', result: computeRealised(req.realised) };
  else if (req.kind === 'calibrate') response = { id: req.id, kind: 'calibrate', result: computeCalibration(req.text) };
  else if (req.kind === 'validation') response = { id: req.id, kind: 'validation', result: validationRows() };
  else if (req.kind === 'simulate') {
    // A trace slice is fetched on first use (a chunk of its own), then the run goes on.
    const text = req.demand.source === 'synthetic' ? Promise.resolve(null) : loadTrace(req.demand.source);
    void text.then((t) => computeSimulation(req.state, req.demand, t)).then(
      (result) => self.postMessage({ id: req.id, kind: 'simulate', result } satisfies WorkerResponse),
      (e: unknown) => self.postMessage({ id: req.id, kind: 'simulate', result: { error: e instanceof Error ? e.message : String(e) } } satisfies WorkerResponse),
    );
    return;
  } else if (req.kind === 'business') {
    try {
      response = { id: req.id, kind: 'business', result: computeBusiness(req.state, req.business, req.today) };
    } catch (e) {
      response = { id: req.id, kind: 'business', result: { error: e instanceof Error ? e.message : String(e) } };
    }
  } else if (req.kind === 'market-breadth') {
    try {
      response = { id: req.id, kind: 'market-breadth', result: computeMarketBreadth(req.breadth) };
    } catch (e) {
      response = { id: req.id, kind: 'market-breadth', result: { error: e instanceof Error ? e.message : String(e) } };
    }
  } else {
    try {
      response = { id: req.id, kind: 'market', result: computeMarket(req.sizeRange) };
    } catch (e) {
      response = { id: req.id, kind: 'market', result: { error: e instanceof Error ? e.message : String(e) } };
    }
  }
  self.postMessage(response);
};
