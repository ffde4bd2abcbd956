import { lambdaAsyncFailureHandling } from './lambda-async-failure-handling';
import { lambdaEnvVarsCmk } from './lambda-env-vars-cmk';
import { lambdaExecRoleLeastPrivilege } from './lambda-exec-role-least-privilege';
import { lambdaFunctionNotPublic } from './lambda-function-not-public';
import { lambdaFunctionTagged } from './lambda-function-tagged';
import { lambdaFunctionUrlAuth } from './lambda-function-url-auth';
import { lambdaFunctionUrlCors } from './lambda-function-url-cors';
import { lambdaInVpc } from './lambda-in-vpc';
import { lambdaInvokeDataEventsLogged } from './lambda-invoke-data-events-logged';
import { lambdaLayerNoSecrets } from './lambda-layer-no-secrets';
import { lambdaLogRetention } from './lambda-log-retention';
import { lambdaNoCrossAccountLayers } from './lambda-no-cross-account-layers';
import { lambdaNoSecretsInCode } from './lambda-no-secrets-in-code';
import { lambdaNoSecretsInEnv } from './lambda-no-secrets-in-env';
import { lambdaSupportedRuntime } from './lambda-supported-runtime';
import { lambdaVpcMultiAz } from './lambda-vpc-multi-az';
import { lambdaVpcSgNoIngress } from './lambda-vpc-sg-no-ingress';
import { lambdaXrayActive } from './lambda-xray-active';

export {
  lambdaFunctionNotPublic,
  lambdaSupportedRuntime,
  lambdaInVpc,
  lambdaVpcMultiAz,
  lambdaFunctionTagged,
  lambdaXrayActive,
  lambdaFunctionUrlAuth,
  lambdaFunctionUrlCors,
  lambdaNoSecretsInEnv,
  lambdaNoSecretsInCode,
  lambdaLayerNoSecrets,
  lambdaNoCrossAccountLayers,
  lambdaEnvVarsCmk,
  lambdaAsyncFailureHandling,
  lambdaInvokeDataEventsLogged,
  lambdaExecRoleLeastPrivilege,
  lambdaLogRetention,
  lambdaVpcSgNoIngress,
};

/** Catalogue §5.1, §5.3 and the Lambda rows of §8.1, §8.4, §8.5, in catalogue order. */
export const lambdaRules = [
  lambdaFunctionNotPublic,
  lambdaSupportedRuntime,
  lambdaInVpc,
  lambdaVpcMultiAz,
  lambdaFunctionTagged,
  lambdaXrayActive,
  lambdaFunctionUrlAuth,
  lambdaFunctionUrlCors,
  lambdaNoSecretsInEnv,
  lambdaNoSecretsInCode,
  lambdaLayerNoSecrets,
  lambdaNoCrossAccountLayers,
  lambdaEnvVarsCmk,
  lambdaAsyncFailureHandling,
  lambdaInvokeDataEventsLogged,
  lambdaExecRoleLeastPrivilege,
  lambdaLogRetention,
  lambdaVpcSgNoIngress,
] as const;
