import { lambdaTriggers } from '../events/triggers/lambda';
import { createFunctionCodeCollector, createLayerVersionCollector } from '../resources/lambda/collect-code';
import { lambdaFunctionCollector } from '../resources/lambda/collect-live';
import { lambdaFunctionConfigNormaliser } from '../resources/lambda/config';
import { lambdaFunctionCodeKind, lambdaFunctionKind, lambdaLayerVersionKind } from '../resources/lambda/kinds';
import { CODE_READ_ACTIONS, FUNCTION_READ_ACTIONS } from '../resources/lambda/reads';
import { LAMBDA_FUNCTION_CODE_KIND, LAMBDA_FUNCTION_KIND, LAMBDA_LAYER_VERSION_KIND } from '../resources/lambda/types';
import { lambdaRules } from '../rules/lambda';
import type { FamilyDefinition } from './types';

/**
 * The lambda family: functions (live and AWS Config), their deployment packages and layer versions (live only: the
 * packages are downloaded from the pre-signed URL GetFunction / GetLayerVersion return and scanned for secrets).
 */
export const lambdaFamily: FamilyDefinition = {
  name: 'lambda',
  kinds: [lambdaFunctionKind, lambdaFunctionCodeKind, lambdaLayerVersionKind],
  triggers: lambdaTriggers,
  rules: lambdaRules,
  detections: [],
  collectors: {
    [LAMBDA_FUNCTION_KIND]: lambdaFunctionCollector,
    [LAMBDA_FUNCTION_CODE_KIND]: createFunctionCodeCollector(),
    [LAMBDA_LAYER_VERSION_KIND]: createLayerVersionCollector(),
  },
  configNormalisers: [lambdaFunctionConfigNormaliser],
  // Listing for sweeps; aliases (their policies are read best-effort; no rule declares the action); reserved concurrency
  // (recorded in the snapshot, read for every function, declared by no rule); layer listing (ListLayers names each
  // layer's latest version, so ListLayerVersions is never called). test/infra/collector-permissions.test.ts checks the set.
  extraReadActions: [FUNCTION_READ_ACTIONS.listFunctions, FUNCTION_READ_ACTIONS.aliases, FUNCTION_READ_ACTIONS.concurrency, CODE_READ_ACTIONS.listLayers],
};
