import type { CfnElement, Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { ConfigError } from '../../shared/core';
import { ALL_FAMILIES } from '../../shared/families';
import type { FamilyDefinition } from '../../shared/families/types';
import { DEFAULT_SWEEP_SCHEDULE } from '../../infra/context';
import { familyReadActions } from '../../infra/constructs/family-evaluator';
import { SWEEP_MEMORY_MB, SWEEP_TIMEOUT_SECONDS, sweptFamilies } from '../../infra/constructs/family-sweep';
import { RECONCILE_ACTIONS } from '../../infra/constructs/findings-table';
import type { VigilStack } from '../../infra/stacks/vigil-stack';
import { buildVigilApp } from '../../infra/vigil-app';
import { actionsOf, resourcesOf, sampleFamilies, statementsOfRole, testApp } from './helpers';

const synth = (context: Record<string, unknown> = {}, families: readonly FamilyDefinition[] = sampleFamilies()) => {
  const { central } = buildVigilApp(testApp(context), families);
  return { stack: central, template: Template.fromStack(central) };
};
const logicalId = (stack: Stack, element: unknown): string => stack.getLogicalId(element as CfnElement);
const scheduleRules = (template: Template) => Object.values(resourcesOf(template, 'AWS::Events::Rule')).filter((r) => r.Properties!.ScheduleExpression);

const LOG_WRITE = ['logs:CreateLogStream', 'logs:PutLogEvents'];
const KMS = ['kms:Decrypt', 'kms:GenerateDataKey'];
/** Enqueue to the family queue, the baseline ledger, the unresolved findings (deleted resources). */
const SWEEP_EXTRA = ['sqs:SendMessage', 'dynamodb:UpdateItem', 'dynamodb:Query'];
const WRITE_VERB = /^[a-z0-9-]+:(Put|Create|Delete|Update|Attach|Detach|Set|Add|Remove|Tag|Untag|Enable|Disable|Modify|Pass|Invoke|Upload|Send|Publish|BatchWrite|Scan)/;

describe.each([
  ['the catalogue families (ALL_FAMILIES)', ALL_FAMILIES],
  ['sample families with catalogue rows', sampleFamilies()],
])('VigilStack: sweeps for %s', (_name, families) => {
  const { stack, template } = synth({ trustedAccountIds: '111111111111', orgId: 'o-a1b2c3d4e5' }, families);
  const vigil = stack as VigilStack;
  const withRules = families.filter((f) => f.rules.length > 0);
  const functions = resourcesOf(template, 'AWS::Lambda::Function');
  const rules = resourcesOf(template, 'AWS::Events::Rule');

  it('deploys one sweep and one daily schedule rule per family with rules', () => {
    expect(withRules.length).toBeGreaterThan(0);
    expect(sweptFamilies(families)).toEqual(withRules);
    expect([...vigil.sweeps.keys()].sort()).toEqual(withRules.map((f) => f.name).sort());
    expect(scheduleRules(template)).toHaveLength(withRules.length);
    for (const family of withRules) {
      const sweep = vigil.sweeps.get(family.name)!;
      const fnId = logicalId(stack, sweep.sweep.function.node.defaultChild);
      const rule = rules[logicalId(stack, sweep.rule.node.defaultChild)].Properties!;
      expect(rule.ScheduleExpression).toBe(DEFAULT_SWEEP_SCHEDULE);
      expect(rule.State).toBe('ENABLED');
      expect(rule.EventPattern).toBeUndefined();
      expect(rule.Targets).toEqual([
        {
          Arn: { 'Fn::GetAtt': [fnId, 'Arn'] },
          Id: 'Target0',
          RetryPolicy: { MaximumRetryAttempts: 2, MaximumEventAgeInSeconds: 3600 },
          DeadLetterConfig: { Arn: { 'Fn::GetAtt': [logicalId(stack, vigil.sweepDeadLetterQueue!.node.defaultChild), 'Arn'] } },
        },
      ]);
      // Only this rule may invoke the sweep.
      template.hasResourceProperties('AWS::Lambda::Permission', {
        Action: 'lambda:InvokeFunction',
        FunctionName: { 'Fn::GetAtt': [fnId, 'Arn'] },
        Principal: 'events.amazonaws.com',
        SourceArn: { 'Fn::GetAtt': [logicalId(stack, sweep.rule.node.defaultChild), 'Arn'] },
      });
    }
  });

  it('runs each sweep on arm64 / nodejs22.x, 15 minutes, 1024 MB, nothing reserved by default, with the evaluator environment', () => {
    expect(SWEEP_TIMEOUT_SECONDS).toBe(900);
    for (const family of withRules) {
      const sweep = vigil.sweeps.get(family.name)!;
      const fn = functions[logicalId(stack, sweep.sweep.function.node.defaultChild)].Properties!;
      expect(fn).toMatchObject({ Architectures: ['arm64'], Runtime: 'nodejs22.x', Timeout: 900, MemorySize: SWEEP_MEMORY_MB });
      expect(fn.ReservedConcurrentExecutions).toBeUndefined();
      expect(SWEEP_MEMORY_MB).toBe(1024);
      expect(fn.Environment.Variables).toEqual({
        FINDINGS_TABLE: { Ref: 'FindingsTable' },
        TRUSTED_ACCOUNT_IDS: '111111111111',
        ORG_ID: 'o-a1b2c3d4e5',
        // The family's evaluator queue, and the containers that share each account's API quotas (the evaluators' concurrency).
        EVALUATE_QUEUE_URL: { Ref: logicalId(stack, vigil.evaluators.get(family.name)!.queue.node.defaultChild) },
        PACING_SHARE: '5',
        POWERTOOLS_SERVICE_NAME: `vigil-sweep-${family.name}`,
        NODE_OPTIONS: '--enable-source-maps',
      });
      expect(fn.Role).toEqual({ 'Fn::GetAtt': [logicalId(stack, sweep.sweep.role.node.defaultChild), 'Arn'] });
      expect(fn.LoggingConfig.LogGroup).toEqual({ Ref: logicalId(stack, sweep.sweep.logGroup.node.defaultChild) });
      // A sweep that threw is retried once by Lambda (partial failures never throw).
      template.hasResourceProperties('AWS::Lambda::EventInvokeConfig', {
        FunctionName: { Ref: logicalId(stack, sweep.sweep.function.node.defaultChild) },
        MaximumRetryAttempts: 1,
      });
    }
  });

  it("grants each sweep exactly its evaluator's reads, reconcile, the key, its log group, its family queue and the findings-by-status query: no other write verbs, no wildcard actions", () => {
    for (const family of withRules) {
      const sweep = vigil.sweeps.get(family.name)!;
      const statements = statementsOfRole(template, logicalId(stack, sweep.sweep.role.node.defaultChild));
      const reads = familyReadActions(family);
      expect(actionsOf(statements)).toEqual([...new Set([...reads, ...RECONCILE_ACTIONS, ...SWEEP_EXTRA, ...LOG_WRITE, ...KMS])].sort());
      // sqs:SendMessage on this family's evaluator queue only.
      const send = statements.filter((st) => actionsOf([st]).includes('sqs:SendMessage'));
      expect(send).toHaveLength(1);
      expect(actionsOf(send)).toEqual(['sqs:SendMessage']);
      expect(send[0].Resource).toEqual({ 'Fn::GetAtt': [logicalId(stack, vigil.evaluators.get(family.name)!.queue.node.defaultChild), 'Arn'] });
      // The baseline ledger's counters only; the unresolved findings through the byStatus index only.
      expect(statements.find((st) => actionsOf([st]).includes('dynamodb:UpdateItem'))!.Condition).toEqual({ 'ForAllValues:StringLike': { 'dynamodb:LeadingKeys': ['baseline#*'] } });
      expect(statements.find((st) => actionsOf([st]).includes('dynamodb:Query'))!.Resource).toEqual({ 'Fn::Join': ['', [{ 'Fn::GetAtt': ['FindingsTable', 'Arn'] }, '/index/byStatus']] });
      const evaluator = vigil.evaluators.get(family.name);
      if (evaluator) {
        const evaluatorStatements = statementsOfRole(template, logicalId(stack, evaluator.evaluator.role.node.defaultChild));
        expect(actionsOf(statements.filter((s) => s.Resource === '*'))).toEqual(actionsOf(evaluatorStatements.filter((s) => s.Resource === '*')));
      }
      expect(actionsOf(statements.filter((s) => s.Resource === '*'))).toEqual(reads);
      const all = actionsOf(statements);
      expect(all.filter((a) => a.includes('*'))).toEqual([]);
      expect(all.filter((a) => WRITE_VERB.test(a) && ![...RECONCILE_ACTIONS, ...SWEEP_EXTRA, ...LOG_WRITE].includes(a))).toEqual([]);
      for (const s of statements) expect(s.Effect).toBe('Allow');
      expect(statements.find((s) => actionsOf([s]).includes('dynamodb:PutItem'))!.Resource).toEqual({ 'Fn::GetAtt': ['FindingsTable', 'Arn'] });
      expect(statements.find((s) => actionsOf([s]).includes('kms:Decrypt'))!.Resource).toEqual({ 'Fn::GetAtt': [logicalId(stack, vigil.key.node.defaultChild), 'Arn'] });
      expect(statements.find((s) => actionsOf([s]).includes('logs:PutLogEvents'))!.Resource).toEqual({
        'Fn::GetAtt': [logicalId(stack, sweep.sweep.logGroup.node.defaultChild), 'Arn'],
      });
    }
  });

  it('runs each sweep once as the first-run baseline when this stack is created (CREATE_COMPLETE only), with the same retries and dead-letter queue', () => {
    for (const family of withRules) {
      const sweep = vigil.sweeps.get(family.name)!;
      const rule = rules[logicalId(stack, sweep.baselineRule.node.defaultChild)].Properties!;
      expect(rule.EventPattern).toEqual({
        source: ['aws.cloudformation'],
        'detail-type': ['CloudFormation Stack Status Change'],
        detail: { 'stack-id': [{ Ref: 'AWS::StackId' }], 'status-details': { status: ['CREATE_COMPLETE'] } },
      });
      expect(rule.Targets).toEqual([
        {
          Arn: { 'Fn::GetAtt': [logicalId(stack, sweep.sweep.function.node.defaultChild), 'Arn'] },
          Id: 'Target0',
          RetryPolicy: { MaximumRetryAttempts: 2, MaximumEventAgeInSeconds: 3600 },
          DeadLetterConfig: { Arn: { 'Fn::GetAtt': [logicalId(stack, vigil.sweepDeadLetterQueue!.node.defaultChild), 'Arn'] } },
        },
      ]);
    }
  });

  it('sends undeliverable schedule and baseline events to one encrypted, TLS-only queue that only those rules may write to', () => {
    template.resourceCountIs('AWS::SQS::Queue', families.filter((f) => f.triggers.length > 0).length * 2 + 3); // evaluators + notifier + sweeps + health relay
    const dlq = vigil.sweepDeadLetterQueue!;
    const dlqId = logicalId(stack, dlq.node.defaultChild);
    const queue = resourcesOf(template, 'AWS::SQS::Queue')[dlqId].Properties!;
    expect(queue.KmsMasterKeyId).toEqual({ 'Fn::GetAtt': [logicalId(stack, vigil.key.node.defaultChild), 'Arn'] });
    const policy = Object.values(resourcesOf(template, 'AWS::SQS::QueuePolicy')).find((p) => JSON.stringify(p.Properties!.Queues) === JSON.stringify([{ Ref: dlqId }]))!;
    const statements = policy.Properties!.PolicyDocument.Statement as any[];
    expect(statements.some((s) => s.Effect === 'Deny' && s.Condition?.Bool?.['aws:SecureTransport'] === 'false')).toBe(true);
    const allows = statements.filter((s) => s.Effect === 'Allow');
    expect(allows).toHaveLength(2 * withRules.length); // the schedule and the first-run baseline rule of each sweep
    for (const s of allows) {
      expect(s).toMatchObject({ Action: 'sqs:SendMessage', Principal: { Service: 'events.amazonaws.com' } });
      expect(s.Condition.ArnEquals['aws:SourceArn']['Fn::GetAtt'][0]).toMatch(/Schedule|Baseline/);
    }
    // EventBridge encrypts with the stack key, for this account only.
    const keyPolicy = resourcesOf(template, 'AWS::KMS::Key')[logicalId(stack, vigil.key.node.defaultChild)].Properties!.KeyPolicy.Statement as any[];
    // (CDK merges this grant with the evaluator queues' one for the same principal and condition, when there is one.)
    expect(keyPolicy).toContainEqual(
      expect.objectContaining({
        Action: expect.arrayContaining(KMS),
        Condition: { StringEquals: { 'aws:SourceAccount': { Ref: 'AWS::AccountId' } } },
        Effect: 'Allow',
        Principal: { Service: 'events.amazonaws.com' },
      }),
    );
  });
});

describe('VigilStack: sweep context options', () => {
  it('sweep=false removes the sweeps, their schedules and their queue, and leaves the evaluators', () => {
    const on = synth();
    const { stack, template } = synth({ sweep: 'false' });
    expect((stack as VigilStack).sweeps.size).toBe(0);
    expect((stack as VigilStack).sweepDeadLetterQueue).toBeUndefined();
    expect(scheduleRules(template)).toEqual([]);
    const names = (t: Template) => Object.values(resourcesOf(t, 'AWS::Lambda::Function')).map((f) => f.Properties!.Environment.Variables.POWERTOOLS_SERVICE_NAME as string);
    expect(names(template).filter((n) => n.startsWith('vigil-sweep-'))).toEqual([]);
    expect(names(on.template).filter((n) => n.startsWith('vigil-sweep-')).sort()).toEqual(['vigil-sweep-iam', 'vigil-sweep-lambda', 'vigil-sweep-s3']);
    expect(names(template).sort()).toEqual(names(on.template).filter((n) => !n.startsWith('vigil-sweep-')).sort());
    template.resourceCountIs('AWS::Lambda::EventInvokeConfig', 1); // the health relay's, not a sweep's
    expect(Object.keys(resourcesOf(template, 'AWS::SQS::Queue'))).toHaveLength(Object.keys(resourcesOf(on.template, 'AWS::SQS::Queue')).length - 1);
    // cdk.json may say false too
    expect((synth({ sweep: false }).stack as VigilStack).sweeps.size).toBe(0);
  });

  it.each(['cron(0 5 ? * MON-FRI *)', 'rate(12 hours)'])('sweepSchedule=%s is the expression of every schedule rule', (expression) => {
    const { template } = synth({ sweepSchedule: expression });
    const rules = scheduleRules(template);
    expect(rules).toHaveLength(3);
    for (const rule of rules) expect(rule.Properties!.ScheduleExpression).toBe(expression);
  });

  it('fails the synth on a bad sweepSchedule, naming the key', () => {
    expect(() => synth({ sweepSchedule: 'every day at 3' })).toThrow(ConfigError);
    expect(() => synth({ sweepSchedule: 'every day at 3' })).toThrow(/context sweepSchedule: .*got "every day at 3"/);
    expect(() => synth({ sweepSchedule: 'cron(0/5 * * * ? *)' })).toThrow(/context sweepSchedule: the minutes field must be one minute/);
  });

  it('reserveConcurrency=false drops the sweep reservation too (accounts that cannot reserve any)', () => {
    const { stack, template } = synth({ reserveConcurrency: 'false' });
    for (const sweep of (stack as VigilStack).sweeps.values()) {
      expect(resourcesOf(template, 'AWS::Lambda::Function')[logicalId(stack, sweep.sweep.function.node.defaultChild)].Properties!.ReservedConcurrentExecutions).toBeUndefined();
    }
  });

  it('apiRates reaches every sweep and evaluator (their pacing buckets)', () => {
    const { stack, template } = synth({ apiRates: 'iam=5,apigateway=4' });
    const vigil = stack as VigilStack;
    const fns = [...vigil.sweeps.values()].map((s) => s.sweep.function).concat([...vigil.evaluators.values()].map((e) => e.evaluator.function));
    expect(fns.length).toBeGreaterThan(3);
    for (const fn of fns) expect(resourcesOf(template, 'AWS::Lambda::Function')[logicalId(stack, fn.node.defaultChild)].Properties!.Environment.Variables.API_RATES).toBe('iam=5,apigateway=4');
  });

  it('logRetentionDays sets the sweep log groups', () => {
    const { stack, template } = synth({ logRetentionDays: 30 });
    for (const sweep of (stack as VigilStack).sweeps.values()) {
      expect(resourcesOf(template, 'AWS::Logs::LogGroup')[logicalId(stack, sweep.sweep.logGroup.node.defaultChild)].Properties!.RetentionInDays).toBe(30);
    }
  });

  it('sweeps a family with rules but no trigger rows, and not a family without rules', () => {
    const [s3, iam] = sampleFamilies();
    const { stack } = synth({}, [{ ...s3, triggers: [] }, { ...iam, rules: [] }]);
    // The swept family gets its queue and evaluator (the sweep only enqueues), with no EventBridge rule of its own.
    expect([...(stack as VigilStack).evaluators.keys()].sort()).toEqual(['iam', 's3']);
    expect((stack as VigilStack).evaluators.get('s3')!.rules).toEqual([]);
    expect([...(stack as VigilStack).sweeps.keys()]).toEqual(['s3']);
    // Without any evaluator queue, the key still lets EventBridge write to the sweep dead-letter queue (and only that).
    const sweepOnly = synth({}, [{ ...s3, triggers: [] }]).stack as VigilStack;
    const keyPolicy = resourcesOf(Template.fromStack(sweepOnly), 'AWS::KMS::Key')[logicalId(sweepOnly, sweepOnly.key.node.defaultChild)].Properties!.KeyPolicy.Statement as any[];
    expect(keyPolicy.filter((st) => st.Principal?.Service === 'events.amazonaws.com')).toEqual([
      { Action: KMS, Condition: { StringEquals: { 'aws:SourceAccount': { Ref: 'AWS::AccountId' } } }, Effect: 'Allow', Principal: { Service: 'events.amazonaws.com' }, Resource: '*' },
    ]);
    expect((synth({}, [{ ...iam, rules: [] }]).stack as VigilStack).sweepDeadLetterQueue).toBeUndefined();
  });

  it('rejects a family with rules but no sweep entry point', () => {
    const [s3] = sampleFamilies();
    expect(() => synth({}, [{ ...s3, name: 'ec2', triggers: [] }])).toThrow(/functions\/(evaluate|sweep)-ec2\.ts/);
  });

  it('rejects a family whose declared reads are not plain read actions (sweep-only family)', () => {
    const [s3] = sampleFamilies();
    expect(() => synth({}, [{ ...s3, triggers: [], extraReadActions: ['s3:PutBucketPolicy'] }])).toThrow(/family s3: declared reads are not plain read actions/);
  });

  it('sweeps IAM (global) once per account, from the home Region stack, never from the us-east-1 forwarder', () => {
    const { central, forwarder } = buildVigilApp(testApp({ region: 'eu-west-1' }), sampleFamilies());
    expect(forwarder).toBeDefined();
    expect(central.region).toBe('eu-west-1');
    expect((central as VigilStack).sweeps.has('iam')).toBe(true);
    const forwarderTemplate = Template.fromStack(forwarder!);
    forwarderTemplate.resourceCountIs('AWS::Lambda::Function', 0);
    expect(scheduleRules(forwarderTemplate)).toEqual([]);
  });
});
