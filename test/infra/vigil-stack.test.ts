import { CfnElement, Stack } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { Severity, severitiesAtLeast } from '../../shared/core';
import { EVENT_PATTERN_MAX_CHARS, patternSize, toEventPatterns } from '../../shared/events';
import { ALL_FAMILIES } from '../../shared/families';
import type { FamilyDefinition } from '../../shared/families/types';
import { FINDINGS_TABLE_SCHEMA } from '../../shared/findings/schema';
import { EVALUATOR_TIMEOUT_SECONDS, familyReadActions } from '../../infra/constructs/family-evaluator';
import { FINDINGS_TABLE_LOGICAL_ID, RECONCILE_ACTIONS } from '../../infra/constructs/findings-table';
import { VigilStack } from '../../infra/stacks/vigil-stack';
import { buildVigilApp } from '../../infra/vigil-app';
import { matchesPattern } from '../helpers/event-pattern';
import { loadFixture } from '../helpers/fixtures';
import { actionsOf, resourcesOf, sampleFamilies, statementsOfRole, testApp } from './helpers';

const synth = (context: Record<string, unknown> = {}, families: readonly FamilyDefinition[] = sampleFamilies()) => {
  const { central } = buildVigilApp(testApp(context), families);
  return { stack: central, template: Template.fromStack(central) };
};
const logicalId = (stack: Stack, element: unknown): string => stack.getLogicalId(element as CfnElement);

const KEY_ARN = { 'Fn::GetAtt': [Match.stringLikeRegexp('^Key'), 'Arn'] };
const SQS_CONSUME = ['sqs:ChangeMessageVisibility', 'sqs:DeleteMessage', 'sqs:GetQueueAttributes', 'sqs:GetQueueUrl', 'sqs:ReceiveMessage'];
const LOG_WRITE = ['logs:CreateLogStream', 'logs:PutLogEvents'];

describe('VigilStack: findings table', () => {
  const { template } = synth();
  const table = template.toJSON().Resources[FINDINGS_TABLE_LOGICAL_ID];

  it('keeps the frozen logical id FindingsTable', () => {
    expect(FINDINGS_TABLE_LOGICAL_ID).toBe('FindingsTable');
    expect(table.Type).toBe('AWS::DynamoDB::Table');
    expect(Object.keys(resourcesOf(template, 'AWS::DynamoDB::Table'))).toEqual(['FindingsTable']);
  });

  it('uses the key schema and indexes of FINDINGS_TABLE_SCHEMA, on demand', () => {
    expect(table.Properties.KeySchema).toEqual([{ AttributeName: FINDINGS_TABLE_SCHEMA.partitionKey, KeyType: 'HASH' }]);
    expect(table.Properties.BillingMode).toBe('PAY_PER_REQUEST');
    const indexes = table.Properties.GlobalSecondaryIndexes.map((gsi: any) => ({
      indexName: gsi.IndexName,
      partitionKey: gsi.KeySchema.find((k: any) => k.KeyType === 'HASH').AttributeName,
      sortKey: gsi.KeySchema.find((k: any) => k.KeyType === 'RANGE').AttributeName,
      projection: gsi.Projection.ProjectionType,
    }));
    expect(indexes).toEqual(FINDINGS_TABLE_SCHEMA.indexes.map((i) => ({ ...i, projection: 'ALL' })));
  });

  it('has PITR, a NEW_AND_OLD_IMAGES stream, the customer-managed key, deletion protection and RETAIN', () => {
    expect(table.Properties.PointInTimeRecoverySpecification).toEqual({ PointInTimeRecoveryEnabled: true });
    expect(table.Properties.StreamSpecification).toEqual({ StreamViewType: 'NEW_AND_OLD_IMAGES' });
    expect(table.Properties.SSESpecification).toEqual({ SSEEnabled: true, SSEType: 'KMS', KMSMasterKeyId: { 'Fn::GetAtt': [expect.stringMatching(/^Key/), 'Arn'] } });
    expect(table.Properties.DeletionProtectionEnabled).toBe(true);
    expect(table.DeletionPolicy).toBe('Retain');
    expect(table.UpdateReplacePolicy).toBe('Retain');
  });

  it('has one customer-managed key, with rotation', () => {
    template.resourceCountIs('AWS::KMS::Key', 1);
    template.hasResourceProperties('AWS::KMS::Key', { EnableKeyRotation: true });
  });

  it('outputs the table name and the topic ARN', () => {
    template.hasOutput('FindingsTableName', { Value: { Ref: 'FindingsTable' } });
    template.hasOutput('AlertTopicArn', { Value: { Ref: 'AlertsTopic' } });
  });
});

