import { iamFamily } from '../shared/families/iam';
import { makeEvaluateHandler } from './evaluate';

/** The iam evaluator: imports only its own family, so the bundle holds the iam rules and collectors alone. */
export const handler = makeEvaluateHandler(iamFamily);
