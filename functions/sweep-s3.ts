import { s3Family } from '../shared/families/s3';
import { makeSweepHandler } from './sweep';

/** The s3 daily sweep: imports only its own family, so the bundle holds the s3 rules and collectors alone. */
export const handler = makeSweepHandler(s3Family);
