export { toAsff } from './asff';
export { toCsv } from './csv';
export { toOcsf } from './ocsf';
export { requirementsOf } from './requirements';
export type { AnchorLookup, ExportableFinding } from './types';
