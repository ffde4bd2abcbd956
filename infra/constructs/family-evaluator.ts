import * as fs from 'node:fs';
import * as path from 'node:path';
import { Aws, Duration, Validations } from 'aws-cdk-lib';
import type * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as events from 'aws-cdk-lib/aws-events';
import * as targets from 'aws-cdk-lib/aws-events-targets';
import * as iam from 'aws-cdk-lib/aws-iam';
import type * as kms from 'aws-cdk-lib/aws-kms';
import { SqsEventSource } from 'aws-cdk-lib/aws-lambda-event-sources';
import type * as logs from 'aws-cdk-lib/aws-logs';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { ConfigError } from '../../shared/core';
import { DETAIL_TYPES, toEventPatterns, type EventPattern } from '../../shared/events';
import type { FamilyDefinition } from '../../shared/families/types';
import type { FindingsTable } from './findings-table';
import { deadLetterQueue, queueNotEmptyAlarm, TARGET_MAX_EVENT_AGE, TARGET_RETRY_ATTEMPTS } from './health';
import { PROJECT_ROOT, VigilFunction } from './vigil-function';

export const EVALUATOR_TIMEOUT_SECONDS = 60;
/** Waits this long for more messages before invoking: a burst of changes to one resource becomes one evaluation. */
export const BATCHING_WINDOW_SECONDS = 5;
export const MAX_RECEIVE_COUNT = 3;

export interface FamilyEvaluatorProps {
  readonly family: FamilyDefinition;
  readonly key: kms.IKey;
  readonly table: FindingsTable;
  /** SQS maximum concurrency of the event source (bounds the load without reserving any of the account's concurrency). */
  readonly maxConcurrency: number;
  /** Also reserve `maxConcurrency` for the function (opt-in: reserving fails on accounts with a small concurrency quota). */
  readonly reserveConcurrency: boolean;
  readonly logRetention: logs.RetentionDays;
  /** Also route AWS Config configuration item changes of the family's resource types. */
  readonly configEvents: boolean;
  readonly trustedAccountIds: readonly string[];
  readonly orgId?: string;
  /** Requests per second per account by API family, overriding the pacing defaults (`family=rate,…`). @default - the defaults */
  readonly apiRates?: string;
}

/** The CDK form of a catalogue pattern (CloudFormation renders `detailType` as `detail-type`). */
export const toRulePattern = (pattern: EventPattern): events.EventPattern => fromJsonPattern(pattern as unknown as Record<string, unknown>);

/** The CDK form of a plain JSON pattern (`detail-type` → `detailType`). */
export const fromJsonPattern = (pattern: Readonly<Record<string, unknown>>): events.EventPattern => {
  const { 'detail-type': detailType, ...rest } = JSON.parse(JSON.stringify(pattern)) as Record<string, unknown>;
  return { ...(detailType ? { detailType: detailType as string[] } : {}), ...rest } as events.EventPattern;
};

/**
 * AWS Config change events for these resource types: the item is in the event (`configurationItem`), or, for an item
 * over the notification size, only its summary and the S3 object holding it (`configurationItemSummary`,
 * `s3DeliverySummary`: https://docs.aws.amazon.com/config/latest/developerguide/oversized-notification-example.html).
 */
export const configChangePatterns = (configTypes: readonly string[]): { readonly id: string; readonly description: string; readonly pattern: events.EventPattern }[] => [
  {
    id: 'ConfigChanges',
    description: 'AWS Config configuration item changes',
    pattern: { source: ['aws.config'], detailType: [DETAIL_TYPES.configChange], detail: { configurationItem: { resourceType: [...configTypes] } } },
  },
  {
    id: 'OversizedConfigChanges',
    description: 'AWS Config oversized configuration item changes (the item is read from S3)',
    pattern: { source: ['aws.config'], detailType: [DETAIL_TYPES.configChange], detail: { configurationItemSummary: { resourceType: [...configTypes] } } },
  },
];

/**
 * Where AWS Config delivers oversized items: `<bucket>[/<prefix>]/AWSLogs/<account>/Config/<region>/…/OversizedChangeNotification/…`
 * (https://docs.aws.amazon.com/config/latest/developerguide/oversized-notification-example.html). The delivery bucket is
 * the customer's and unknown at synth, so the grant names every bucket but only Config's own key path for this account.
 */
export const oversizedItemObjects = (partition: string, account: string): string => `arn:${partition}:s3:::*/AWSLogs/${account}/Config/*`;

/**
 * Rules that must also receive read-only management events (Get/List/Describe…) are created in the state that delivers
 * them; a plain ENABLED rule on the default bus never sees them
 * (https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-service-event-cloudtrail-management.html).
 */
