import { iamFamily } from '../shared/families/iam';
import { makeSweepHandler } from './sweep';

/** The iam daily sweep: imports only its own family, so the bundle holds the iam rules and collectors alone. IAM is global: it runs once per account, from the home Region. */
export const handler = makeSweepHandler(iamFamily);
