import { lambdaFamily } from '../shared/families/lambda';
import { makeSweepHandler } from './sweep';

/** The lambda daily sweep: imports only its own family, so the bundle holds the lambda rules and collectors alone. */
export const handler = makeSweepHandler(lambdaFamily);
