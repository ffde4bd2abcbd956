import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, GetCommand, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { Severity } from '../core';
import { FINDINGS_TABLE_SCHEMA } from './schema';
import { Transition, type ReconcileResult } from './types';

/**
 * The ledger of a family's first-run baseline: one item in the findings table (key `baseline#<family>`, no finding
 * attributes, so it is in no index). The sweep opens it and, once it has enqueued every resource, sets `expected`; each
 * evaluation of a baseline message claims it (before writing, tagging the findings it creates) and finishes it (after,
 * adding its new findings). It closes when every expected resource is finished and none is between claim and finish;
 * the table stream then carries the closing to the notifier, which sends the one summary alert. A baseline that stops
 * progressing (messages in the dead-letter queue) is closed as incomplete by the next scheduled sweep.
 */
export const BASELINE_RECORD_TYPE = 'baseline';

export interface BaselineLedgerItem {
  readonly findingId: string;
  readonly recordType: typeof BASELINE_RECORD_TYPE;
  readonly family: string;
  readonly sweepId: string;
  readonly accountId: string;
  readonly region: string;
  readonly startedAt: string;
  readonly updatedAt: string;
  /** Resources enqueued (set when the enumeration is over). */
  readonly expected?: number;
  readonly claimed: number;
  readonly finished: number;
  /** Findings the baseline opened, in total and per severity (`new_CRITICAL` …). */
  readonly newFindings: number;
  readonly errors: number;
  readonly closedAt?: string;
  /** Closed because it stopped progressing, before every resource was evaluated. */
  readonly incomplete?: boolean;
  readonly [counter: `new_${string}`]: number;
}

export const baselineLedgerId = (family: string): string => `baseline#${family}`;

/** True for a ledger item (the findings table's other items are findings). */
export const isBaselineLedgerItem = (item: Readonly<Record<string, unknown>> | undefined): boolean => item?.recordType === BASELINE_RECORD_TYPE;

export interface BaselineLedger {
  /** Opens the family's baseline; false when one is still running (open and progressing). */
  open(family: string, sweepId: string, scope: { readonly accountId: string; readonly region: string }): Promise<boolean>;
  setExpected(family: string, sweepId: string, expected: number): Promise<void>;
  claim(family: string, sweepId: string): Promise<boolean>;
  finish(family: string, sweepId: string, results: readonly ReconcileResult[]): Promise<void>;
  release(family: string, sweepId: string): Promise<void>;
  /** Closes an open baseline without progress for `stalledForMs` (as incomplete); true when it did. */
  closeIfStalled(family: string, stalledForMs: number): Promise<boolean>;
  get(family: string): Promise<BaselineLedgerItem | undefined>;
}

const isConditionFailure = (error: unknown): boolean => (error as { name?: unknown } | null)?.name === 'ConditionalCheckFailedException';

/** Runs a conditional write; false when its condition did not hold. */
const conditional = async (write: () => Promise<unknown>): Promise<boolean> => {
  try {
    await write();
    return true;
  } catch (error) {
    if (isConditionFailure(error)) return false;
    throw error;
  }
};

