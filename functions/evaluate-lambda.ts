import { lambdaFamily } from '../shared/families/lambda';
import { makeEvaluateHandler } from './evaluate';

/** The lambda evaluator: imports only its own family, so the bundle holds the lambda rules and collectors alone. */
export const handler = makeEvaluateHandler(lambdaFamily);
