import { Logger } from '@aws-lambda-powertools/logger';
import type { Context, ScheduledEvent } from 'aws-lambda';
import { ConfigError } from '../shared/core';
import type { FamilyDefinition } from '../shared/families/types';
import { createFamilyEngine, MAX_LOGGED_ERROR } from './family-engine';
import { optionalEnv } from './env';

/** At most this many failures are logged one by one (a denied listing can fail every resource of a kind). */
const MAX_LOGGED_FAILURES = 100;

export interface SweepSummary {
  readonly family: string;
  readonly accountId: string;
  readonly region: string;
  /** Resources listed (and read, unless they are among the failures). */
  readonly resources: number;
  readonly verdicts: number;
  /** Findings items changed by this sweep (new findings, status changes, refreshed evaluations). */
  readonly written: number;
  /** Kinds that could not be listed and resources that could not be read: logged, retried by the next sweep. */
  readonly failures: number;
}

/** The sweep's input: EventBridge's "Scheduled Event", or any object (`{}`) when invoked by hand. */
export type SweepEvent = Partial<Pick<ScheduledEvent, 'account' | 'region' | 'detail-type' | 'id' | 'time'>>;

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
 * The daily sweep of one family, run by an EventBridge schedule: lists every resource of each kind the family has rules for,
 * in the event's account and Region, re-reads and evaluates it, and reconciles the verdicts into the findings table (the
 * table stream turns status changes into alerts, as for events). This runs the periodic-only rules (credential age, unused
 * credentials, deprecated runtimes) and repairs whatever the event path missed. Global kinds (IAM) are swept once, from the
 * home Region. Kinds or resources that cannot be read are logged and left to the next sweep: the handler still succeeds,
 * since a thrown error would make Lambda re-run the whole sweep. Built once per container, like the evaluator.
 */
export const makeSweepHandler = (family: FamilyDefinition) => {
  const logger = new Logger();
  const engine = createFamilyEngine(family);

  return async (event: SweepEvent = {}, context?: Pick<Context, 'invokedFunctionArn'>): Promise<SweepSummary> => {
    const accountId = (event.account ?? '').trim() || accountOfFunctionArn(context?.invokedFunctionArn);
    const region = (event.region ?? '').trim() || optionalEnv('AWS_REGION');
    if (!accountId || !/^\d{12}$/.test(accountId)) throw new ConfigError('sweep: no account id in the event (an EventBridge Scheduled Event carries one) or the function ARN');
    if (!region) throw new ConfigError('sweep: no Region in the event and AWS_REGION is not set');

    logger.info('sweep started', { family: family.name, accountId, region, eventId: event.id });
    let resources = 0;
    const { verdicts, results, failures } = await engine.scan({ accountId, region }, (_done, total) => {
      resources = total;
    });

    for (const failure of failures.slice(0, MAX_LOGGED_FAILURES)) {
      logger.warn('sweep could not evaluate: left to the next sweep', {
        target: failure.target,
        errorName: errorName(failure.error),
        error: failure.error.split('\n')[0].slice(0, MAX_LOGGED_ERROR),
      });
    }
    if (failures.length > MAX_LOGGED_FAILURES) logger.warn('more sweep failures not logged one by one', { notLogged: failures.length - MAX_LOGGED_FAILURES });

    const summary: SweepSummary = {
      family: family.name,
      accountId,
      region,
      resources,
      verdicts: verdicts.length,
      written: results.filter((r) => r.outcome === 'written').length,
      failures: failures.length,
    };
    const byStatus: Record<string, number> = {};
    for (const verdict of verdicts) byStatus[verdict.status] = (byStatus[verdict.status] ?? 0) + 1;
    logger.info('sweep finished', { ...summary, byStatus });
    return summary;
  };
};
