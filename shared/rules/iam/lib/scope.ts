import type { Check } from '../../../core';
import type { IamManagedPolicySnapshot, IamPrincipalSnapshot } from '../../../resources/iam/types';
import { notApplicable, unobserved } from '../../define-rule';

/** A document a policy rule checks: a customer-managed policy's default version, or one inline policy of a principal. */
export interface CheckedDocument {
  readonly label: string;
  readonly field: string;
  readonly policy: string;
  readonly document: string;
}

/**
 * Scope of the customer-managed policy rules (Security Hub IAM.1 / IAM.21 / KMS.1, Prowler's customer-policy checks):
 * AWS-managed policies are out; policies used only as permissions boundaries are out when `excludeBoundaryOnly`.
 */
export const customerPolicyScope = (policy: IamManagedPolicySnapshot, options: { excludeBoundaryOnly?: boolean } = {}): Check | CheckedDocument => {
  if (policy.awsManaged) return notApplicable(`${policy.name} is AWS-managed: only customer-managed policies are in scope`);
  if (options.excludeBoundaryOnly && policy.permissionsBoundaryUsageCount > 0 && policy.attachmentCount === 0) {
    return notApplicable(`${policy.name} is used only as a permissions boundary`);
  }
  if (policy.document === null) return unobserved(`${policy.name}: the default version's document is not in this snapshot`);
  return { label: `policy ${policy.name}`, field: 'document', policy: policy.arn, document: policy.document };
};

export const isCheck = (value: Check | CheckedDocument): value is Check => 'status' in value;

/** The documents a "policy or inline policy" rule checks (Prowler pairs `iam_policy_*` with `iam_inline_policy_*`). */
export const documentsToCheck = (snapshot: IamManagedPolicySnapshot | IamPrincipalSnapshot): Check | CheckedDocument[] => {
  if (snapshot.type === 'policy') {
    const scoped = customerPolicyScope(snapshot);
    return isCheck(scoped) ? scoped : [scoped];
  }
  const inline = snapshot.inlinePolicies.filter((p) => p.document !== null);
  if (inline.length === 0) return notApplicable(`${snapshot.type} ${snapshot.name} has no inline policy`);
  return inline.map((p) => ({ label: `inline policy ${p.name}`, field: `inlinePolicies[${p.name}].document`, policy: p.name, document: p.document! }));
};
