import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, GetCommand, PutCommand, QueryCommand, ScanCommand } from '@aws-sdk/lib-dynamodb';
import type { PutCommandInput, QueryCommandInput, ScanCommandInput } from '@aws-sdk/lib-dynamodb';
import { ConfigError, FindingStatus, isSeverity, severityRank } from '../core';
import type { Severity, Verdict } from '../core';
import { isBaselineLedgerItem } from './baseline';
import { FindingNotFoundError, FindingWriteConflictError } from './errors';
import { findingIdOf } from './id';
import { findingFromItem, itemFromFinding } from './item';
import { canonicalTime, isStaleVerdict, nextFinding, suppressFinding, transitionOf, unsuppressFinding, validateSuppression } from './lifecycle';
import { FINDINGS_TABLE_SCHEMA } from './schema';
import type { FindingsIndexName } from './schema';
import type { EvaluationContext, Finding, FindingFilter, FindingsStore, ReconcileResult, SuppressionInput } from './types';

export interface DynamoFindingsStoreOptions {
  /** A DynamoDBClient (wrapped in a document client here) or a DynamoDBDocumentClient. */
  readonly client: DynamoDBClient | DynamoDBDocumentClient;
  readonly tableName: string;
  /** Clock for lastEvaluatedAt, suppression times and expiry. @default - () => new Date() */
  readonly now?: () => Date;
  /**
   * Called after every successful write with its result (transition included). The embedded store uses it in place
   * of the DynamoDB stream, which dynalite lacks. An exception from it propagates after the write.
   * @default - none: the deployed notifier reads the table's stream
   */
  readonly onChange?: (change: ReconcileResult) => void | Promise<void>;
  /** Read-compute-conditional-write attempts before FindingWriteConflictError. @default 8 */
  readonly maxAttempts?: number;
}

type Decision =
  | { readonly kind: 'write'; readonly next: Finding; /** The write also requires the stored observedAt ≤ this. */ readonly observedAt?: string }
  | { readonly kind: 'stale' | 'unchanged' };

const indexNamed = (name: FindingsIndexName) => {
  const index = FINDINGS_TABLE_SCHEMA.indexes.find((candidate) => candidate.indexName === name);
  if (index === undefined) throw new Error(`index ${name} missing from FINDINGS_TABLE_SCHEMA`);
  return index;
};
const BY_STATUS = indexNamed('byStatus');
const BY_RESOURCE = indexNamed('byResource');
const BY_RULE = indexNamed('byRule');
/** Order in which list() walks the status partitions when it filters by severity alone. */
const STATUS_ORDER = [FindingStatus.OPEN, FindingStatus.SUPPRESSED, FindingStatus.ERROR, FindingStatus.RESOLVED] as const;

const isConditionalCheckFailed = (error: unknown): boolean =>
  (error as { name?: unknown } | null)?.name === 'ConditionalCheckFailedException';

