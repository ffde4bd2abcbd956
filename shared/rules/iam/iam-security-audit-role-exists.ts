import { IAM_KIND } from '../../resources/iam/kinds';
import type { IamAccountSnapshot } from '../../resources/iam/types';
import { defineRule, fail, pass } from '../define-rule';

export const iamSecurityAuditRoleExists = defineRule<IamAccountSnapshot>({
  id: 'iam-security-audit-role-exists',
  title: 'A role with the SecurityAudit policy exists',
  severity: 'LOW',
  kind: IAM_KIND.account,
  anchors: { prowler: ['iam_securityaudit_role_created'] },
  trigger: 'E*',
  reads: ['iam:ListEntitiesForPolicy'],
  remediation: {
    text: 'Create a role for security auditors and attach the SecurityAudit managed policy.',
    cli: 'aws iam attach-role-policy --role-name <audit-role> --policy-arn arn:aws:iam::aws:policy/SecurityAudit',
  },
  rationale: 'A read-only audit role lets reviewers and tools inspect the account without write access.',
  evaluate: (account) => {
    const roles = account.policyEntities.SecurityAudit?.roles ?? [];
    return roles.length > 0
      ? pass(`SecurityAudit is attached to role(s) ${roles.join(', ')}`)
      : fail(`no role has SecurityAudit in account ${account.accountId}`, [
          { message: 'SecurityAudit is attached to no role', field: 'policyEntities.SecurityAudit', value: account.policyEntities.SecurityAudit },
        ]);
  },
});