describe('VigilStack: alerts topic', () => {
  it('is encrypted with the key and its policy denies publishing without TLS', () => {
    const { template } = synth();
    expect(template.toJSON().Resources.AlertsTopic.Properties.KmsMasterKeyId).toEqual({ 'Fn::GetAtt': [expect.stringMatching(/^Key/), 'Arn'] });
    template.hasResourceProperties('AWS::SNS::TopicPolicy', {
      Topics: [{ Ref: 'AlertsTopic' }],
      PolicyDocument: {
        Statement: Match.arrayWith([
          Match.objectLike({ Effect: 'Deny', Principal: '*', Action: 'sns:Publish', Condition: { Bool: { 'aws:SecureTransport': 'false' } } }),
        ]),
      },
    });
  });

  it('has no subscription without alertEmail', () => {
    synth().template.resourceCountIs('AWS::SNS::Subscription', 0);
  });

  it.each([
    [undefined, ['CRITICAL', 'HIGH']],
    ['MEDIUM', ['CRITICAL', 'HIGH', 'MEDIUM']],
    ['critical', ['CRITICAL']],
  ])('subscribes alertEmail with a severity filter for minSeverity=%s', (minSeverity, expected) => {
    const { template } = synth({ alertEmail: 'secops@example.com', ...(minSeverity ? { minSeverity } : {}) });
    template.resourceCountIs('AWS::SNS::Subscription', 1);
    template.hasResourceProperties('AWS::SNS::Subscription', {
      Protocol: 'email',
      Endpoint: 'secops@example.com',
      TopicArn: { Ref: 'AlertsTopic' },
      FilterPolicy: { severity: expected },
    });
    expect(expected).toEqual(severitiesAtLeast((minSeverity?.toUpperCase() ?? 'HIGH') as Severity));
  });
});