/** A findings store on a DynamoDB table with the key schema of FINDINGS_TABLE_SCHEMA (deployed table or dynalite). */
export const createDynamoFindingsStore = (options: DynamoFindingsStoreOptions): FindingsStore => {
  const { tableName } = options;
  const doc =
    options.client instanceof DynamoDBDocumentClient
      ? options.client
      : DynamoDBDocumentClient.from(options.client, { marshallOptions: { removeUndefinedValues: true } });
  const now = options.now ?? (() => new Date());
  const maxAttempts = options.maxAttempts ?? 8;

  const get = async (findingId: string): Promise<Finding | undefined> => {
    const { Item } = await doc.send(new GetCommand({ TableName: tableName, Key: { [FINDINGS_TABLE_SCHEMA.partitionKey]: findingId }, ConsistentRead: true }));
    return Item === undefined ? undefined : findingFromItem(Item);
  };

  /**
   * Read, decide, conditional put; on a lost race read again and decide again. The condition holds the write to the
   * version that was read (two concurrent writers cannot both win) and, for observations, to a stored observedAt no
   * newer than the one written. dynalite ignores ReturnValuesOnConditionCheckFailure, so the loop re-reads instead.
   */
  const writeWithRetry = async (findingId: string, decide: (old: Finding | undefined) => Decision): Promise<ReconcileResult> => {
    for (let attempt = 1; attempt <= maxAttempts; attempt += 1) {
      const old = await get(findingId);
      const decision = decide(old);
      if (decision.kind !== 'write') {
        return { outcome: decision.kind, findingId, ...(old === undefined ? {} : { old, current: old }) };
      }
      try {
        await doc.send(new PutCommand({ TableName: tableName, Item: itemFromFinding(decision.next), ...writeCondition(old, decision.observedAt) }));
      } catch (error) {
        if (isConditionalCheckFailed(error)) continue;
        throw error;
      }
      const transition = transitionOf(old, decision.next);
      const result: ReconcileResult = {
        outcome: 'written',
        findingId,
        ...(old === undefined ? {} : { old }),
        current: decision.next,
        ...(transition === undefined ? {} : { transition }),
      };
      await options.onChange?.(result);
      return result;
    }
    throw new FindingWriteConflictError(findingId, maxAttempts);
  };

  const reconcile = async (verdict: Verdict, ctx: EvaluationContext): Promise<ReconcileResult> => {
    const findingId = findingIdOf(verdict.ruleId, verdict.resourceArn);
    // Not a finding state: nothing to read or write (it never opens, resolves nor alerts).
    if (verdict.status === 'INSUFFICIENT_DATA') return { outcome: 'unchanged', findingId };
    const observedAt = canonicalTime(verdict.observedAt, 'verdict.observedAt');
    return writeWithRetry(findingId, (old) => {
      if (old !== undefined && isStaleVerdict(old, verdict)) return { kind: 'stale' };
      const next = nextFinding(old, verdict, { ...ctx, now: now() });
      return next === undefined ? { kind: 'unchanged' } : { kind: 'write', next, observedAt };
    });
  };

  const suppress = async (findingId: string, input: SuppressionInput): Promise<ReconcileResult> => {
    validateSuppression(input, now()); // reject a bad request before touching the table
    return writeWithRetry(findingId, (old) => {
      if (old === undefined) throw new FindingNotFoundError(findingId);
      return { kind: 'write', next: suppressFinding(old, input, now()) };
    });
  };

  const unsuppress = async (findingId: string, input: { readonly by?: string } = {}): Promise<ReconcileResult> =>
    writeWithRetry(findingId, (old) => {
      if (old === undefined) throw new FindingNotFoundError(findingId);
      const next = unsuppressFinding(old, now(), input.by);
      return next === undefined ? { kind: 'unchanged' } : { kind: 'write', next };
    });

  const list = async (filter: FindingFilter = {}): Promise<Finding[]> => {
    const limit = checkedLimit(filter.limit);
    const plans = planList(tableName, filter);
    const found: Finding[] = [];
    for (const plan of plans) {
      let startKey: Record<string, unknown> | undefined;
      do {
        const remaining = limit - found.length;
        const input = {
          ...plan.input,
          ...(startKey === undefined ? {} : { ExclusiveStartKey: startKey }),
          // Limit counts items read, not items kept, so it only bounds a page when nothing is filtered out.
          ...(plan.input.FilterExpression === undefined && Number.isFinite(remaining) ? { Limit: remaining } : {}),
        };
        const page = plan.kind === 'query' ? await doc.send(new QueryCommand(input as QueryCommandInput)) : await doc.send(new ScanCommand(input as ScanCommandInput));
        for (const item of page.Items ?? []) {
          // The table also holds baseline ledgers (shared/findings/baseline.ts): a Scan meets them, an index never does.
          if (found.length < limit && !isBaselineLedgerItem(item)) found.push(findingFromItem(item));
        }
        startKey = page.LastEvaluatedKey;
      } while (startKey !== undefined && found.length < limit);
      if (found.length >= limit) break;
    }
    return found;
  };

  return { reconcile, get, list, suppress, unsuppress };
};

