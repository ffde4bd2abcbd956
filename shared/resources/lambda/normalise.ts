/**
 * Pure normalisers of the lambda family: SDK answers (live) and AWS Config items → ./types snapshots.
 * Environment variable values are run through the secret detector here and dropped: only names and hits leave this module.
 */
import { detectSecrets } from '../secrets/detector';
import { parseFunctionIdentifier } from './names';
import type {
  EventInvokeConfigSnapshot,
  ExecutionRoleSnapshot,
  FunctionUrlSnapshot,
  LambdaEnvironmentSnapshot,
  LambdaFunctionSnapshot,
  LogGroupSnapshot,
  SecurityGroupIngressSnapshot,
  SecurityGroupSnapshot,
  SubnetSnapshot,
  TrailSelectorsSnapshot,
} from './types';

export type Obj = Record<string, unknown>;
export const obj = (v: unknown): Obj => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Obj) : {});
export const arr = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
export const str = (v: unknown): string | null => (typeof v === 'string' && v.length > 0 ? v : null);
export const num = (v: unknown): number | null =>
  typeof v === 'number' && Number.isFinite(v) ? v : typeof v === 'string' && v.trim() !== '' && Number.isFinite(Number(v)) ? Number(v) : null;
const strings = (v: unknown): string[] => arr(v).filter((s): s is string => typeof s === 'string' && s.length > 0);

/** Case-insensitive property lookup: Config spells fields `kmskeyArn`, `vpcConfig`; the API `KMSKeyArn`, `VpcConfig`. */
export const pick = (o: Obj, ...names: string[]): unknown => {
  for (const name of names) if (name in o) return o[name];
  const keys = Object.keys(o);
  for (const name of names) {
    const lower = name.toLowerCase();
    const key = keys.find((k) => k.toLowerCase() === lower);
    if (key !== undefined) return o[key];
  }
  return undefined;
};