describe.each([
  ['the catalogue families (ALL_FAMILIES)', ALL_FAMILIES],
  ['sample families with catalogue rows', sampleFamilies()],
])('VigilStack: evaluators for %s', (_name, families) => {
  const { stack, template } = synth({ trustedAccountIds: '111111111111,222222222222' }, families);
  const withTriggers = families.filter((f) => f.triggers.length > 0);

  it('deploys an evaluator exactly for the families with trigger rows', () => {
    expect([...(stack as VigilStack).evaluators.keys()].sort()).toEqual(withTriggers.map((f) => f.name).sort());
    const withRules = families.filter((f) => f.rules.length > 0);
    template.resourceCountIs('AWS::Lambda::Function', withTriggers.length + withRules.length + 2); // + sweeps + notifier + health relay
  });

  // Loops rather than it.each: a family still without trigger rows must not make the table empty.
  it('routes each family: its rule patterns equal toEventPatterns(triggers) plus its extra patterns, targeting its queue', () => {
    for (const family of withTriggers) {
      const evaluator = (stack as VigilStack).evaluators.get(family.name)!;
      const queueId = logicalId(stack, evaluator.queue.node.defaultChild);
      const rules = resourcesOf(template, 'AWS::Events::Rule');
      const patterns = evaluator.rules.map((rule) => rules[logicalId(stack, rule.node.defaultChild)].Properties!);
      const expected = [...toEventPatterns(family.triggers), ...(family.eventPatterns ?? []).map((p) => p.pattern)];
      expect(patterns.map((p) => p.EventPattern)).toEqual(JSON.parse(JSON.stringify(expected)));
      const dlqId = logicalId(stack, evaluator.deadLetterQueue.node.defaultChild);
      for (const p of patterns) {
        // Undeliverable events are retried for a day, then kept in the family's dead-letter queue, never dropped.
        expect(p.Targets).toEqual([
          { Arn: { 'Fn::GetAtt': [queueId, 'Arn'] }, Id: 'Target0', DeadLetterConfig: { Arn: { 'Fn::GetAtt': [dlqId, 'Arn'] } }, RetryPolicy: { MaximumRetryAttempts: 185, MaximumEventAgeInSeconds: 86400 } },
        ]);
        expect(JSON.stringify(p.EventPattern.source)).toMatch(/^\[\{"prefix":"aws\."\}\]$|^\["aws\.[a-z-]+"\]$/);
        expect(patternSize(p.EventPattern)).toBeLessThanOrEqual(EVENT_PATTERN_MAX_CHARS);
      }
      // Detections that must see Get/List/Describe calls (root activity, denied calls) receive read-only events; others do not.
      for (const [index, extra] of (family.eventPatterns ?? []).entries()) {
        const rule = patterns[toEventPatterns(family.triggers).length + index];
        expect(rule.State).toBe(extra.readOnlyEvents ? 'ENABLED_WITH_ALL_CLOUDTRAIL_MANAGEMENT_EVENTS' : 'ENABLED');
      }
    }
  });

  it('grants each evaluator only its family reads, reconcile and its queue', () => {
    for (const family of withTriggers) {
      const evaluator = (stack as VigilStack).evaluators.get(family.name)!;
      const statements = statementsOfRole(template, logicalId(stack, evaluator.evaluator.role.node.defaultChild));
      const reads = familyReadActions(family);
      // Fan-outs enqueue to the family's own queue; the baseline counters are the only items UpdateItem may touch.
      const expected = [...reads, ...RECONCILE_ACTIONS, ...SQS_CONSUME, ...LOG_WRITE, 'kms:Decrypt', 'kms:GenerateDataKey', 'sqs:SendMessage', 'dynamodb:UpdateItem'];
      expect(actionsOf(statements)).toEqual([...new Set(expected)].sort());
      // Only the catalogue reads are account-wide; everything else names a resource.
      const wide = statements.filter((s) => s.Resource === '*');
      expect(actionsOf(wide)).toEqual(reads);
      const all = actionsOf(statements);
      expect(all.filter((a) => a.includes('*'))).toEqual([]);
      expect(all.filter((a) => /^s3:Put|^dynamodb:(Scan|DeleteItem|BatchWriteItem)$|^sns:/.test(a))).toEqual([]);
      const tableStatement = statements.find((s) => actionsOf([s]).includes('dynamodb:PutItem'))!;
      expect(tableStatement.Resource).toEqual({ 'Fn::GetAtt': ['FindingsTable', 'Arn'] });
      const update = statements.find((s) => actionsOf([s]).includes('dynamodb:UpdateItem'))!;
      expect(update).toMatchObject({ Resource: { 'Fn::GetAtt': ['FindingsTable', 'Arn'] }, Condition: { 'ForAllValues:StringLike': { 'dynamodb:LeadingKeys': ['baseline#*'] } } });
      const send = statements.find((s) => actionsOf([s]).includes('sqs:SendMessage'))!;
      expect(send.Resource).toEqual({ 'Fn::GetAtt': [logicalId(stack, evaluator.queue.node.defaultChild), 'Arn'] });
    }
  });

  it('gives each evaluator an encrypted, TLS-only queue with a DLQ after 3 receives and a long enough visibility timeout', () => {
    const queues = resourcesOf(template, 'AWS::SQS::Queue');
    const policies = Object.values(resourcesOf(template, 'AWS::SQS::QueuePolicy'));
    const functions = resourcesOf(template, 'AWS::Lambda::Function');
    for (const family of withTriggers) {
      const evaluator = (stack as VigilStack).evaluators.get(family.name)!;
      const queue = queues[logicalId(stack, evaluator.queue.node.defaultChild)].Properties!;
      const dlqId = logicalId(stack, evaluator.deadLetterQueue.node.defaultChild);
      expect(queue.RedrivePolicy).toEqual({ deadLetterTargetArn: { 'Fn::GetAtt': [dlqId, 'Arn'] }, maxReceiveCount: 3 });
      const timeout = functions[logicalId(stack, evaluator.evaluator.function.node.defaultChild)].Properties!.Timeout;
      expect(timeout).toBe(EVALUATOR_TIMEOUT_SECONDS);
      expect(queue.VisibilityTimeout).toBeGreaterThanOrEqual(6 * timeout);
    }
    for (const [id, queue] of Object.entries(queues)) {
      expect(queue.Properties!.KmsMasterKeyId).toEqual({ 'Fn::GetAtt': [expect.stringMatching(/^Key/), 'Arn'] });
      const tlsDeny = policies.some(
        (p) =>
          JSON.stringify(p.Properties!.Queues) === JSON.stringify([{ Ref: id }]) &&
          p.Properties!.PolicyDocument.Statement.some((s: any) => s.Effect === 'Deny' && s.Condition?.Bool?.['aws:SecureTransport'] === 'false'),
      );
      expect({ id, tlsDeny }).toEqual({ id, tlsDeny: true });
    }
  });

  it('consumes each queue in batches of 10 with partial failures and bounded concurrency', () => {
    const mappings = Object.values(resourcesOf(template, 'AWS::Lambda::EventSourceMapping')).filter((m) => !m.Properties!.StartingPosition);
    expect(mappings).toHaveLength(withTriggers.length);
    for (const m of mappings) {
      expect(m.Properties).toMatchObject({ BatchSize: 10, FunctionResponseTypes: ['ReportBatchItemFailures'], ScalingConfig: { MaximumConcurrency: 5 } });
      expect(m.Properties!.MaximumBatchingWindowInSeconds).toBeGreaterThan(0);
    }
  });

  it('runs every function on arm64 / nodejs22.x with its own log group (90 days) and no managed policies', () => {
    const functions = Object.values(resourcesOf(template, 'AWS::Lambda::Function'));
    const groups = resourcesOf(template, 'AWS::Logs::LogGroup');
    expect(Object.keys(groups)).toHaveLength(functions.length);
    for (const fn of functions) {
      expect(fn.Properties).toMatchObject({ Architectures: ['arm64'], Runtime: 'nodejs22.x' });
      const groupId = fn.Properties!.LoggingConfig.LogGroup.Ref as string;
      expect(groups[groupId].Properties!.RetentionInDays).toBe(90);
    }
    for (const role of Object.values(resourcesOf(template, 'AWS::IAM::Role'))) expect(role.Properties!.ManagedPolicyArns).toBeUndefined();
  });

  it('configures evaluators: 512 MB, 60 s, nothing reserved, table and trusted accounts in the environment', () => {
    for (const family of withTriggers) {
        const evaluator = (stack as VigilStack).evaluators.get(family.name)!;
        const fn = resourcesOf(template, 'AWS::Lambda::Function')[logicalId(stack, evaluator.evaluator.function.node.defaultChild)].Properties!;
        expect(fn).toMatchObject({ MemorySize: 512, Timeout: 60 });
        // Reserving fails the deploy on accounts with a small concurrency quota: the SQS maximum concurrency bounds the load.
        expect(fn.ReservedConcurrentExecutions).toBeUndefined();
        expect(fn.Environment.Variables).toEqual({
          FINDINGS_TABLE: { Ref: 'FindingsTable' },
          TRUSTED_ACCOUNT_IDS: '111111111111,222222222222',
          // Its own queue (fan-outs), the containers sharing each account's API quotas, the last receive before the DLQ.
          EVALUATE_QUEUE_URL: { Ref: logicalId(stack, evaluator.queue.node.defaultChild) },
          PACING_SHARE: '5',
          MAX_RECEIVE_COUNT: '3',
          POWERTOOLS_SERVICE_NAME: `vigil-evaluate-${family.name}`,
          NODE_OPTIONS: '--enable-source-maps',
        });
    }
  });
});