const writeCondition = (
  old: Finding | undefined,
  observedAt: string | undefined,
): Pick<PutCommandInput, 'ConditionExpression' | 'ExpressionAttributeNames' | 'ExpressionAttributeValues'> => {
  if (old === undefined) {
    return { ConditionExpression: 'attribute_not_exists(#id)', ExpressionAttributeNames: { '#id': FINDINGS_TABLE_SCHEMA.partitionKey } };
  }
  return observedAt === undefined
    ? {
        ConditionExpression: '#version = :version',
        ExpressionAttributeNames: { '#version': 'version' },
        ExpressionAttributeValues: { ':version': old.version },
      }
    : {
        // The item vanished since we read it, or: nobody wrote since our read (version) and the stored observation is not newer.
        ConditionExpression: 'attribute_not_exists(#id) OR (#observedAt <= :observedAt AND #version = :version)',
        ExpressionAttributeNames: { '#id': FINDINGS_TABLE_SCHEMA.partitionKey, '#observedAt': 'observedAt', '#version': 'version' },
        ExpressionAttributeValues: { ':observedAt': observedAt, ':version': old.version },
      };
};

const checkedLimit = (limit: number | undefined): number => {
  if (limit === undefined) return Number.POSITIVE_INFINITY;
  if (!Number.isInteger(limit) || limit < 1) throw new ConfigError(`limit must be a positive integer, got ${String(limit)}`);
  return limit;
};

interface ListPlan {
  readonly kind: 'query' | 'scan';
  readonly input: QueryCommandInput | ScanCommandInput;
}

/** Accumulates a condition with #name/:value placeholders. */
class Expression {
  readonly names: Record<string, string> = {};
  readonly values: Record<string, unknown> = {};
  readonly keyParts: string[] = [];
  readonly filterParts: string[] = [];
  private counter = 0;
  name(attribute: string): string {
    const placeholder = `#${attribute}`;
    this.names[placeholder] = attribute;
    return placeholder;
  }
  value(value: unknown): string {
    const placeholder = `:v${this.counter++}`;
    this.values[placeholder] = value;
    return placeholder;
  }
  inputFor(tableName: string): Omit<QueryCommandInput, 'KeyConditionExpression'> & { KeyConditionExpression?: string } {
    return {
      TableName: tableName,
      ...(this.keyParts.length > 0 ? { KeyConditionExpression: this.keyParts.join(' AND ') } : {}),
      ...(this.filterParts.length > 0 ? { FilterExpression: this.filterParts.join(' AND ') } : {}),
      ...(Object.keys(this.names).length > 0 ? { ExpressionAttributeNames: this.names } : {}),
      ...(Object.keys(this.values).length > 0 ? { ExpressionAttributeValues: this.values } : {}),
    };
  }
}

/**
 * The queries that answer a filter, most selective index first: a resource ARN (byResource), a rule (byRule), a
 * status (byStatus, severity in the sort-key condition), severity alone (byStatus, one query per status). A plain
 * resource id with no other filter is the one filtered Scan (no index is keyed on the id); no filter is a Scan.
 */
