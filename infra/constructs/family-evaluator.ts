import * as fs from 'node:fs';
import * as path from 'node:path';
import { Duration, Validations } from 'aws-cdk-lib';
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
import { PROJECT_ROOT, VigilFunction } from './vigil-function';

export const EVALUATOR_TIMEOUT_SECONDS = 60;
/** Waits this long for more messages before invoking: a burst of changes to one resource becomes one evaluation. */
export const BATCHING_WINDOW_SECONDS = 5;
export const MAX_RECEIVE_COUNT = 3;

export interface FamilyEvaluatorProps {
  readonly family: FamilyDefinition;
  readonly key: kms.IKey;
  readonly table: FindingsTable;
  /** SQS maximum concurrency of the event source. */
  readonly maxConcurrency: number;
  /** Reserve `maxConcurrency` for the function. */
  readonly reserveConcurrency: boolean;
  readonly logRetention: logs.RetentionDays;
  /** Also route AWS Config configuration item changes of the family's resource types. */
  readonly configEvents: boolean;
  readonly trustedAccountIds: readonly string[];
  readonly orgId?: string;
}

/** The CDK form of a catalogue pattern (CloudFormation renders `detailType` as `detail-type`). */
export const toRulePattern = (pattern: EventPattern): events.EventPattern => ({
  detailType: [...pattern['detail-type']],
  detail: JSON.parse(JSON.stringify(pattern.detail)) as Record<string, unknown>,
});

/** The CDK form of a plain JSON pattern (`detail-type` → `detailType`). */
export const fromJsonPattern = (pattern: Readonly<Record<string, unknown>>): events.EventPattern => {
  const { 'detail-type': detailType, ...rest } = JSON.parse(JSON.stringify(pattern)) as Record<string, unknown>;
  return { ...(detailType ? { detailType: detailType as string[] } : {}), ...rest } as events.EventPattern;
};

/** AWS Config change events for these resource types (the item is in the event, so the queue gets the full state). */
export const configChangePattern = (configTypes: readonly string[]): events.EventPattern => ({
  source: ['aws.config'],
  detailType: [DETAIL_TYPES.configChange],
  detail: { configurationItem: { resourceType: [...configTypes] } },
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
 * the family's evaluator (partial batch failures, bounded concurrency) → the findings table.
 */
export class FamilyEvaluator extends Construct {
  readonly queue: sqs.Queue;
  readonly deadLetterQueue: sqs.Queue;
  readonly rules: events.Rule[] = [];
  readonly evaluator: VigilFunction;

  constructor(scope: Construct, id: string, props: FamilyEvaluatorProps) {
    super(scope, id);
    const { family, key } = props;

    this.deadLetterQueue = new sqs.Queue(this, 'DeadLetterQueue', {
      encryption: sqs.QueueEncryption.KMS,
      encryptionMasterKey: key,
      enforceSSL: true,
      retentionPeriod: Duration.days(14),
    });
    Validations.of(this.deadLetterQueue).acknowledge({
      id: 'AwsSolutions-SQS3',
      reason: `This queue is itself the dead-letter queue of the ${family.name} evaluator queue; a DLQ of a DLQ would only move the same messages again.`,
    });
    this.queue = new sqs.Queue(this, 'Queue', {
      encryption: sqs.QueueEncryption.KMS,
      encryptionMasterKey: key,
      enforceSSL: true,
      // AWS guidance for Lambda SQS sources: at least six times the function timeout, plus the batching window.
      visibilityTimeout: Duration.seconds(6 * EVALUATOR_TIMEOUT_SECONDS + BATCHING_WINDOW_SECONDS),
      deadLetterQueue: { queue: this.deadLetterQueue, maxReceiveCount: MAX_RECEIVE_COUNT },
    });

    const target = new targets.SqsQueue(this.queue);
    for (const [index, pattern] of toEventPatterns(family.triggers).entries()) {
      this.rules.push(
        new events.Rule(this, `Trigger${index}`, {
          description: `Vigil ${family.name}: ${pattern.detail.eventSource.join(', ')} API calls that change resources (trigger catalogue)`,
          eventPattern: toRulePattern(pattern),
          targets: [target],
        }),
      );
    }
    for (const [index, { description, pattern }] of (family.eventPatterns ?? []).entries()) {
      this.rules.push(
        new events.Rule(this, `Pattern${index}`, {
          description: `Vigil ${family.name}: ${description}`.slice(0, 512),
          eventPattern: fromJsonPattern(pattern),
          targets: [target],
        }),
      );
    }
    const configTypes = [...new Set(family.kinds.flatMap((kind) => kind.configTypes))].sort();
    if (props.configEvents && configTypes.length > 0) {
      this.rules.push(
        new events.Rule(this, 'ConfigChanges', {
          description: `Vigil ${family.name}: AWS Config configuration item changes`,
          eventPattern: configChangePattern(configTypes),
          targets: [target],
        }),
      );
    }

    this.evaluator = new VigilFunction(this, 'Evaluator', {
      entry: entryFor(family),
      description: `Vigil ${family.name} evaluator: re-reads changed resources, runs the ${family.name} rules, reconciles findings`,
      serviceName: `vigil-evaluate-${family.name}`,
      timeout: Duration.seconds(EVALUATOR_TIMEOUT_SECONDS),
      memorySize: 512,
      reservedConcurrentExecutions: props.reserveConcurrency ? props.maxConcurrency : undefined,
      logRetention: props.logRetention,
      environment: {
        FINDINGS_TABLE: props.table.tableName,
        TRUSTED_ACCOUNT_IDS: props.trustedAccountIds.join(','),
        ...(props.orgId ? { ORG_ID: props.orgId } : {}),
      },
    });
    const fn = this.evaluator.function;
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
