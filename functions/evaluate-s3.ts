import { s3Family } from '../shared/families/s3';
import { makeEvaluateHandler } from './evaluate';

/** The s3 evaluator: imports only its own family, so the bundle holds the s3 rules and collectors alone. */
export const handler = makeEvaluateHandler(s3Family);
