export type * from './types';
export { TRACKED_AWS_POLICIES } from './types';
export { IAM_KIND, IAM_KINDS, PRINCIPAL_KINDS, iamKind, iamRef, isAwsManagedPolicyArn, nameFromArn, partitionOfArn, accountOfArn, type IamKind } from './kinds';
export { canonicalPolicyText, isoDate, tagsToRecord } from './policy-text';
export { parseCredentialReport, reportDate, reportFlag, rootRow, ROOT_REPORT_USER } from './credential-report';
export { createIamCollectors, IAM_COLLECTOR_EXTRA_READS, type IamCollectorOptions } from './live';
export { IAM_CONFIG_NORMALISERS } from './config';
export { fromAuthorizationDetails, type AuthorizationDetailsOptions } from './authorization-details';
