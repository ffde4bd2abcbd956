import type { ResourceKind } from '../types';
import { layerVersionArn } from './collect-code';
import { functionArn } from './names';
import { LAMBDA_FUNCTION_CODE_KIND, LAMBDA_FUNCTION_KIND, LAMBDA_LAYER_VERSION_KIND } from './types';

export const lambdaFunctionKind: ResourceKind = {
  kind: LAMBDA_FUNCTION_KIND,
  reportedType: 'AWS::Lambda::Function',
  family: 'lambda',
  global: false,
  configTypes: ['AWS::Lambda::Function'],
  arn: functionArn,
};

/** Live-only: the function's deployment package, scanned for secrets on code changes and in sweeps. */
export const lambdaFunctionCodeKind: ResourceKind = {
  kind: LAMBDA_FUNCTION_CODE_KIND,
  reportedType: 'AWS::Lambda::Function',
  family: 'lambda',
  global: false,
  configTypes: [],
  arn: functionArn,
};

/** Live-only: AWS Config does not record layer versions. */
export const lambdaLayerVersionKind: ResourceKind = {
  kind: LAMBDA_LAYER_VERSION_KIND,
  reportedType: 'AWS::Lambda::LayerVersion',
  family: 'lambda',
  global: false,
  configTypes: [],
  arn: layerVersionArn,
};
