import { dynamodbFamily } from '../shared/families/dynamodb';
import { makeSweepHandler } from './sweep';

/** The dynamodb daily sweep: imports only its own family, so the bundle holds the dynamodb rules and collectors alone. */
export const handler = makeSweepHandler(dynamodbFamily);
