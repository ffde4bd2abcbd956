import { requirementsOf } from './requirements';
import type { AnchorLookup, ExportableFinding } from './types';

const SEVERITY_ID: Record<string, number> = { INFORMATIONAL: 1, LOW: 2, MEDIUM: 3, HIGH: 4, CRITICAL: 5 };
/** OCSF finding status_id: 1 New, 3 Suppressed, 4 Resolved. */
const STATUS_ID: Record<string, number> = { OPEN: 1, ERROR: 1, SUPPRESSED: 3, RESOLVED: 4 };

const epoch = (iso?: string): number | undefined => (iso ? Date.parse(iso) : undefined);

/** OCSF 1.1 Compliance Finding (class 2003), one per Vigil finding. */
export const toOcsf = (findings: readonly ExportableFinding[], anchorsOf: AnchorLookup): Record<string, unknown>[] =>
  findings.map((f) => ({
    class_uid: 2003,
    class_name: 'Compliance Finding',
    category_uid: 2,
    category_name: 'Findings',
    type_uid: 200301,
    activity_id: 1,
    severity_id: SEVERITY_ID[f.severity] ?? 0,
    severity: f.severity.charAt(0) + f.severity.slice(1).toLowerCase(),
    status_id: STATUS_ID[f.status] ?? 99,
    status: f.status,
    time: epoch(f.lastSeenAt ?? f.detectedAt ?? f.firstSeenAt) ?? 0,
    message: f.message,
    finding_info: {
      uid: f.findingId,
      title: f.title,
      desc: f.message,
      first_seen_time: epoch(f.firstSeenAt),
      last_seen_time: epoch(f.lastSeenAt),
      types: ['Configuration'],
    },
    compliance: {
      control: f.ruleId,
      requirements: requirementsOf(anchorsOf(f.ruleId)),
      status: f.status === 'RESOLVED' ? 'Pass' : f.status === 'ERROR' ? 'Unknown' : 'Fail',
      status_id: f.status === 'RESOLVED' ? 1 : f.status === 'ERROR' ? 0 : 3,
    },
    remediation: { desc: f.remediation.text },
    resources: [{ uid: f.resourceArn, name: f.resourceId, type: f.resourceType, region: f.region === 'global' ? undefined : f.region, cloud_partition: f.resourceArn.split(':')[1] }],
    cloud: { provider: 'AWS', account: { uid: f.accountId, type: 'AWS Account' }, region: f.region === 'global' ? undefined : f.region },
    ...(f.actor?.principalArn ? { actor: { user: { uid: f.actor.principalArn, type: f.actor.principalType } } } : {}),
    metadata: { version: '1.1.0', product: { name: 'Vigil', vendor_name: 'Vigil' } },
  }));
