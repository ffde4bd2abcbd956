import type { Evidence } from '../../core';
import { IAM_KIND } from '../../resources/iam/kinds';
import type { IamRoleSnapshot, IamUserSnapshot } from '../../resources/iam/types';
import { defineRule, fail, notApplicable, pass, unobserved } from '../define-rule';
import { withKinds } from './lib/kinds';
import { daysSince, numberParam } from './lib/params';

/**
 * Access Advisor lists every service a principal's policies allow. Bedrock access unused for 60 days
 * (`bedrockStaleDays`) or SageMaker access unused for 90 (`sagemakerStaleDays`) — or never used — is stale.
 * Principals younger than the threshold are not judged on never-used access.
 */
export const iamStaleBedrockSagemakerAccess = withKinds(
  defineRule<IamUserSnapshot | IamRoleSnapshot>({
    id: 'iam-stale-bedrock-sagemaker-access',
    title: 'Bedrock and SageMaker permissions are actually used',
    severity: 'MEDIUM',
    kind: IAM_KIND.user,
    anchors: { prowler: ['iam_role_access_not_stale_to_bedrock', 'iam_user_access_not_stale_to_bedrock', 'iam_user_access_not_stale_to_sagemaker'] },
    trigger: 'P',
    reads: ['iam:GetUser', 'iam:GetRole', 'iam:GenerateServiceLastAccessedDetails', 'iam:GetServiceLastAccessedDetails'],
    remediation: { text: 'Remove the Bedrock / SageMaker permissions the principal does not use.', url: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/access_policies_last-accessed.html' },
    rationale: 'Unused access to model and ML services is pure risk: data exfiltration through models and runaway spend.',
    evaluate: (principal, ctx) => {
      if (principal.type === 'role' && principal.serviceLinked) return notApplicable(`role ${principal.name} is a service-linked role`);
      if (!principal.serviceLastAccessed) return unobserved(`${principal.type} ${principal.name}: Access Advisor data is not in this snapshot`);
      const thresholds: Record<string, number> = { bedrock: numberParam(ctx, 'bedrockStaleDays', 60), sagemaker: numberParam(ctx, 'sagemakerStaleDays', 90) };
      const granted = principal.serviceLastAccessed.filter((s) => s.namespace in thresholds);
      if (granted.length === 0) return notApplicable(`${principal.type} ${principal.name} has no Bedrock or SageMaker permission`);
      const age = daysSince(ctx, principal.createDate);
      const stale: Evidence[] = [];
      for (const service of granted) {
        const limit = thresholds[service.namespace];
        const idle = daysSince(ctx, service.lastAuthenticated);
        if (service.lastAuthenticated === null ? age === null || age >= limit : idle !== null && idle >= limit) {
          stale.push({
            message: service.lastAuthenticated ? `${service.namespace} last used ${idle} days ago (limit ${limit})` : `${service.namespace} never used`,
            field: `serviceLastAccessed[${service.namespace}]`,
            value: service,
          });
        }
      }
      return stale.length > 0
        ? fail(`${principal.type} ${principal.name} has stale ${stale.map((s) => (s.value as { namespace: string }).namespace).join(' and ')} access`, stale)
        : pass(`${principal.type} ${principal.name} uses its Bedrock / SageMaker access`);
    },
  }),
  [IAM_KIND.user, IAM_KIND.role],
);
