import type { ResourceRef } from '../../core';
import type { ResourceKind } from '../types';

/** Snapshot kinds of the IAM family. */
export const IAM_KIND = {
  policy: 'AWS::IAM::Policy',
  role: 'AWS::IAM::Role',
  user: 'AWS::IAM::User',
  group: 'AWS::IAM::Group',
  serverCertificate: 'AWS::IAM::ServerCertificate',
  /** Account-level IAM settings (password policy, root, credential report, ...), reported as `AWS::::Account`. */
  account: 'AWS::IAM::Account',
  analyzer: 'AWS::AccessAnalyzer::Analyzer',
  /** The analyzers of one Region (IAM.28 is judged per account and Region), reported as `AWS::::Account`. */
  analyzerRegion: 'AWS::AccessAnalyzer::Region',
} as const;
export type IamKind = (typeof IAM_KIND)[keyof typeof IAM_KIND];

/** The kinds whose snapshots are principals (users, roles, groups). */
export const PRINCIPAL_KINDS = [IAM_KIND.user, IAM_KIND.role, IAM_KIND.group] as const;

const iamArn = (resource: string) => (p: { partition: string; accountId: string; id: string }) =>
  p.id.startsWith('arn:') ? p.id : `arn:${p.partition}:iam::${p.accountId}:${resource}/${p.id}`;

/**
 * IAM principals are referenced by NAME (unique per account whatever the path), and their ref ARN is built without the
 * path (`arn:aws:iam::1:role/x` for `role/service-role/x`): events carry only the name, so every source builds the same
 * ref. The snapshot's own `arn` field keeps the real ARN. Managed policies are referenced by their ARN.
 */
export const IAM_KINDS: readonly ResourceKind[] = [
  {
    kind: IAM_KIND.policy,
    reportedType: 'AWS::IAM::Policy',
    family: 'iam',
    global: true,
    configTypes: ['AWS::IAM::Policy'],
    arn: iamArn('policy'),
  },
  { kind: IAM_KIND.role, reportedType: 'AWS::IAM::Role', family: 'iam', global: true, configTypes: ['AWS::IAM::Role'], arn: iamArn('role') },
  { kind: IAM_KIND.user, reportedType: 'AWS::IAM::User', family: 'iam', global: true, configTypes: ['AWS::IAM::User'], arn: iamArn('user') },
  { kind: IAM_KIND.group, reportedType: 'AWS::IAM::Group', family: 'iam', global: true, configTypes: ['AWS::IAM::Group'], arn: iamArn('group') },
  {
    kind: IAM_KIND.serverCertificate,
    reportedType: 'AWS::IAM::ServerCertificate',
    family: 'iam',
    global: true,
    configTypes: [],
    arn: iamArn('server-certificate'),
  },
  {
    kind: IAM_KIND.account,
    reportedType: 'AWS::::Account',
    family: 'iam',
    global: true,
    configTypes: [],
    arn: (p) => `arn:${p.partition}:iam::${p.accountId}:root`,
  },
  {
    kind: IAM_KIND.analyzer,
    reportedType: 'AWS::AccessAnalyzer::Analyzer',
    family: 'iam',
    global: false,
    configTypes: ['AWS::AccessAnalyzer::Analyzer'],
    arn: (p) => (p.id.startsWith('arn:') ? p.id : `arn:${p.partition}:access-analyzer:${p.region}:${p.accountId}:analyzer/${p.id}`),
  },
  {
    kind: IAM_KIND.analyzerRegion,
    reportedType: 'AWS::::Account',
    family: 'iam',
    global: false,
    configTypes: [],
    // All analyzers of the Region: unique per account and Region, as the finding is.
    arn: (p) => `arn:${p.partition}:access-analyzer:${p.region}:${p.accountId}:analyzer/*`,
  },
];

export const iamKind = (kind: string): ResourceKind => {
  const found = IAM_KINDS.find((k) => k.kind === kind);
  if (!found) throw new Error(`unknown IAM kind ${kind}`);
  return found;
};

/** Partition of an ARN (`arn:aws-cn:...` → `aws-cn`), `aws` when it is not an ARN. */
export const partitionOfArn = (arn: string | undefined): string => {
  const parts = (arn ?? '').split(':');
  return parts[0] === 'arn' && parts[1] ? parts[1] : 'aws';
};

/** The ref every source (events, live listing, Config, authorization details) builds for an IAM resource. */
export const iamRef = (kind: IamKind, id: string, accountId: string, partition = 'aws', region = 'global'): ResourceRef => {
  const definition = iamKind(kind);
  const refRegion = definition.global ? 'global' : region;
  return { kind, id, arn: definition.arn({ partition, accountId, region: refRegion, id }), accountId, region: refRegion };
};

/** Name of a principal from its ARN (`arn:aws:iam::1:role/service-role/x` → `x`). */
export const nameFromArn = (arn: string): string => arn.slice(arn.lastIndexOf('/') + 1);

/** Account of an ARN when it is a 12-digit id. */
export const accountOfArn = (arn: string | undefined): string | undefined => {
  const account = (arn ?? '').split(':')[4];
  return account && /^\d{12}$/.test(account) ? account : undefined;
};

export const isAwsManagedPolicyArn = (arn: string): boolean => /^arn:[^:]+:iam::aws:policy\//.test(arn);
