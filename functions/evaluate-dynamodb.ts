import { dynamodbFamily } from '../shared/families/dynamodb';
import { makeEvaluateHandler } from './evaluate';

/** The dynamodb evaluator: imports only its own family, so the bundle holds the dynamodb rules and collectors alone. */
export const handler = makeEvaluateHandler(dynamodbFamily);
