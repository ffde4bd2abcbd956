import type { Anchors, Check, Evidence, ResourceRef } from '../../core';
import { partitionOf } from '../../events/names';
import type { CloudTrailDetail } from '../../events/types';
import { IAM_KIND, iamRef } from '../../resources/iam/kinds';
import { fail } from '../define-rule';

/*
 * Shared pieces of the CIS §4 detections. A detection answers FAIL about the resource an event names (the acting
 * principal, or the changed resource) and carries the actor in its evidence. Findings are keyed by (rule, resource), so a
 * burst of events on one resource keeps ONE finding open (alerting once on the transition) instead of one per event.
 */

export const accountOf = (detail: CloudTrailDetail): string => detail.recipientAccountId ?? detail.userIdentity?.accountId ?? 'unknown';
export const partitionOfEvent = (detail: CloudTrailDetail): string => partitionOf(detail.awsRegion ?? '');
export const param = (detail: CloudTrailDetail, path: string): string | undefined => {
  let current: unknown = detail.requestParameters;
  for (const part of path.split('.')) {
    if (!current || typeof current !== 'object') return undefined;
    current = (current as Record<string, unknown>)[part];
  }
  return typeof current === 'string' && current.length > 0 ? current : undefined;
};

export const accountRef = (detail: CloudTrailDetail, accountId = accountOf(detail)): ResourceRef =>
  iamRef(IAM_KIND.account, accountId, accountId, partitionOfEvent(detail));

const tail = (arn: string | undefined): string | undefined => (arn && arn.includes('/') ? arn.slice(arn.lastIndexOf('/') + 1) : undefined);

/** The principal that made the call: its IAM user, the role behind an assumed-role session, else the account. */
export const principalRef = (detail: CloudTrailDetail): ResourceRef => {
  const identity = detail.userIdentity;
  const partition = partitionOfEvent(detail);
  const owner = identity?.accountId && /^\d{12}$/.test(identity.accountId) ? identity.accountId : accountOf(detail);
  if (identity?.type === 'IAMUser') {
    const name = identity.userName ?? tail(identity.arn);
    if (name && name !== 'HIDDEN_DUE_TO_SECURITY_REASONS') return iamRef(IAM_KIND.user, name, owner, partition);
  }
  if (identity?.type === 'AssumedRole') {
    const issuer = identity.sessionContext?.sessionIssuer;
    const name = issuer?.type === 'Role' || !issuer?.type ? (issuer?.userName ?? tail(issuer?.arn)) : undefined;
    if (name) return iamRef(IAM_KIND.role, name, owner, partition);
  }
  return accountRef(detail, owner);
};

/** The actor, as evidence (never request parameters: they may carry data). */
export const actorEvidence = (detail: CloudTrailDetail): Evidence => {
  const identity = detail.userIdentity;
  const principal = identity?.arn ?? identity?.sessionContext?.sessionIssuer?.arn ?? identity?.userName ?? identity?.type ?? 'unknown principal';
  return {
    message: `${detail.eventSource} ${detail.eventName} by ${principal}${detail.sourceIPAddress ? ` from ${detail.sourceIPAddress}` : ''} at ${detail.eventTime}`,
    field: 'userIdentity',
    value: {
      principalArn: identity?.arn,
      principalType: identity?.type,
      userName: identity?.userName,
      accountId: identity?.accountId,
      invokedBy: identity?.invokedBy,
      sourceIp: detail.sourceIPAddress,
      userAgent: detail.userAgent,
      eventSource: detail.eventSource,
      eventName: detail.eventName,
      eventTime: detail.eventTime,
      eventId: detail.eventID,
      ...(detail.errorCode ? { errorCode: detail.errorCode } : {}),
    },
  };
};

export const detected = (ref: ResourceRef, message: string, detail: CloudTrailDetail, extra: readonly Evidence[] = []): { ref: ResourceRef; check: Check } => ({
  ref,
  check: fail(message, [actorEvidence(detail), ...extra]),
});

/** Failed calls changed nothing: only det-unauthorized-api-calls (and the sign-in detections) look at them. */
export const succeeded = (detail: CloudTrailDetail): boolean => !detail.errorCode;

export const cisMonitoring = (item: string, cloudWatch: string, extra: Partial<Anchors> = {}): Anchors => ({
  securityHub: [cloudWatch],
  fsbp: false,
  cis: [`v3 ${item}`, `v5 ${item}`],
  ...extra,
});
