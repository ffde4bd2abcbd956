import * as fs from 'node:fs';
import * as path from 'node:path';
import { Duration, Stack, Validations } from 'aws-cdk-lib';
import * as events from 'aws-cdk-lib/aws-events';
import * as targets from 'aws-cdk-lib/aws-events-targets';
import * as iam from 'aws-cdk-lib/aws-iam';
import type * as logs from 'aws-cdk-lib/aws-logs';
import type * as sqs from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { ConfigError } from '../../shared/core';
import type { FamilyDefinition } from '../../shared/families/types';
import { STACK_STATUS_CHANGE } from '../../shared/sweep/run';
import { familyReadActions, pacingEnvironment } from './family-evaluator';
import type { FindingsTable } from './findings-table';
import { PROJECT_ROOT, VigilFunction } from './vigil-function';

/** The Lambda maximum: a sweep lists every resource of its family (paced) and enqueues them; it reads none. */
export const SWEEP_TIMEOUT_SECONDS = 900;
export const SWEEP_MEMORY_MB = 1024;
/** One sweep of a family at a time: a late or retried run waits for the running one instead of doubling the API calls. */
export const SWEEP_RESERVED_CONCURRENCY = 1;
/** EventBridge retries of the invocation itself (throttled or failed Invoke calls), within SWEEP_MAX_EVENT_AGE. */
export const SWEEP_TARGET_RETRY_ATTEMPTS = 2;
export const SWEEP_MAX_EVENT_AGE = Duration.hours(1);
/**
 * Lambda's retries of a sweep that threw (the store unreachable, a timeout): one, not the default two. Partial failures
 * never throw (they are logged and left to the next sweep), and a sweep that timed out would most likely time out again.
 */
export const SWEEP_FUNCTION_RETRY_ATTEMPTS = 1;

/** Families that get a sweep: those with rules (a sweep evaluates rules; detections need events). */
export const sweptFamilies = (families: readonly FamilyDefinition[]): FamilyDefinition[] => families.filter((f) => f.rules.length > 0);

export interface FamilySweepProps {
  readonly family: FamilyDefinition;
  readonly table: FindingsTable;
  /** An EventBridge `cron(...)` or `rate(...)` expression (validated by infra/context.ts). */
  readonly schedule: string;
  /** Reserve SWEEP_RESERVED_CONCURRENCY for the function (false on accounts that cannot reserve any). */
  readonly reserveConcurrency: boolean;
  readonly logRetention: logs.RetentionDays;
  /** Receives the scheduled (and baseline) events EventBridge could not deliver to the function. */
  readonly deadLetterQueue: sqs.IQueue;
  /** The family's evaluator queue: the sweep sends one evaluate message per resource to it, and nowhere else. */
  readonly queue: sqs.IQueue;
  /** The evaluators' maximum concurrency: the containers sharing each account's API quotas. */
  readonly maxConcurrency: number;
  readonly apiRates?: string;
  readonly trustedAccountIds: readonly string[];
  readonly orgId?: string;
}

/**
 * CloudFormation's event for this stack reaching CREATE_COMPLETE (https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/event-detail-stack-status-change.html):
 * it happens once, after the first `cdk deploy`, and starts the first-run baseline. Updates (UPDATE_COMPLETE) do not.
 */
export const stackCreatedPattern = (stackId: string): events.EventPattern => ({
  source: ['aws.cloudformation'],
  detailType: [STACK_STATUS_CHANGE],
  detail: { 'stack-id': [stackId], 'status-details': { status: ['CREATE_COMPLETE'] } },
});

const entryFor = (family: FamilyDefinition): string => {
  const entry = `sweep-${family.name}.ts`;
  if (!fs.existsSync(path.join(PROJECT_ROOT, 'functions', entry))) {
    throw new ConfigError(`family ${family.name} has rules but no sweep entry point functions/${entry} (export const handler = makeSweepHandler(${family.name}Family))`);
  }
  return entry;
};

/**
 * One family's scheduled sweep: an EventBridge schedule → the family's sweep function, which lists every resource of the
 * family in the stack's account and Region and sends one evaluate message each to the family's evaluator queue (the
 * evaluators read and judge them; alerts then flow through the table stream), and resolves the findings of resources that
 * are gone. The periodic-only rules run there, and it repairs what the event path missed. Global kinds (IAM) are swept
 * once, here, in the home Region. A second rule runs it once when the stack is created: the first-run baseline.
 */
export class FamilySweep extends Construct {
  readonly sweep: VigilFunction;
  readonly rule: events.Rule;
  /** Runs the sweep once, as the family's first-run baseline, when the stack is created. */
  readonly baselineRule: events.Rule;

  constructor(scope: Construct, id: string, props: FamilySweepProps) {
    super(scope, id);
    const { family } = props;

    this.sweep = new VigilFunction(this, 'Sweep', {
      entry: entryFor(family),
      description: `Vigil ${family.name} sweep: on a schedule, lists every ${family.name} resource and enqueues each for evaluation`,
      serviceName: `vigil-sweep-${family.name}`,
      timeout: Duration.seconds(SWEEP_TIMEOUT_SECONDS),
      memorySize: SWEEP_MEMORY_MB,
      reservedConcurrentExecutions: props.reserveConcurrency ? SWEEP_RESERVED_CONCURRENCY : undefined,
      logRetention: props.logRetention,
      environment: {
        FINDINGS_TABLE: props.table.tableName,
        TRUSTED_ACCOUNT_IDS: props.trustedAccountIds.join(','),
        ...(props.orgId ? { ORG_ID: props.orgId } : {}),
        ...pacingEnvironment(props.queue, props.maxConcurrency, props.apiRates),
      },
    });
    const fn = this.sweep.function;
    fn.configureAsyncInvoke({ retryAttempts: SWEEP_FUNCTION_RETRY_ATTEMPTS });
    props.table.grantSweep(fn);
    // Its family's queue only (the key grant comes with the table's: one stack key).
    fn.addToRolePolicy(new iam.PolicyStatement({ sid: 'EnqueueEvaluations', actions: ['sqs:SendMessage'], resources: [props.queue.queueArn] }));

    const reads = familyReadActions(family);
    if (reads.length > 0) {
      fn.addToRolePolicy(new iam.PolicyStatement({ sid: 'FamilyConfigurationReads', actions: reads, resources: ['*'] }));
      Validations.of(this.sweep.role).acknowledge({
        id: 'AwsSolutions-IAM5[Resource::*]',
        reason:
          `The ${family.name} sweep lists and re-reads every ${family.name} resource of the account and Region, so its reads need resource "*". ` +
          `The actions (${reads.join(', ')}) are exactly the ${family.name} evaluator's: generated from the rule catalogue (rules[].reads) and the collectors' extraReadActions, exact read-only actions (no wildcards, checked at synth), no writes.`,
      });
    }

    const target = new targets.LambdaFunction(fn, { retryAttempts: SWEEP_TARGET_RETRY_ATTEMPTS, maxEventAge: SWEEP_MAX_EVENT_AGE, deadLetterQueue: props.deadLetterQueue });
    this.rule = new events.Rule(this, 'Schedule', {
      description: `Vigil ${family.name}: scheduled sweep of every ${family.name} resource (${props.schedule})`,
      schedule: events.Schedule.expression(props.schedule),
      targets: [target],
    });
    this.baselineRule = new events.Rule(this, 'Baseline', {
      description: `Vigil ${family.name}: first-run baseline, once, when the stack is created`,
      eventPattern: stackCreatedPattern(Stack.of(this).stackId),
      targets: [target],
    });
  }
}