export const ALL_MANAGEMENT_EVENTS_STATE = 'ENABLED_WITH_ALL_CLOUDTRAIL_MANAGEMENT_EVENTS';
export const receiveReadOnlyEvents = (rule: events.Rule): void => {
  (rule.node.defaultChild as events.CfnRule).state = ALL_MANAGEMENT_EVENTS_STATE;
};

/**
 * What the family's functions need to pace their reads and reach its queue: the queue URL, the number of containers that
 * share each account's API quotas (the evaluators' maximum concurrency), and the configured rates.
 */
export const pacingEnvironment = (queue: sqs.IQueue, maxConcurrency: number, apiRates: string | undefined): Record<string, string> => ({
  EVALUATE_QUEUE_URL: queue.queueUrl,
  PACING_SHARE: String(maxConcurrency),
  ...(apiRates ? { API_RATES: apiRates } : {}),
});

/** IAM actions the family's evaluator may call: the union of its rules' declared reads and its collectors' extra reads. */
export const familyReadActions = (family: FamilyDefinition): string[] => {
  const actions = [...new Set([...family.rules.flatMap((rule) => rule.reads), ...family.extraReadActions])].sort();
  // The catalogue declares exact read actions; a wildcard or a write verb here is a catalogue bug, not something to deploy.
  const suspicious = actions.filter((a) => !/^[a-z0-9-]+:[A-Za-z0-9]+$/.test(a) || /^[a-z0-9-]+:(Put|Create|Delete|Update|Attach|Detach|Set|Add|Remove|Tag|Untag|Enable|Disable|Modify|Pass|Invoke|Upload)/.test(a));
  if (suspicious.length > 0) throw new ConfigError(`family ${family.name}: declared reads are not plain read actions: ${suspicious.join(', ')}`);
  return actions;
};

const entryFor = (family: FamilyDefinition): string => {
  const entry = `evaluate-${family.name}.ts`;
  if (!fs.existsSync(path.join(PROJECT_ROOT, 'functions', entry))) {
    throw new ConfigError(`family ${family.name} has trigger rows but no entry point functions/${entry} (export const handler = makeEvaluateHandler(${family.name}Family))`);
  }
  return entry;
};

/**
 * One family's pipeline: EventBridge rules built from the trigger catalogue → encrypted SQS queue (DLQ after 3 receives) →
 * the family's evaluator (partial batch failures, bounded concurrency) → the findings table. The same queue takes the
 * "evaluate this resource" messages of the family's sweep and of event fan-outs (the evaluator sends those itself).
 */
export class FamilyEvaluator extends Construct {
  readonly queue: sqs.Queue;
  /** Messages the evaluator failed MAX_RECEIVE_COUNT times, and events EventBridge could not deliver to the queue. */
  readonly deadLetterQueue: sqs.Queue;
  readonly deadLetterAlarm: cloudwatch.Alarm;
  readonly rules: events.Rule[] = [];
  readonly evaluator: VigilFunction;

