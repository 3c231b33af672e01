/** The web explorer's charts: pure functions of (rows, options) built with Observable Plot, and the CSV behind each. */
export type { ChartOptions, ComparisonCostRow, ComparisonFrontierRow, CostBreakdownRow, CurvePoint, FleetHourRow, FrontierRow, LatencyBucketRow, LabBarRow, MarginRow, MarketRow, SeatCostRow, TornadoChartRow, ValidationRow } from './types.js';
export { COST_COLOUR_THRESHOLDS_USD_PER_MILLION, frontierChart, type FrontierChartOptions } from './frontierChart.js';
export { costBreakdownChart, logScaleSpan, type CostBreakdownChartOptions } from './costBreakdownChart.js';
export { marginChart, type MarginChartOptions } from './marginChart.js';
export { validationChart, validationTable, errorBands, type ValidationChartOptions } from './validationChart.js';
export { toCsv, plainDecimal } from './csv.js';
export { formatPercent, formatQuantity, formatUsd } from './format.js';
export { marketChart, type MarketChartOptions } from './marketChart.js';
export { fleetChart } from './fleetChart.js';
export { latencyChart, type LatencyChartOptions } from './latencyChart.js';
export { labCostChart, seatCostChart, tornadoChart } from './businessCharts.js';
export { comparisonCostChart, comparisonFrontierChart, optionColour, OPTION_COLOURS, type ComparisonChartOptions } from './comparisonCharts.js';