export const createBaselineLedger = (options: {
  readonly client: DynamoDBClient | DynamoDBDocumentClient;
  readonly tableName: string;
  readonly now?: () => Date;
}): BaselineLedger => {
  const doc = options.client instanceof DynamoDBDocumentClient ? options.client : DynamoDBDocumentClient.from(options.client);
  const TableName = options.tableName;
  const now = () => (options.now ?? (() => new Date()))().toISOString();
  const Key = (family: string) => ({ [FINDINGS_TABLE_SCHEMA.partitionKey]: baselineLedgerId(family) });
  const ofSweep = { ConditionExpression: '#sweepId = :sweepId', names: { '#sweepId': 'sweepId' } };

  const get = async (family: string): Promise<BaselineLedgerItem | undefined> =>
    (await doc.send(new GetCommand({ TableName, Key: Key(family), ConsistentRead: true }))).Item as BaselineLedgerItem | undefined;

  /** Closes when complete: every expected resource finished and none between claim and finish (conditioned on what was read). */
  const closeIfComplete = async (family: string, item: BaselineLedgerItem | undefined): Promise<void> => {
    if (!item || item.closedAt !== undefined || item.expected === undefined) return;
    if (item.finished < item.expected || item.claimed !== item.finished) return;
    await conditional(() =>
      doc.send(
        new UpdateCommand({
          TableName,
          Key: Key(family),
          UpdateExpression: 'SET closedAt = :now',
          ConditionExpression: '#sweepId = :sweepId AND attribute_not_exists(closedAt) AND claimed = :claimed AND finished = :finished',
          ExpressionAttributeNames: ofSweep.names,
          ExpressionAttributeValues: { ':now': now(), ':sweepId': item.sweepId, ':claimed': item.claimed, ':finished': item.finished },
        }),
      ),
    );
  };

  const add = (family: string, sweepId: string, counters: Record<string, number>, condition = ofSweep.ConditionExpression) =>
    doc.send(
      new UpdateCommand({
        TableName,
        Key: Key(family),
        UpdateExpression: `ADD ${Object.keys(counters).map((name, i) => `#c${i} :c${i}`).join(', ')} SET updatedAt = :now`,
        ConditionExpression: condition,
        ExpressionAttributeNames: { ...ofSweep.names, ...Object.fromEntries(Object.keys(counters).map((name, i) => [`#c${i}`, name])) },
        ExpressionAttributeValues: { ':sweepId': sweepId, ':now': now(), ...Object.fromEntries(Object.values(counters).map((value, i) => [`:c${i}`, value])) },
        ReturnValues: 'ALL_NEW',
      }),
    );

  return {
    get,
    open: async (family, sweepId, scope) => {
      const at = now();
      const item: BaselineLedgerItem = {
        findingId: baselineLedgerId(family),
        recordType: BASELINE_RECORD_TYPE,
        family,
        sweepId,
        accountId: scope.accountId,
        region: scope.region,
        startedAt: at,
        updatedAt: at,
        claimed: 0,
        finished: 0,
        newFindings: 0,
        errors: 0,
        ...Object.fromEntries(Object.values(Severity).map((severity) => [`new_${severity}`, 0])),
      };
      // A closed (or never opened) baseline can be replaced; an open one belongs to the run still going.
      return conditional(() =>
        doc.send(new PutCommand({ TableName, Item: item, ConditionExpression: 'attribute_not_exists(#id) OR attribute_exists(closedAt)', ExpressionAttributeNames: { '#id': FINDINGS_TABLE_SCHEMA.partitionKey } })),
      );
    },
    setExpected: async (family, sweepId, expected) => {
      let updated: BaselineLedgerItem | undefined;
      await conditional(async () => {
        const { Attributes } = await doc.send(
          new UpdateCommand({
            TableName,
            Key: Key(family),
            UpdateExpression: 'SET expected = :expected, updatedAt = :now',
            ConditionExpression: `${ofSweep.ConditionExpression} AND attribute_not_exists(closedAt)`,
            ExpressionAttributeNames: ofSweep.names,
            ExpressionAttributeValues: { ':expected': expected, ':now': now(), ':sweepId': sweepId },
            ReturnValues: 'ALL_NEW',
          }),
        );
        updated = Attributes as BaselineLedgerItem | undefined;
      });
      await closeIfComplete(family, updated);
    },
    claim: (family, sweepId) => conditional(() => add(family, sweepId, { claimed: 1 }, `${ofSweep.ConditionExpression} AND attribute_not_exists(closedAt)`)),
    release: async (family, sweepId) => {
      await conditional(() => add(family, sweepId, { claimed: -1 }));
    },
    finish: async (family, sweepId, results) => {
      const counters: Record<string, number> = { finished: 1 };
      for (const result of results) {
        if (result.transition === Transition.NEW && result.current) {
          counters.newFindings = (counters.newFindings ?? 0) + 1;
          counters[`new_${result.current.severity}`] = (counters[`new_${result.current.severity}`] ?? 0) + 1;
        } else if (result.transition === Transition.EVALUATION_ERROR) counters.errors = (counters.errors ?? 0) + 1;
      }
      let updated: BaselineLedgerItem | undefined;
      await conditional(async () => {
        updated = (await add(family, sweepId, counters)).Attributes as BaselineLedgerItem | undefined;
      });
      await closeIfComplete(family, updated);
    },
    closeIfStalled: async (family, stalledForMs) => {
      const item = await get(family);
      if (!item || item.closedAt !== undefined) return false;
      const at = now();
      if (Date.parse(at) - Date.parse(item.updatedAt) < stalledForMs) return false;
      return conditional(() =>
        doc.send(
          new UpdateCommand({
            TableName,
            Key: Key(family),
            UpdateExpression: 'SET closedAt = :now, incomplete = :yes',
            ConditionExpression: 'updatedAt = :seen AND attribute_not_exists(closedAt)',
            ExpressionAttributeValues: { ':now': at, ':yes': true, ':seen': item.updatedAt },
          }),
        ),
      );
    },
  };
};
