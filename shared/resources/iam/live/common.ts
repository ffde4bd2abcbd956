import { GetPolicyCommand, GetPolicyVersionCommand, IAMClient } from '@aws-sdk/client-iam';
import { CollectError, type InputGap, type Observation, type ResourceRef } from '../../../core';
import { runReads, type ReadSpec } from '../../aws-errors';
import { mergeGaps } from '../../gaps';
import type { ClientFactory } from '../../clients';
import { isAwsManagedPolicyArn, partitionOfArn } from '../kinds';
import { canonicalPolicyText } from '../policy-text';
import type { AttachedPolicy } from '../types';

/** Options of the IAM collectors: injected clock and poll pacing (tests pass a no-op sleep; nothing else waits). */
export interface IamCollectorOptions {
  /** Clock for `observedAt` (taken before the reads). @default () => new Date() */
  readonly now?: () => Date;
  /** Wait between polls of asynchronous IAM reports. @default setTimeout */
  readonly sleep?: (ms: number) => Promise<void>;
  /** Polls of the credential report / service-last-accessed job before giving up (CollectError → the queue retries). @default 10 */
  readonly maxPolls?: number;
  /** @default 1000 */
  readonly pollIntervalMs?: number;
  /** Generate the Access Advisor (service-last-accessed) report for users and roles (periodic rules). @default true */
  readonly serviceLastAccessed?: boolean;
}

export interface ResolvedOptions {
  readonly now: () => Date;
  readonly sleep: (ms: number) => Promise<void>;
  readonly maxPolls: number;
  readonly pollIntervalMs: number;
  readonly serviceLastAccessed: boolean;
}

export const resolveOptions = (options: IamCollectorOptions = {}): ResolvedOptions => ({
  now: options.now ?? (() => new Date()),
  sleep: options.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms))),
  maxPolls: options.maxPolls ?? 10,
  pollIntervalMs: options.pollIntervalMs ?? 1000,
  serviceLastAccessed: options.serviceLastAccessed ?? true,
});

/** IAM error codes: the query protocol sets `Code` (`NoSuchEntity`), SDK exception classes set `name`. */
export const NO_SUCH_ENTITY = ['NoSuchEntity', 'NoSuchEntityException'] as const;

/** IAM is global: its endpoint sits in the partition's home Region. */
const IAM_REGION: Record<string, string> = { aws: 'us-east-1', 'aws-cn': 'cn-north-1', 'aws-us-gov': 'us-gov-west-1' };
export const iamRegionOf = (partition: string): string => IAM_REGION[partition] ?? 'us-east-1';
export const iamClientFor = (clients: ClientFactory, ref: Pick<ResourceRef, 'arn'>): IAMClient =>
  clients.get(IAMClient, iamRegionOf(partitionOfArn(ref.arn)));

/** Drains an SDK v3 paginator into one array. */
export const drain = async <P, T>(pages: AsyncIterable<P>, pick: (page: P) => readonly T[] | undefined): Promise<T[]> => {
  const out: T[] = [];
  for await (const page of pages) out.push(...(pick(page) ?? []));
  return out;
};

/** An IAM read: the SDK command is named like the IAM action (`iam:GetRole` → GetRole) unless given. */
export type IamReadSpec = Omit<ReadSpec, 'command'> & { readonly command?: string };

/** Reads run in dependent stages; failed reads accumulate as gaps, and a `gone` at any stage makes the resource gone. */
export class ReadSession {
  private readonly failed: InputGap[] = [];
  gone = false;

  async run(reads: readonly IamReadSpec[]): Promise<Record<string, unknown>> {
    if (reads.length === 0 || this.gone) return {};
    const result = await runReads(reads.map((r) => ({ ...r, command: r.command ?? r.iamAction.slice(r.iamAction.indexOf(':') + 1) })));
    this.failed.push(...result.failed);
    if (result.gone) this.gone = true;
    return result.values;
  }

  gaps(): InputGap[] {
    return mergeGaps(this.failed);
  }
}

export const goneObservation = (ref: ResourceRef, observedAt: string): Observation => ({ state: 'gone', ref, observedAt, source: 'live' });

export const presentObservation = <C>(ref: ResourceRef, config: C, session: ReadSession, observedAt: string): Observation<C> => ({
  state: 'present',
  ref,
  config,
  gaps: session.gaps(),
  observedAt,
  source: 'live',
});

/**
 * Default-version documents of managed policies (GetPolicy → GetPolicyVersion), AWS-managed included, so that rules
 * judge a principal's effective permissions. A denied or vanished read leaves the document `null`.
 */
export const fetchManagedPolicies = async (
  session: ReadSession,
  client: IAMClient,
  attached: readonly { PolicyName?: string; PolicyArn?: string }[],
  /** Where the documents land in the snapshot (a user's groups' policies too). */
  fills: readonly string[] = ['attachedPolicies.document'],
): Promise<AttachedPolicy[]> => {
  const arns = [...new Set(attached.map((a) => a.PolicyArn).filter((a): a is string => !!a))];
  const policies = await session.run(
    arns.map((arn) => ({
      key: arn,
      fills,
      iamAction: 'iam:GetPolicy',
      absent: NO_SUCH_ENTITY,
      run: async () => (await client.send(new GetPolicyCommand({ PolicyArn: arn }))).Policy,
    })),
  );
  const versions = await session.run(
    arns
      .map((arn) => ({ arn, versionId: (policies[arn] as { DefaultVersionId?: string } | null | undefined)?.DefaultVersionId }))
      .filter((p): p is { arn: string; versionId: string } => !!p.versionId)
      .map(({ arn, versionId }) => ({
        key: arn,
        fills,
        iamAction: 'iam:GetPolicyVersion',
        absent: NO_SUCH_ENTITY,
        run: async () => (await client.send(new GetPolicyVersionCommand({ PolicyArn: arn, VersionId: versionId }))).PolicyVersion?.Document,
      })),
  );
  return attached
    .filter((a) => a.PolicyArn)
    .map((a) => ({
      name: a.PolicyName ?? a.PolicyArn!.slice(a.PolicyArn!.lastIndexOf('/') + 1),
      arn: a.PolicyArn!,
      awsManaged: isAwsManagedPolicyArn(a.PolicyArn!),
      document: canonicalPolicyText(versions[a.PolicyArn!]),
    }));
};

/**
 * Polls an asynchronous IAM report until `ready` says so. Bounded: past `maxPolls` it throws a CollectError, so the
 * queue redelivers the trigger later (the report is usually ready by then).
 */
export const pollUntil = async <T>(
  options: ResolvedOptions,
  what: string,
  attempt: () => Promise<{ done: true; value: T } | { done: false }>,
): Promise<T> => {
  for (let i = 0; i < options.maxPolls; i++) {
    const result = await attempt();
    if (result.done) return result.value;
    if (i < options.maxPolls - 1) await options.sleep(options.pollIntervalMs);
  }
  throw new CollectError(`${what} not ready after ${options.maxPolls} polls`, { operation: what });
};
