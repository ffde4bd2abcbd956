/**
 * A ClientFactory that answers the apigateway collectors' SDK calls from recorded responses (e.g.
 * `examples/apigateway-live.json`), so the live collectors — and the rules that need live-only data such as methods and
 * routes — can run in the demo and in tests without an AWS account. Only the commands the collectors send are known.
 */
import * as apigw from '@aws-sdk/client-api-gateway';
import * as apigwv2 from '@aws-sdk/client-apigatewayv2';
import * as wafv2 from '@aws-sdk/client-wafv2';
import { ConfigError } from '../../core';
import type { ClientFactory } from '../clients';

export type RecordedService = 'apigateway' | 'apigatewayv2' | 'wafv2';

/** One recorded call: the operation, the input fields it must match (a subset; `{}` or absent matches any input), and the answer. */
export interface RecordedCall {
  readonly service: RecordedService;
  readonly operation: string;
  readonly input?: Readonly<Record<string, unknown>>;
  /** The SDK output (v1 camelCase, v2 PascalCase, as SDK v3 returns it). */
  readonly output?: unknown;
  /** An AWS error code to throw instead (`NotFoundException`, `AccessDeniedException`, ...). */
  readonly error?: string;
}

export interface RecordedResponses {
  readonly description?: string;
  readonly calls: readonly RecordedCall[];
}

type CommandClass = abstract new (...args: never[]) => object;

// Command classes by operation: looked up with instanceof, so minified class names do not matter.
const COMMANDS: readonly (readonly [RecordedService, string, CommandClass])[] = [
  ['apigateway', 'GetAccount', apigw.GetAccountCommand],
  ['apigateway', 'GetAuthorizers', apigw.GetAuthorizersCommand],
  ['apigateway', 'GetBasePathMappings', apigw.GetBasePathMappingsCommand],
  ['apigateway', 'GetDomainName', apigw.GetDomainNameCommand],
  ['apigateway', 'GetDomainNames', apigw.GetDomainNamesCommand],
  ['apigateway', 'GetGatewayResponses', apigw.GetGatewayResponsesCommand],
  ['apigateway', 'GetResources', apigw.GetResourcesCommand],
  ['apigateway', 'GetRestApi', apigw.GetRestApiCommand],
  ['apigateway', 'GetRestApis', apigw.GetRestApisCommand],
  ['apigateway', 'GetStage', apigw.GetStageCommand],
  ['apigateway', 'GetStages', apigw.GetStagesCommand],
  ['apigateway', 'GetUsagePlans', apigw.GetUsagePlansCommand],
  ['apigatewayv2', 'GetApi', apigwv2.GetApiCommand],
  ['apigatewayv2', 'GetApiMappings', apigwv2.GetApiMappingsCommand],
  ['apigatewayv2', 'GetApis', apigwv2.GetApisCommand],
  ['apigatewayv2', 'GetAuthorizers', apigwv2.GetAuthorizersCommand],
  ['apigatewayv2', 'GetDomainNames', apigwv2.GetDomainNamesCommand],
  ['apigatewayv2', 'GetIntegrations', apigwv2.GetIntegrationsCommand],
  ['apigatewayv2', 'GetRoutes', apigwv2.GetRoutesCommand],
  ['apigatewayv2', 'GetStage', apigwv2.GetStageCommand],
  ['apigatewayv2', 'GetStages', apigwv2.GetStagesCommand],
  ['wafv2', 'GetWebACLForResource', wafv2.GetWebACLForResourceCommand],
];

const SERVICES: readonly (readonly [RecordedService, unknown])[] = [
  ['apigateway', apigw.APIGatewayClient],
  ['apigatewayv2', apigwv2.ApiGatewayV2Client],
  ['wafv2', wafv2.WAFV2Client],
];

const sameValue = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);

const awsError = (code: string, message: string): Error => Object.assign(new Error(message), { name: code, Code: code });

/** Validates the recording's shape (it comes from a file) and throws ConfigError naming the first bad call. */
const checkRecording = (recording: unknown): RecordedResponses => {
  const calls = (recording as { calls?: unknown })?.calls;
  if (!Array.isArray(calls)) throw new ConfigError('recorded responses: expected an object with a "calls" array');
  calls.forEach((call, i) => {
    const c = call as Partial<RecordedCall>;
    const known = COMMANDS.some(([service, operation]) => service === c?.service && operation === c?.operation);
    if (!known) throw new ConfigError(`recorded responses: call #${i + 1} (${String(c?.service)} ${String(c?.operation)}) is not an operation the apigateway collectors send`);
  });
  return recording as RecordedResponses;
};

/**
 * A ClientFactory whose API Gateway, API Gateway v2 and WAFv2 clients answer from `recording`. The first recorded call
 * whose operation matches and whose `input` fields equal the command's wins. An unrecorded call throws `NotRecorded`,
 * which the collectors treat as a failure to retry (never as absent or as a pass).
 */
export const fromRecordedResponses = (recording: unknown): ClientFactory => {
  const { calls } = checkRecording(recording);
  return {
    get<C>(ctor: new (config: { region?: string; maxAttempts?: number }) => C): C {
      const service = SERVICES.find(([, cls]) => cls === ctor)?.[0];
      if (!service) throw new ConfigError(`recorded responses: no recording for client ${ctor.name}`);
      const client = {
        send: async (command: object): Promise<unknown> => {
          const operation = COMMANDS.find(([s, , cls]) => s === service && command instanceof cls)?.[1];
          const input = (command as { input?: Record<string, unknown> }).input ?? {};
          const call = calls.find(
            (c) => c.service === service && c.operation === operation && Object.entries(c.input ?? {}).every(([key, value]) => sameValue(input[key], value)),
          );
          if (!operation || !call) throw awsError('NotRecorded', `no recorded response for ${service} ${operation ?? 'unknown command'} ${JSON.stringify(input)}`);
          if (call.error) throw awsError(call.error, `${call.error} (recorded)`);
          return structuredClone(call.output ?? {});
        },
        destroy: () => undefined,
      };
      return client as unknown as C;
    },
  };
};