const planList = (tableName: string, filter: FindingFilter): ListPlan[] => {
  if (filter.status !== undefined && !Object.values(FindingStatus).includes(filter.status)) {
    throw new ConfigError(`unknown status '${filter.status}' (one of ${Object.values(FindingStatus).join(', ')})`);
  }
  for (const severity of [filter.severity, filter.minSeverity]) {
    if (severity !== undefined && !isSeverity(severity)) throw new ConfigError(`unknown severity '${severity}' (CRITICAL, HIGH, MEDIUM, LOW, INFORMATIONAL)`);
  }
  const severities = allowedSeverities(filter);
  if (severities !== undefined && severities.length === 0) return []; // severity below minSeverity: nothing can match
  const resource = filter.resource === undefined || filter.resource === '' ? undefined : filter.resource;
  const resourceArn = resource?.startsWith('arn:') ? resource : undefined;
  const resourceId = resource !== undefined && resourceArn === undefined ? resource : undefined;

  const filterSeverities = (e: Expression) => {
    if (severities === undefined) return;
    e.filterParts.push(`${e.name('severity')} IN (${severities.map((s) => e.value(s)).join(', ')})`);
  };
  const filterEquals = (e: Expression, attribute: string, value: string | undefined) => {
    if (value !== undefined) e.filterParts.push(`${e.name(attribute)} = ${e.value(value)}`);
  };

  if (resourceArn !== undefined) {
    const e = new Expression();
    e.keyParts.push(`${e.name(BY_RESOURCE.partitionKey)} = ${e.value(resourceArn)}`);
    if (filter.ruleId !== undefined) e.keyParts.push(`${e.name(BY_RESOURCE.sortKey)} = ${e.value(filter.ruleId)}`);
    filterEquals(e, 'status', filter.status);
    filterSeverities(e);
    return [{ kind: 'query', input: { ...e.inputFor(tableName), IndexName: BY_RESOURCE.indexName } as QueryCommandInput }];
  }
  if (filter.ruleId !== undefined) {
    const e = new Expression();
    e.keyParts.push(`${e.name(BY_RULE.partitionKey)} = ${e.value(filter.ruleId)}`);
    filterEquals(e, 'status', filter.status);
    filterEquals(e, 'resourceId', resourceId);
    filterSeverities(e);
    return [{ kind: 'query', input: { ...e.inputFor(tableName), IndexName: BY_RULE.indexName } as QueryCommandInput }];
  }
  const statuses = filter.status !== undefined ? [filter.status] : severities !== undefined ? STATUS_ORDER : undefined;
  if (statuses !== undefined) {
    return statuses.map((status) => {
      const e = new Expression();
      e.keyParts.push(`${e.name(BY_STATUS.partitionKey)} = ${e.value(status)}`);
      const sortKey = severitySortKeyCondition(filter, e);
      if (sortKey !== undefined) e.keyParts.push(sortKey);
      filterEquals(e, 'resourceId', resourceId);
      // Most severe, then most recently seen, first.
      return { kind: 'query', input: { ...e.inputFor(tableName), IndexName: BY_STATUS.indexName, ScanIndexForward: false } as QueryCommandInput };
    });
  }
  const e = new Expression();
  filterEquals(e, 'resourceId', resourceId);
  return [{ kind: 'scan', input: e.inputFor(tableName) as ScanCommandInput }];
};

/** Severities a filter admits, or undefined when it does not filter on severity. */
const allowedSeverities = (filter: FindingFilter): Severity[] | undefined => {
  const min = filter.minSeverity === undefined ? undefined : severityRank(filter.minSeverity);
  if (filter.severity !== undefined) return min === undefined || severityRank(filter.severity) >= min ? [filter.severity] : [];
  if (min === undefined) return undefined;
  return (['CRITICAL', 'HIGH', 'MEDIUM', 'LOW', 'INFORMATIONAL'] as const).filter((s) => severityRank(s) >= min);
};

/** severitySortKey is `${rank}#${time}`: an exact severity is a prefix, a minimum severity a lower bound. */
const severitySortKeyCondition = (filter: FindingFilter, e: Expression): string | undefined => {
  if (filter.severity !== undefined) return `begins_with(${e.name(BY_STATUS.sortKey)}, ${e.value(`${severityRank(filter.severity)}#`)})`;
  if (filter.minSeverity !== undefined) return `${e.name(BY_STATUS.sortKey)} >= ${e.value(`${severityRank(filter.minSeverity)}#`)}`;
  return undefined;
};
