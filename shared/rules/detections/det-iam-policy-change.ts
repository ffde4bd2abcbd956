import type { ResourceRef } from '../../core';
import { IAM_POLICY_CHANGE_EVENTS } from '../../events/triggers/detections';
import type { CloudTrailDetail } from '../../events/types';
import { IAM_KIND, iamRef } from '../../resources/iam/kinds';
import type { DetectionRule } from '../types';
import { accountOf, accountRef, cisMonitoring, detected, param, partitionOfEvent, succeeded } from './lib';

const NAMES = new Set<string>(IAM_POLICY_CHANGE_EVENTS);

/** The identity or policy the change is about: the user / role / group named, else the managed policy. */
const targetOf = (detail: CloudTrailDetail): ResourceRef => {
  const account = accountOf(detail);
  const partition = partitionOfEvent(detail);
  const user = param(detail, 'userName');
  if (user) return iamRef(IAM_KIND.user, user, account, partition);
  const role = param(detail, 'roleName');
  if (role) return iamRef(IAM_KIND.role, role, account, partition);
  const group = param(detail, 'groupName');
  if (group) return iamRef(IAM_KIND.group, group, account, partition);
  const created = (detail.responseElements?.policy as { arn?: unknown } | undefined)?.arn;
  const policy = param(detail, 'policyArn') ?? (typeof created === 'string' ? created : undefined);
  return policy ? iamRef(IAM_KIND.policy, policy, account, partition) : accountRef(detail);
};

/** CIS 4.4: the 16 IAM policy calls. The posture rules re-read the changed identity / policy in parallel (iam triggers). */
export const detIamPolicyChange: DetectionRule = {
  id: 'det-iam-policy-change',
  title: 'IAM policy changes are reviewed',
  severity: 'LOW',
  kind: 'event',
  reads: [],
  eventSources: ['iam.amazonaws.com'],
  anchors: cisMonitoring('4.4', 'CloudWatch.4'),
  trigger: 'E',
  remediation: { text: 'Confirm the change was planned (ticket, pipeline); revert it if not.' },
  rationale: 'Permission changes are how access is widened, legitimately or not; each one should be attributable.',
  detect: (detail) => {
    if (!NAMES.has(detail.eventName) || !succeeded(detail)) return undefined;
    const target = targetOf(detail);
    const policy = param(detail, 'policyArn') ?? param(detail, 'policyName');
    return detected(target, `${detail.eventName}${policy ? ` (${policy})` : ''} on ${target.id}`, detail, policy ? [{ message: `policy ${policy}`, field: 'requestParameters', value: policy }] : []);
  },
};