describe('VigilStack: notifier', () => {
  const { stack, template } = synth();
  const notifier = (stack as VigilStack).notifier;

  it('reads the table stream: batch 25, 3 retries, bisect, partial failures, failures to an encrypted queue', () => {
    const failureQueueId = logicalId(stack, notifier.failureQueue.node.defaultChild);
    template.hasResourceProperties('AWS::Lambda::EventSourceMapping', {
      EventSourceArn: { 'Fn::GetAtt': ['FindingsTable', 'StreamArn'] },
      BatchSize: 25,
      MaximumRetryAttempts: 3,
      BisectBatchOnFunctionError: true,
      FunctionResponseTypes: ['ReportBatchItemFailures'],
      DestinationConfig: { OnFailure: { Destination: { 'Fn::GetAtt': [failureQueueId, 'Arn'] } } },
    });
    template.hasResourceProperties('AWS::SQS::Queue', { KmsMasterKeyId: KEY_ARN });
  });

  it('may read the stream and publish to the topic only', () => {
    const statements = statementsOfRole(template, logicalId(stack, notifier.notifier.role.node.defaultChild));
    expect(actionsOf(statements)).toEqual(
      [...LOG_WRITE, 'sqs:SendMessage', 'dynamodb:DescribeStream', 'dynamodb:GetRecords', 'dynamodb:GetShardIterator', 'dynamodb:ListStreams', 'kms:Decrypt', 'kms:DescribeKey', 'kms:GenerateDataKey', 'sns:Publish'].sort(),
    );
    const publish = statements.find((s) => actionsOf([s]).includes('sns:Publish'))!;
    expect(publish.Resource).toEqual({ Ref: 'AlertsTopic' });
    const streamRead = statements.find((s) => actionsOf([s]).includes('dynamodb:GetRecords'))!;
    expect(streamRead.Resource).toEqual({ 'Fn::GetAtt': ['FindingsTable', 'StreamArn'] });
    expect(actionsOf(statements.filter((s) => s.Resource === '*'))).toEqual(['dynamodb:ListStreams']);
  });

  it('gets the topic ARN in its environment', () => {
    const fn = resourcesOf(template, 'AWS::Lambda::Function')[logicalId(stack, notifier.notifier.function.node.defaultChild)].Properties!;
    expect(fn.Environment.Variables).toMatchObject({ ALERT_TOPIC_ARN: { Ref: 'AlertsTopic' }, POWERTOOLS_SERVICE_NAME: 'vigil-notify' });
    expect(fn.ReservedConcurrentExecutions).toBeUndefined();
  });
});

