import type { KindCollector } from '../../types';
import { IAM_KIND } from '../kinds';
import { accountCollector } from './account';
import { analyzerCollector, analyzerRegionCollector } from './access-analyzer';
import { resolveOptions, type IamCollectorOptions } from './common';
import { groupCollector } from './group';
import { policyCollector } from './policy';
import { roleCollector } from './role';
import { serverCertificateCollector } from './server-certificate';
import { userCollector } from './user';

export type { IamCollectorOptions } from './common';

/** Live collectors of every IAM kind. */
export const createIamCollectors = (options: IamCollectorOptions = {}): Record<string, KindCollector> => {
  const resolved = resolveOptions(options);
  return {
    [IAM_KIND.policy]: policyCollector(resolved),
    [IAM_KIND.role]: roleCollector(resolved),
    [IAM_KIND.user]: userCollector(resolved),
    [IAM_KIND.group]: groupCollector(resolved),
    [IAM_KIND.account]: accountCollector(resolved),
    [IAM_KIND.serverCertificate]: serverCertificateCollector(resolved),
    [IAM_KIND.analyzer]: analyzerCollector(resolved),
    [IAM_KIND.analyzerRegion]: analyzerRegionCollector(resolved),
  };
};

/** IAM actions the collectors use beyond the rules' declared reads (listing, groups of users, members, Access Advisor polling). */
export const IAM_COLLECTOR_EXTRA_READS = [
  'iam:ListPolicies',
  'iam:ListRoles',
  'iam:ListUsers',
  'iam:ListGroups',
  'iam:ListServerCertificates',
  'iam:ListGroupsForUser',
  'iam:ListGroupPolicies',
  'iam:ListAttachedGroupPolicies',
  'iam:GetGroupPolicy',
  'iam:GetGroup',
  'iam:GenerateCredentialReport',
  'iam:GetServiceLastAccessedDetails',
  'access-analyzer:ListAnalyzers',
] as const;
