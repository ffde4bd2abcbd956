import { FindingStatus, type ResourceRef, type Verdict } from '../core';
import type { Finding, FindingFilter, ReconcileResult } from '../findings/types';
import type { ResourceKind } from '../resources/types';

/** The complete listing of one kind: every page read, no error. */
export interface CompleteListing {
  readonly kind: ResourceKind;
  readonly refs: readonly ResourceRef[];
  /** When the listing started: a finding observed later may be of a resource created since, and is left alone. */
  readonly startedAt: string;
  readonly accountId: string;
  /** The sweep's Region (global kinds are listed once, as `global`). */
  readonly region: string;
}

export interface FindingsForResolution {
  list(filter: FindingFilter): Promise<Finding[]>;
  reconcile(verdict: Verdict, ctx: { readonly detectedAt: string; readonly gone?: boolean }): Promise<ReconcileResult>;
}

/** Statuses of a finding that a deleted resource still has to leave (RESOLVED ones have nothing to do). */
const UNRESOLVED = [FindingStatus.OPEN, FindingStatus.SUPPRESSED, FindingStatus.ERROR] as const;

/** The verdict "this resource no longer exists" for a finding, as of the listing that did not see it. */
const goneVerdict = (finding: Finding, listing: CompleteListing): Verdict => ({
  ruleId: finding.ruleId,
  title: finding.title,
  severity: finding.severity,
  status: 'PASS',
  resourceType: finding.resourceType,
  resourceKind: finding.resourceKind,
  resourceId: finding.resourceId,
  resourceArn: finding.resourceArn,
  accountId: finding.accountId,
  region: finding.region,
  message: `${finding.resourceId} no longer exists: a complete listing of ${listing.kind.kind} at ${listing.startedAt} did not include it`,
  evidence: [{ message: 'resource no longer exists' }],
  remediation: finding.remediation,
  ...(finding.rationale === undefined ? {} : { rationale: finding.rationale }),
  observedAt: listing.startedAt,
  source: 'live',
  resourceGone: true,
});

/**
 * Resolves (RESOURCE_DELETED) the unresolved findings of posture rules on resources that complete listings did not
 * include: a deleted resource whose `Delete*` event was missed. Only findings of the listed kind, account and scope
 * (Region, or `global`), observed before the listing started, and of `ruleIds` (posture rules: detections never
 * resolve) are touched; the store's observation-time condition still refuses a newer observation. Returns the writes.
 */
export const resolveDeletedResources = async (
  findings: FindingsForResolution,
  listings: readonly CompleteListing[],
  ruleIds: ReadonlySet<string>,
  detectedAt: string,
): Promise<ReconcileResult[]> => {
  if (listings.length === 0) return [];
  const byKind = new Map(listings.map((l) => [l.kind.kind, { listing: l, arns: new Set(l.refs.map((r) => r.arn)), ids: new Set(l.refs.map((r) => r.id)) }]));
  const written: ReconcileResult[] = [];
  for (const status of UNRESOLVED) {
    for (const finding of await findings.list({ status })) {
      const entry = byKind.get(finding.resourceKind);
      if (!entry || !ruleIds.has(finding.ruleId)) continue;
      const { listing, arns, ids } = entry;
      if (finding.accountId !== listing.accountId) continue;
      if (finding.region !== (listing.kind.global ? 'global' : listing.region)) continue;
      // Matched by ARN or by id: either one listed means the resource exists.
      if (arns.has(finding.resourceArn) || ids.has(finding.resourceId)) continue;
      if (finding.observedAt > listing.startedAt) continue;
      const result = await findings.reconcile(goneVerdict(finding, listing), { detectedAt, gone: true });
      if (result.outcome === 'written') written.push(result);
    }
  }
  return written;
};