const sortedRecord = (r: Record<string, string>): Record<string, string> => Object.fromEntries(Object.entries(r).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
const byString = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

export const defaultLogGroupName = (functionName: string): string => `/aws/lambda/${functionName}`;

/**
 * Environment.Variables → names and secret hits; the values are read here and never returned. `undefined` variables
 * (Config items, which do not record them) mean "not observed".
 */
export const normaliseEnvironment = (environment: unknown): LambdaEnvironmentSnapshot => {
  const env = obj(environment);
  const variables = obj(pick(env, 'Variables'));
  const entries: Record<string, string | undefined> = {};
  for (const [name, value] of Object.entries(variables)) entries[name] = typeof value === 'string' ? value : value === null || value === undefined ? undefined : String(value);
  const error = obj(pick(env, 'Error'));
  const code = str(pick(error, 'ErrorCode'));
  return {
    variableNames: Object.keys(variables).sort(byString),
    secretHits: detectSecrets(entries),
    error: code ? { code, message: str(pick(error, 'Message')) ?? '' } : null,
  };
};

export const normaliseUrlConfigs = (configs: readonly unknown[]): FunctionUrlSnapshot[] =>
  configs
    .map((c) => obj(c))
    .map((c) => {
      const cors = obj(pick(c, 'Cors'));
      const parsed = parseFunctionIdentifier(str(pick(c, 'FunctionArn')) ?? '');
      return {
        qualifier: parsed?.qualifier ?? null,
        url: str(pick(c, 'FunctionUrl')),
        authType: str(pick(c, 'AuthType')) ?? 'AWS_IAM',
        cors: Object.keys(cors).length === 0 ? null : { allowOrigins: strings(pick(cors, 'AllowOrigins')), allowCredentials: pick(cors, 'AllowCredentials') === true },
      };
    })
    .sort((a, b) => byString(a.qualifier ?? '', b.qualifier ?? ''));

export const normaliseSubnets = (subnetIds: readonly string[], described: readonly unknown[]): SubnetSnapshot[] =>
  subnetIds
    .map((id) => {
      const s = described.map((d) => obj(d)).find((d) => pick(d, 'SubnetId') === id);
      return { id, availabilityZone: s ? str(pick(s, 'AvailabilityZone')) : null };
    })
    .sort((a, b) => byString(a.id, b.id));

const ingressOf = (permission: Obj): SecurityGroupIngressSnapshot => {
  const ipv4 = [
    ...arr(pick(permission, 'IpRanges', 'Ipv4Ranges')).map((r) => (typeof r === 'string' ? r : str(pick(obj(r), 'CidrIp')))),
  ].filter((r): r is string => !!r);
  return {
    protocol: String(pick(permission, 'IpProtocol') ?? '-1'),
    fromPort: num(pick(permission, 'FromPort')),
    toPort: num(pick(permission, 'ToPort')),
    ipv4Ranges: [...new Set(ipv4)].sort(byString),
    ipv6Ranges: arr(pick(permission, 'Ipv6Ranges')).map((r) => (typeof r === 'string' ? r : str(pick(obj(r), 'CidrIpv6')))).filter((r): r is string => !!r).sort(byString),
    sourceGroups: arr(pick(permission, 'UserIdGroupPairs')).map((g) => str(pick(obj(g), 'GroupId'))).filter((g): g is string => !!g).sort(byString),
    prefixLists: arr(pick(permission, 'PrefixListIds')).map((p) => str(pick(obj(p), 'PrefixListId'))).filter((p): p is string => !!p).sort(byString),
  };
};

/** EC2 DescribeSecurityGroups entries or Config `AWS::EC2::SecurityGroup` configurations → ingress snapshots. */
export const normaliseSecurityGroups = (groupIds: readonly string[], described: readonly unknown[]): SecurityGroupSnapshot[] =>
  groupIds
    .flatMap((id) => {
      const g = described.map((d) => obj(d)).find((d) => pick(d, 'GroupId') === id);
      return g ? [{ id, ingress: arr(pick(g, 'IpPermissions')).map((p) => ingressOf(obj(p))) }] : [];
    })
    .sort((a, b) => byString(a.id, b.id));

export const normaliseLogGroup = (name: string, described: unknown | null): LogGroupSnapshot => {
  if (!described) return { name, exists: false, retentionInDays: null, kmsKeyId: null };
  const g = obj(described);
  return { name, exists: true, retentionInDays: num(pick(g, 'retentionInDays')), kmsKeyId: str(pick(g, 'kmsKeyId')) };
};

export const normaliseEventInvokeConfig = (config: unknown | null): EventInvokeConfigSnapshot | null => {
  if (!config) return null;
  const c = obj(config);
  const destinations = obj(pick(c, 'DestinationConfig'));
  return {
    onFailureDestination: str(pick(obj(pick(destinations, 'OnFailure')), 'Destination')),
    onSuccessDestination: str(pick(obj(pick(destinations, 'OnSuccess')), 'Destination')),
    maximumRetryAttempts: num(pick(c, 'MaximumRetryAttempts')),
  };
};

const vpcOf = (c: Obj): LambdaFunctionSnapshot['vpc'] => {
  const v = obj(pick(c, 'VpcConfig'));
  return { vpcId: str(pick(v, 'VpcId')), subnetIds: strings(pick(v, 'SubnetIds')).sort(byString), securityGroupIds: strings(pick(v, 'SecurityGroupIds')).sort(byString) };
};

const layersOf = (c: Obj): string[] => arr(pick(c, 'Layers')).map((l) => (typeof l === 'string' ? l : str(pick(obj(l), 'Arn')))).filter((l): l is string => !!l);

/** Everything but the configuration itself: answers of the other reads (live) or of related Config items. */
export interface FunctionSideReads {
  readonly policy: string | null;
  readonly aliasPolicies: readonly { readonly qualifier: string; readonly policy: string }[];
  readonly urlConfigs: readonly unknown[];
  readonly tags: Readonly<Record<string, string>>;
  readonly subnets: readonly unknown[];
  readonly securityGroups: readonly unknown[];
  /** The DescribeLogGroups entry of the function's group; null = no such group. */
  readonly logGroup: unknown | null;
  readonly executionRole: ExecutionRoleSnapshot | null;
  readonly eventInvokeConfig: unknown | null;
  readonly reservedConcurrency: number | null;
  readonly trails: readonly TrailSelectorsSnapshot[];
}

/**
 * GetFunctionConfiguration (live) or Config `configuration` (spelled kmskeyArn, vpcConfig, ...) + side reads → snapshot.
 * `environment: 'unobserved'` is for Config items without environment variables (Config does not record them).
 */
export const normaliseFunction = (
  configuration: unknown,
  side: FunctionSideReads,
  options: { readonly environment: 'from-configuration' | 'unobserved'; readonly arn?: string } = { environment: 'from-configuration' },
): LambdaFunctionSnapshot => {
  const c = obj(configuration);
  const name = str(pick(c, 'FunctionName')) ?? '';
  const rawArn = str(pick(c, 'FunctionArn')) ?? options.arn ?? '';
  const parsed = parseFunctionIdentifier(rawArn);
  const arn = parsed?.accountId && parsed.region ? `arn:${parsed.partition}:lambda:${parsed.region}:${parsed.accountId}:function:${parsed.name}` : rawArn;
  const vpc = vpcOf(c);
  const logGroupName = str(pick(obj(pick(c, 'LoggingConfig')), 'LogGroup')) ?? defaultLogGroupName(name);
  const envRaw = pick(c, 'Environment');
  const environment =
    options.environment === 'unobserved' && (envRaw === undefined || envRaw === null) ? null : normaliseEnvironment(envRaw);
  return {
    name,
    arn,
    runtime: str(pick(c, 'Runtime')),
    packageType: str(pick(c, 'PackageType')) ?? 'Zip',
    role: str(pick(c, 'Role')),
    vpc,
    subnets: normaliseSubnets(vpc.subnetIds, side.subnets),
    securityGroups: normaliseSecurityGroups(vpc.securityGroupIds, side.securityGroups),
    tracingMode: str(pick(obj(pick(c, 'TracingConfig')), 'Mode')),
    layers: layersOf(c),
    deadLetterTargetArn: str(pick(obj(pick(c, 'DeadLetterConfig')), 'TargetArn')),
    eventInvokeConfig: normaliseEventInvokeConfig(side.eventInvokeConfig),
    kmsKeyArn: str(pick(c, 'KMSKeyArn')),
    environment,
    policy: side.policy,
    aliasPolicies: [...side.aliasPolicies].sort((a, b) => byString(a.qualifier, b.qualifier)),
    functionUrls: normaliseUrlConfigs(side.urlConfigs),
    tags: sortedRecord({ ...side.tags }),
    logGroup: normaliseLogGroup(logGroupName, side.logGroup),
    executionRole: side.executionRole,
    reservedConcurrency: side.reservedConcurrency,
    trails: [...side.trails].sort((a, b) => byString(a.arn ?? a.name, b.arn ?? b.name)),
  };
};

/** GetEventSelectors answer + trail description + status → trail snapshot (only the Lambda-relevant selectors). */
export const normaliseTrail = (trail: unknown, selectors: unknown, isLogging: boolean | null): TrailSelectorsSnapshot => {
  const t = obj(trail);
  const s = obj(selectors);
  const lambdaDataResources = arr(pick(s, 'EventSelectors')).flatMap((sel) =>
    arr(pick(obj(sel), 'DataResources'))
      .map((d) => obj(d))
      .filter((d) => pick(d, 'Type') === 'AWS::Lambda::Function')
      .flatMap((d) => strings(pick(d, 'Values'))),
  );
  const list = (o: Obj, key: string) => strings(pick(o, key));
  return {
    name: str(pick(t, 'Name')) ?? '',
    arn: str(pick(t, 'TrailARN')),
    homeRegion: str(pick(t, 'HomeRegion')),
    multiRegion: pick(t, 'IsMultiRegionTrail') === true,
    isLogging,
    lambdaDataResources: [...new Set(lambdaDataResources)].sort(byString),
    advancedSelectors: arr(pick(s, 'AdvancedEventSelectors')).map((a) => {
      const sel = obj(a);
      return {
        name: str(pick(sel, 'Name')),
        fieldSelectors: arr(pick(sel, 'FieldSelectors')).map((f) => {
          const fs = obj(f);
          return {
            field: str(pick(fs, 'Field')) ?? '',
            equals: list(fs, 'Equals'),
            notEquals: list(fs, 'NotEquals'),
            startsWith: list(fs, 'StartsWith'),
            notStartsWith: list(fs, 'NotStartsWith'),
            endsWith: list(fs, 'EndsWith'),
            notEndsWith: list(fs, 'NotEndsWith'),
          };
        }),
      };
    }),
  };
};
