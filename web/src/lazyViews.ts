/**
 * Everything the page draws once an answer arrives: the views, their charts (Plot and d3) and the
 * whole-market picker's choices. main.ts loads this module with import() after the editor and a
 * refused link's field messages are on screen, so the first answer waits for none of it.
 */
export { renderComparison } from './views/compareView.js';
export { renderAssumptions, renderCost, renderFrontier, renderMargin, renderSummary, renderValidation } from './views/views.js';
export { renderMarket } from './views/marketView.js';
export { renderMarketBreadth } from './views/marketBreadthView.js';
export { providerChoices } from './compute/marketBreadthView.js';
export { renderSimulation } from './views/simulationView.js';
export { renderBusiness } from './views/businessView.js';
export { renderSensitivity } from './views/sensitivityView.js';
export { renderRealised } from './views/realisedView.js';
export { renderCalibration } from './views/calibrationView.js';
