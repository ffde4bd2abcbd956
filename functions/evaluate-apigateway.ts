import { apigatewayFamily } from '../shared/families/apigateway';
import { makeEvaluateHandler } from './evaluate';

/** The apigateway evaluator: imports only its own family, so the bundle holds the apigateway rules and collectors alone. */
export const handler = makeEvaluateHandler(apigatewayFamily);
