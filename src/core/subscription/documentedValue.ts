export { DocumentedValueSchema, type DocumentedValue } from '../sourced.js';