describe('VigilStack: context options', () => {
  it('maxConcurrency sets the SQS maximum concurrency; nothing is reserved unless reserveConcurrency=true', () => {
    const three = synth({ maxConcurrency: '3' }).template;
    three.hasResourceProperties('AWS::Lambda::EventSourceMapping', { ScalingConfig: { MaximumConcurrency: 3 } });
    for (const fn of Object.values(resourcesOf(three, 'AWS::Lambda::Function'))) expect(fn.Properties!.ReservedConcurrentExecutions).toBeUndefined();
    const reserved = synth({ maxConcurrency: '3', reserveConcurrency: 'true' }).template;
    reserved.hasResourceProperties('AWS::Lambda::Function', { ReservedConcurrentExecutions: 3 });
    reserved.hasResourceProperties('AWS::Lambda::Function', { ReservedConcurrentExecutions: 1 }); // the sweeps
  });

  it('logRetentionDays sets every log group', () => {
    const { template } = synth({ logRetentionDays: 30 });
    for (const group of Object.values(resourcesOf(template, 'AWS::Logs::LogGroup'))) expect(group.Properties!.RetentionInDays).toBe(30);
  });

  it('orgId reaches the evaluators', () => {
    const { template } = synth({ orgId: 'o-a1b2c3d4e5' });
    const evaluators = Object.values(resourcesOf(template, 'AWS::Lambda::Function')).filter((f) => f.Properties!.Environment.Variables.FINDINGS_TABLE);
    expect(evaluators.length).toBeGreaterThan(0);
    for (const fn of evaluators) expect(fn.Properties!.Environment.Variables.ORG_ID).toBe('o-a1b2c3d4e5');
  });

  it('configEvents adds Config change rules per family (whole items and oversized summaries) to its queue, and the S3 read of oversized items', () => {
    const families = sampleFamilies();
    const configRules = (t: Template) => Object.values(resourcesOf(t, 'AWS::Events::Rule')).filter((r) => JSON.stringify(r.Properties!.EventPattern?.source) === '["aws.config"]');
    const without = synth({}, families).template;
    expect(configRules(without)).toEqual([]);
    expect(JSON.stringify(without.toJSON())).not.toContain('s3:GetObject');
    const { stack, template } = synth({ configEvents: 'true' }, families);
    const rules = configRules(template);
    expect(rules).toHaveLength(2 * families.length);
    for (const family of families) {
      const evaluator = (stack as VigilStack).evaluators.get(family.name)!;
      const queueId = logicalId(stack, evaluator.queue.node.defaultChild);
      const configTypes = [...new Set(family.kinds.flatMap((k) => k.configTypes))].sort();
      const mine = rules.filter((r) => JSON.stringify(r.Properties!.Targets).includes(queueId)).map((r) => r.Properties!.EventPattern);
      expect(mine).toEqual([
        { source: ['aws.config'], 'detail-type': ['Config Configuration Item Change'], detail: { configurationItem: { resourceType: configTypes } } },
        { source: ['aws.config'], 'detail-type': ['Config Configuration Item Change'], detail: { configurationItemSummary: { resourceType: configTypes } } },
      ]);
      // The oversized variant (AWS documentation sample, resource type aside) reaches the queue.
      const oversized = loadFixture('config-events/eventbridge-oversized-config-item-change-ssm-inventory.omnissm.json');
      oversized.detail.configurationItemSummary.resourceType = configTypes[0];
      expect(mine.some((p) => matchesPattern(p, oversized))).toBe(true);
      const statements = statementsOfRole(template, logicalId(stack, evaluator.evaluator.role.node.defaultChild));
      const getObject = statements.filter((s) => actionsOf([s]).includes('s3:GetObject'));
      expect(getObject).toEqual([
        expect.objectContaining({
          Action: 's3:GetObject',
          Resource: { 'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, ':s3:::*/AWSLogs/', { Ref: 'AWS::AccountId' }, '/Config/*']] },
        }),
      ]);
    }
  });

  it('rejects a family whose declared reads are not plain read actions', () => {
    const [s3] = sampleFamilies();
    const broken: FamilyDefinition = { ...s3, extraReadActions: ['s3:PutBucketPolicy'] };
    expect(() => synth({}, [broken])).toThrow(/family s3: declared reads are not plain read actions: s3:PutBucketPolicy/);
    expect(() => synth({}, [{ ...s3, extraReadActions: ['s3:Get*'] }])).toThrow(/s3:Get\*/);
  });

  it('rejects a family with triggers but no entry point', () => {
    const [s3] = sampleFamilies();
    expect(() => synth({}, [{ ...s3, name: 'ec2' }])).toThrow(/functions\/evaluate-ec2\.ts/);
  });
});

describe('VigilStack: detection routing', () => {
  it('routes console sign-ins, root activity and failed calls of any source to the IAM evaluator', () => {
    const { central } = buildVigilApp(testApp(), ALL_FAMILIES);
    const template = Template.fromStack(central);
    template.hasResourceProperties('AWS::Events::Rule', { EventPattern: { 'detail-type': ['AWS Console Sign In via CloudTrail', 'AWS Console Signin via CloudTrail'], detail: { eventSource: ['signin.amazonaws.com'], eventName: ['ConsoleLogin'] } } });
    template.hasResourceProperties('AWS::Events::Rule', { EventPattern: { detail: { userIdentity: { type: ['Root'] } } }, State: 'ENABLED_WITH_ALL_CLOUDTRAIL_MANAGEMENT_EVENTS' });
    template.hasResourceProperties('AWS::Events::Rule', {
      EventPattern: { detail: { errorCode: [{ suffix: 'UnauthorizedOperation' }, { prefix: 'AccessDenied' }] } },
      State: 'ENABLED_WITH_ALL_CLOUDTRAIL_MANAGEMENT_EVENTS',
    });
    // No rule listens for sign-ins as API calls: they never arrive with that detail-type.
    const rules = Object.values(resourcesOf(template, 'AWS::Events::Rule')).map((r) => r.Properties!.EventPattern);
    expect(rules.filter((p) => p?.['detail-type']?.includes('AWS API Call via CloudTrail') && JSON.stringify(p.detail?.eventSource ?? []).includes('signin'))).toEqual([]);
  });

  it('refuses events from sources that are not AWS services in every rule', () => {
    const { central } = buildVigilApp(testApp(), ALL_FAMILIES);
    const rules = Object.values(resourcesOf(Template.fromStack(central), 'AWS::Events::Rule')).filter((r) => r.Properties!.EventPattern);
    expect(rules.length).toBeGreaterThan(10);
    for (const rule of rules) {
      const source = rule.Properties!.EventPattern.source as unknown[];
      expect(source.every((s) => (typeof s === 'string' && s.startsWith('aws.')) || JSON.stringify(s) === '{"prefix":"aws."}')).toBe(true);
    }
  });
});
