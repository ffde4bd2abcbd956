import { IAM_KIND } from '../../resources/iam/kinds';
import type { IamUserSnapshot } from '../../resources/iam/types';
import { defineRule, fail, pass, unobserved } from '../define-rule';
import { withCredentials } from './lib/credentials';

const SESSION_SERVICES = new Set(['iam', 'sts']);

/**
 * Prowler `iam_user_with_temporary_credentials`: a user with an active access key whose Access Advisor data shows
 * services other than IAM and STS being used works with long-lived keys instead of temporary credentials.
 */
export const iamUserNoLongLivedKeyUsage = defineRule<IamUserSnapshot>({
  id: 'iam-user-no-long-lived-key-usage',
  title: 'Users\' long-lived access keys are not used beyond IAM and STS',
  severity: 'HIGH',
  kind: IAM_KIND.user,
  anchors: { prowler: ['iam_user_with_temporary_credentials'] },
  trigger: 'P',
  reads: ['iam:GetUser', 'iam:ListAccessKeys', 'iam:GenerateServiceLastAccessedDetails', 'iam:GetServiceLastAccessedDetails'],
  remediation: { text: 'Move the workload to an IAM role (or to temporary credentials from STS) and deactivate the user\'s access keys.', url: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_temp.html' },
  rationale: 'Long-lived keys used directly against services are the credentials most often leaked in code and logs.',
  evaluate: (user) =>
    withCredentials(user, (credentials) => {
      if (!credentials.accessKeys.some((k) => k.status === 'Active')) return pass(`user ${user.name} has no active access key`);
      if (!user.serviceLastAccessed) return unobserved(`user ${user.name}: Access Advisor data is not in this snapshot`);
      const used = user.serviceLastAccessed.filter((s) => s.lastAuthenticated !== null && !SESSION_SERVICES.has(s.namespace)).map((s) => s.namespace);
      return used.length > 0
        ? fail(`user ${user.name} has active access keys and used ${used.join(', ')}`, [{ message: `services used beyond IAM and STS: ${used.join(', ')}`, field: 'serviceLastAccessed', value: used }])
        : pass(`user ${user.name} used no service beyond IAM and STS`);
    }),
});
