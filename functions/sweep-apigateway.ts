import { apigatewayFamily } from '../shared/families/apigateway';
import { makeSweepHandler } from './sweep';

/** The apigateway daily sweep: imports only its own family, so the bundle holds the apigateway rules and collectors alone. */
export const handler = makeSweepHandler(apigatewayFamily);
