export * from './constants';
export * from './errors';
export type * from './types';