  constructor(scope: Construct, id: string, props: FamilyEvaluatorProps) {
    super(scope, id);
    const { family, key } = props;

    this.deadLetterQueue = deadLetterQueue(this, 'DeadLetterQueue', key, `of the ${family.name} evaluator queue, and of the EventBridge rules that feed it`);
    this.queue = new sqs.Queue(this, 'Queue', {
      encryption: sqs.QueueEncryption.KMS,
      encryptionMasterKey: key,
      enforceSSL: true,
      // AWS guidance for Lambda SQS sources: at least six times the function timeout, plus the batching window.
      visibilityTimeout: Duration.seconds(6 * EVALUATOR_TIMEOUT_SECONDS + BATCHING_WINDOW_SECONDS),
      deadLetterQueue: { queue: this.deadLetterQueue, maxReceiveCount: MAX_RECEIVE_COUNT },
    });

    // An event EventBridge cannot put on the queue (throttled, key unavailable) is retried, then kept in the DLQ.
    const target = new targets.SqsQueue(this.queue, { deadLetterQueue: this.deadLetterQueue, retryAttempts: TARGET_RETRY_ATTEMPTS, maxEventAge: TARGET_MAX_EVENT_AGE });
    for (const [index, pattern] of toEventPatterns(family.triggers).entries()) {
      this.rules.push(
        new events.Rule(this, `Trigger${index}`, {
          description: `Vigil ${family.name}: ${pattern.detail.eventSource.join(', ')} API calls that change resources (trigger catalogue)`,
          eventPattern: toRulePattern(pattern),
          targets: [target],
        }),
      );
    }
    for (const [index, { description, pattern, readOnlyEvents }] of (family.eventPatterns ?? []).entries()) {
      const rule = new events.Rule(this, `Pattern${index}`, {
        description: `Vigil ${family.name}: ${description}`.slice(0, 512),
        eventPattern: fromJsonPattern(pattern),
        targets: [target],
      });
      if (readOnlyEvents) receiveReadOnlyEvents(rule);
      this.rules.push(rule);
    }
    const configTypes = [...new Set(family.kinds.flatMap((kind) => kind.configTypes))].sort();
    const configEvents = props.configEvents && configTypes.length > 0;
    if (configEvents) {
      for (const { id: ruleId, description, pattern } of configChangePatterns(configTypes)) {
        this.rules.push(new events.Rule(this, ruleId, { description: `Vigil ${family.name}: ${description}`, eventPattern: pattern, targets: [target] }));
      }
    }
    this.deadLetterAlarm = queueNotEmptyAlarm(
      this,
      'DeadLetterAlarm',
      this.deadLetterQueue,
      `${family.name}-DeadLetters`,
      `Vigil's ${family.name} evaluator could not process some events (rejected as malformed, failed ${MAX_RECEIVE_COUNT} times, or undeliverable by EventBridge): ` +
        `they wait in its dead-letter queue. Read the reason in the vigil-evaluate-${family.name} logs; once fixed, redrive them with ` +
        `aws sqs start-message-move-task --source-arn <the queue's ARN>.`,
    );

    this.evaluator = new VigilFunction(this, 'Evaluator', {
      entry: entryFor(family),
      description: `Vigil ${family.name} evaluator: re-reads changed resources, runs the ${family.name} rules, reconciles findings`,
      serviceName: `vigil-evaluate-${family.name}`,
      timeout: Duration.seconds(EVALUATOR_TIMEOUT_SECONDS),
      memorySize: 512,
      // Nothing is reserved by default: the SQS maximum concurrency already bounds the load, for free, and a reservation
      // fails the deploy on accounts whose concurrency quota is small (Lambda keeps 100 unreserved).
      reservedConcurrentExecutions: props.reserveConcurrency ? props.maxConcurrency : undefined,
      logRetention: props.logRetention,
      environment: {
        FINDINGS_TABLE: props.table.tableName,
        TRUSTED_ACCOUNT_IDS: props.trustedAccountIds.join(','),
        ...(props.orgId ? { ORG_ID: props.orgId } : {}),
        ...pacingEnvironment(this.queue, props.maxConcurrency, props.apiRates),
        // The last receive before the DLQ: a read that still fails then becomes ERROR verdicts instead of a lost message.
        MAX_RECEIVE_COUNT: String(MAX_RECEIVE_COUNT),
      },
    });
    const fn = this.evaluator.function;
    // Fan-outs enqueue one message per resource to this same queue (the key grant comes with the table's).
    fn.addToRolePolicy(new iam.PolicyStatement({ sid: 'EnqueueFanOuts', actions: ['sqs:SendMessage'], resources: [this.queue.queueArn] }));
    props.table.grantBaselineProgress(fn);
    if (configEvents) {
      fn.addToRolePolicy(new iam.PolicyStatement({ sid: 'ReadOversizedConfigItems', actions: ['s3:GetObject'], resources: [oversizedItemObjects(Aws.PARTITION, Aws.ACCOUNT_ID)] }));
      Validations.of(this.evaluator.role).acknowledge({
        id: `AwsSolutions-IAM5[Resource::arn:<AWS::Partition>:s3:::*/AWSLogs/<AWS::AccountId>/Config/*]`,
        reason:
          'Oversized AWS Config items are delivered to the customer\'s Config bucket, unknown at synth; the grant is s3:GetObject only, on AWS Config\'s own key path for this account (AWSLogs/<account>/Config/), in any bucket.',
      });
    }
    fn.addEventSource(
      new SqsEventSource(this.queue, {
        batchSize: 10,
        maxBatchingWindow: Duration.seconds(BATCHING_WINDOW_SECONDS),
        maxConcurrency: props.maxConcurrency,
        reportBatchItemFailures: true,
      }),
    );
    props.table.grantReconcile(fn);

    const reads = familyReadActions(family);
    if (reads.length > 0) {
      fn.addToRolePolicy(new iam.PolicyStatement({ sid: 'FamilyConfigurationReads', actions: reads, resources: ['*'] }));
      Validations.of(this.evaluator.role).acknowledge({
        id: 'AwsSolutions-IAM5[Resource::*]',
        reason:
          `The ${family.name} evaluator re-reads the configuration of any ${family.name} resource named by an event, so its reads need resource "*". ` +
          `The actions (${reads.join(', ')}) are generated from the rule catalogue (rules[].reads) and the collectors' extraReadActions, are exact read-only actions (no wildcards, checked at synth), and include no writes.`,
      });
    }
  }
}
