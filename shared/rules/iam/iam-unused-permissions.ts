import { IAM_KIND } from '../../resources/iam/kinds';
import type { IamRoleSnapshot, IamUserSnapshot } from '../../resources/iam/types';
import { defineRule, fail, notApplicable, pass, unobserved } from '../define-rule';
import { withKinds } from './lib/kinds';
import { daysSince, numberParam } from './lib/params';

/**
 * Access Advisor (service-last-accessed) for users and roles: services the policies allow but that were not used for
 * `unusedPermissionsDays` days (default 90) or never — the principal's own age counts as "unused since" for the latter.
 * (IAM Access Analyzer unused-access findings are a paid alternative source; not read.)
 */
export const iamUnusedPermissions = withKinds(
  defineRule<IamUserSnapshot | IamRoleSnapshot>({
    id: 'iam-unused-permissions',
    title: 'Principals have no permissions they do not use',
    severity: 'MEDIUM',
    kind: IAM_KIND.user,
    anchors: {},
    trigger: 'P',
    reads: ['iam:GetUser', 'iam:GetRole', 'iam:GenerateServiceLastAccessedDetails', 'iam:GetServiceLastAccessedDetails'],
    remediation: { text: 'Remove the permissions for the services listed, or generate a least-privilege policy from CloudTrail with IAM Access Analyzer.', url: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/access_policies_last-accessed.html' },
    rationale: 'Permissions nobody uses only widen what a stolen credential can do.',
    evaluate: (principal, ctx) => {
      if (principal.type === 'role' && principal.serviceLinked) return notApplicable(`role ${principal.name} is a service-linked role`);
      if (!principal.serviceLastAccessed) return unobserved(`${principal.type} ${principal.name}: Access Advisor data is not in this snapshot`);
      const limit = numberParam(ctx, 'unusedPermissionsDays', 90);
      const age = daysSince(ctx, principal.createDate);
      const unused = principal.serviceLastAccessed.filter((s) => {
        if (s.lastAuthenticated === null) return age === null || age >= limit;
        const idle = daysSince(ctx, s.lastAuthenticated);
        return idle !== null && idle >= limit;
      });
      return unused.length > 0
        ? fail(`${principal.type} ${principal.name} has permissions for ${unused.length} service(s) unused for ${limit} days or more`, [
            { message: `unused services: ${unused.map((s) => s.namespace).join(', ')}`, field: 'serviceLastAccessed', value: unused },
          ])
        : pass(`${principal.type} ${principal.name} used every service it is allowed within ${limit} days`);
    },
  }),
  [IAM_KIND.user, IAM_KIND.role],
);
