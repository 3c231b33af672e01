/// <reference lib="webworker" />
import { computeView, type AppState, type ComputeResult } from './computeView.js';
import { validationRows } from './validationRows.js';

export type WorkerRequest = { readonly id: number; readonly kind: 'view'; readonly state: AppState; readonly today: string } | { readonly id: number; readonly kind: 'validation' };
export type WorkerResponse = { readonly id: number; readonly kind: 'view'; readonly result: ComputeResult } | { readonly id: number; readonly kind: 'validation'; readonly result: ReturnType<typeof validationRows> };

// Heavy runs (a frontier sweep is thousands of steps) stay off the page's thread.
self.onmessage = (event: MessageEvent<WorkerRequest>) => {
  const req = event.data;
  const response: WorkerResponse = req.kind === 'view'
    ? { id: req.id, kind: 'view', result: computeView(req.state, req.today) }
    : { id: req.id, kind: 'validation', result: validationRows() };
  self.postMessage(response);
};
