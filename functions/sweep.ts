import { Logger } from '@aws-lambda-powertools/logger';
import type { Context } from 'aws-lambda';
import { ConfigError } from '../shared/core';
import type { FamilyDefinition } from '../shared/families/types';
import { runSweep, STACK_STATUS_CHANGE } from '../shared/sweep/run';
import { createFamilyEngine, MAX_LOGGED_ERROR } from './family-engine';
import { optionalEnv } from './env';

/** At most this many failures are logged one by one. */
const MAX_LOGGED_FAILURES = 100;

export interface SweepSummary {
  readonly family: string;
  readonly accountId: string;
  readonly region: string;
  readonly sweepId: string;
  /** 'opened' when this run is the family's first-run baseline. */
  readonly baseline?: 'opened' | 'running';
  /** Resources listed. */
  readonly resources: number;
  /** Evaluate messages sent to the family's queue (the evaluators read and judge them). */
  readonly enqueued: number;
  /** Findings resolved because their resource no longer exists. */
  readonly resolved: number;
  /** Kinds that could not be listed or enqueued: logged, retried by the next sweep. */
  readonly failures: number;
}

/**
 * The sweep's input: EventBridge's "Scheduled Event" (daily), the stack's "CloudFormation Stack Status Change" at its
 * creation (the first-run baseline), or any object when invoked by hand (`{}`, or `{"baseline": true}`).
 */
export interface SweepEvent {
  readonly account?: string;
  readonly region?: string;
  readonly 'detail-type'?: string;
  readonly id?: string;
  readonly time?: string;
  readonly baseline?: boolean;
}

/** `arn:aws:lambda:<region>:<account>:function:<name>` → the account (manual invocations carry no `account`). */
const accountOfFunctionArn = (arn: string | undefined): string | undefined => {
  const account = arn?.split(':')[4];
  return account && /^\d{12}$/.test(account) ? account : undefined;
};

const errorName = (error: string): string => {
  const match = /^([A-Za-z][\w.]*):/.exec(error);
  return match ? match[1] : 'Error';
};

/**
 * The sweep of one family: lists every resource of each kind the family has rules for, in the event's account and
 * Region (global kinds once, from the home Region), and enqueues one evaluate message each to the family's evaluator
 * queue; the evaluators then read and judge them, and the table stream alerts as for events. The sweep itself reads no
 * resource, so it finishes at any account size. A complete listing also resolves the findings of resources that are gone.
 * Run at the stack's creation it is the family's first-run baseline, summarised in one alert. Kinds that cannot be
 * listed are logged and left to the next sweep: the handler still succeeds, since a thrown error would re-run it all.
 */
export const makeSweepHandler = (family: FamilyDefinition) => {
  const logger = new Logger();
  const { source, store, ledger, queue } = createFamilyEngine(family);

  return async (event: SweepEvent = {}, context?: Pick<Context, 'invokedFunctionArn'>): Promise<SweepSummary> => {
    const accountId = (event.account ?? '').trim() || accountOfFunctionArn(context?.invokedFunctionArn);
    const region = (event.region ?? '').trim() || optionalEnv('AWS_REGION');
    if (!accountId || !/^\d{12}$/.test(accountId)) throw new ConfigError('sweep: no account id in the event (an EventBridge Scheduled Event carries one) or the function ARN');
    if (!region) throw new ConfigError('sweep: no Region in the event and AWS_REGION is not set');
    if (!queue) throw new ConfigError('sweep: EVALUATE_QUEUE_URL is not set (the family evaluator queue the sweep enqueues to)');
    const baseline = event.baseline === true || event['detail-type'] === STACK_STATUS_CHANGE;
    const sweepId = /^[A-Za-z0-9._:-]{1,100}$/.test(event.id ?? '') ? event.id! : `manual-${Date.now()}`;

    logger.info('sweep started', { family: family.name, accountId, region, sweepId, baseline });
    const report = await runSweep({ family, source, queue, findings: store, ledger }, { accountId, region, sweepId, baseline });

    for (const failure of report.failures.slice(0, MAX_LOGGED_FAILURES)) {
      logger.warn('sweep could not list or enqueue: left to the next sweep', {
        target: failure.target,
        errorName: errorName(failure.error),
        error: failure.error.split('\n')[0].slice(0, MAX_LOGGED_ERROR),
      });
    }
    if (report.closedStalledBaseline) logger.warn('closed a first-run baseline that made no progress: its summary alert goes out as incomplete', { family: family.name });

    const summary: SweepSummary = {
      family: family.name,
      accountId,
      region,
      sweepId,
      ...(report.baseline ? { baseline: report.baseline } : {}),
      resources: report.kinds.reduce((n, k) => n + k.listed, 0),
      enqueued: report.enqueued,
      resolved: report.resolved,
      failures: report.failures.length,
    };
    logger.info('sweep finished', { ...summary, kinds: report.kinds });
    return summary;
  };
};
