import type { InputGap, Observation, ResourceRef } from '../../core';
import { configItemGaps, isDeletedItem, notInConfig, type ConfigIndex, type ConfigItem, type ItemParts } from '../config-item';
import { WHOLE_SNAPSHOT } from '../gaps';
import type { ConfigNormaliser } from '../types';
import { IAM_KIND, iamRef, isAwsManagedPolicyArn, partitionOfArn, type IamKind } from './kinds';
import { canonicalPolicyText, isoDate, tagsToRecord, byText } from './policy-text';
import type {
  AccessAnalyzerSnapshot,
  AttachedPolicy,
  IamGroupMembership,
  IamGroupSnapshot,
  IamManagedPolicySnapshot,
  IamRoleSnapshot,
  IamUserSnapshot,
  InlinePolicy,
} from './types';

/*
 * AWS Config items of AWS::IAM::Policy / Role / User / Group → the same snapshots as the live collectors.
 * What Config does not record stays explicitly unknown: user credentials and Access Advisor (`null`), group members' MFA
 * (`null`), and the documents of AWS-managed policies (`document: null`; the rules know the few well-known ones by ARN).
 * Customer-managed documents of attached policies come from the snapshot's AWS::IAM::Policy items (ConfigIndex).
 */

type Json = Record<string, unknown>;
const str = (v: unknown): string | null => (typeof v === 'string' && v.length > 0 ? v : null);
const list = (v: unknown): Json[] => (Array.isArray(v) ? (v.filter((x) => x && typeof x === 'object') as Json[]) : []);

const refOf = (kind: IamKind, id: string, item: ConfigItem): ResourceRef =>
  iamRef(kind, id, item.accountId, partitionOfArn(item.arn ?? str(item.configuration.arn) ?? undefined), item.region);

const gone = (ref: ResourceRef, item: ConfigItem): Observation => ({ state: 'gone', ref, observedAt: item.captureTime, source: 'config' });
const FAMILY = 'iam';

/**
 * The observation of an IAM item with its gaps: an item without configuration is unknown as a whole; `parts` names what
 * else comes from the item, `liveOnly` what Config never records (by the SDK command that reads it).
 */
const present = <C>(ref: ResourceRef, config: C, item: ConfigItem, parts: ItemParts = {}, liveOnly: Readonly<Record<string, readonly string[]>> = {}): Observation<C> => {
  const gaps: InputGap[] = [
    ...configItemGaps(item, FAMILY, { configuration: [WHOLE_SNAPSHOT], ...parts }, 'global'),
    ...Object.entries(liveOnly).map(([read, inputs]) => notInConfig(inputs, read, FAMILY, 'global')),
  ];
  return { state: 'present', ref, config, gaps, observedAt: item.captureTime, source: 'config' };
};

/** Access Advisor: never in a Config item. */
const ACCESS_ADVISOR = { GenerateServiceLastAccessedDetails: ['serviceLastAccessed'] } as const;

const itemTags = (item: ConfigItem): Record<string, string> => ({ ...tagsToRecord(item.configuration.tags), ...item.tags });

/** Default-version document of an AWS::IAM::Policy item's configuration. */
const defaultDocument = (configuration: Json): string | null => {
  const versions = list(configuration.policyVersionList);
  const current = versions.find((v) => v.isDefaultVersion === true || v.isDefaultVersion === 'true') ?? versions.find((v) => v.versionId === configuration.defaultVersionId);
  return canonicalPolicyText(current?.document);
};

const inlineFrom = (entries: unknown): InlinePolicy[] =>
  list(entries)
    .map((p) => ({ name: str(p.policyName) ?? '', document: canonicalPolicyText(p.policyDocument) }))
    .sort((a, b) => byText(a.name, b.name));

/** Attached policies, with customer-managed documents looked up in the snapshot. */
const attachedFrom = (entries: unknown, index: ConfigIndex): AttachedPolicy[] =>
  list(entries)
    .filter((p) => str(p.policyArn))
    .map((p) => {
      const arn = str(p.policyArn)!;
      const awsManaged = isAwsManagedPolicyArn(arn);
      const policyItem = awsManaged ? undefined : index.find('AWS::IAM::Policy', arn);
      return {
        name: str(p.policyName) ?? arn.slice(arn.lastIndexOf('/') + 1),
        arn,
        awsManaged,
        document: policyItem && !isDeletedItem(policyItem) ? defaultDocument(policyItem.configuration) : null,
      };
    })
    .sort((a, b) => byText(a.arn, b.arn));

const relatedNames = (item: ConfigItem, type: string): string[] =>
  item.relationships
    .filter((r) => r.resourceType === type)
    .map((r) => r.resourceName ?? r.name ?? '')
    .filter(Boolean)
    .sort();

export const policyFromConfig = (item: ConfigItem): IamManagedPolicySnapshot => {
  const c = item.configuration;
  const arn = str(c.arn) ?? item.arn ?? '';
  return {
    type: 'policy',
    name: str(c.policyName) ?? item.resourceName ?? '',
    arn,
    policyId: str(c.policyId) ?? item.resourceId,
    path: str(c.path) ?? '/',
    awsManaged: isAwsManagedPolicyArn(arn),
    defaultVersionId: str(c.defaultVersionId),
    document: defaultDocument(c),
    attachmentCount: Number(c.attachmentCount ?? 0),
    permissionsBoundaryUsageCount: Number(c.permissionsBoundaryUsageCount ?? 0),
    isAttachable: c.isAttachable !== false,
    attachedTo: {
      users: relatedNames(item, 'AWS::IAM::User'),
      groups: relatedNames(item, 'AWS::IAM::Group'),
      roles: relatedNames(item, 'AWS::IAM::Role'),
    },
    tags: itemTags(item),
  };
};

export const roleFromConfig = (item: ConfigItem, index: ConfigIndex): IamRoleSnapshot => {
  const c = item.configuration;
  const path = str(c.path) ?? '/';
  return {
    type: 'role',
    name: str(c.roleName) ?? item.resourceName ?? '',
    arn: str(c.arn) ?? item.arn ?? '',
    principalId: str(c.roleId) ?? item.resourceId,
    path,
    createDate: isoDate(c.createDate),
    inlinePolicies: inlineFrom(c.rolePolicyList),
    attachedPolicies: attachedFrom(c.attachedManagedPolicies, index),
    tags: itemTags(item),
    permissionsBoundaryArn: str((c.permissionsBoundary as Json | undefined)?.permissionsBoundaryArn),
    trustPolicy: canonicalPolicyText(c.assumeRolePolicyDocument),
    serviceLinked: path.startsWith('/aws-service-role/'),
    lastUsedDate: isoDate((c.roleLastUsed as Json | undefined)?.lastUsedDate),
    serviceLastAccessed: null,
  };
};

const membershipFrom = (name: string, index: ConfigIndex): IamGroupMembership => {
  const groupItem = index.find('AWS::IAM::Group', name);
  if (!groupItem || isDeletedItem(groupItem)) return { name, recorded: false, inlinePolicies: [], attachedPolicies: [] };
  return {
    name,
    recorded: true,
    inlinePolicies: inlineFrom(groupItem.configuration.groupPolicyList),
    attachedPolicies: attachedFrom(groupItem.configuration.attachedManagedPolicies, index),
  };
};

export const userFromConfig = (item: ConfigItem, index: ConfigIndex): IamUserSnapshot => {
  const c = item.configuration;
  const groupNames = Array.isArray(c.groupList) ? (c.groupList as unknown[]).filter((g): g is string => typeof g === 'string') : relatedNames(item, 'AWS::IAM::Group');
  return {
    type: 'user',
    name: str(c.userName) ?? item.resourceName ?? '',
    arn: str(c.arn) ?? item.arn ?? '',
    principalId: str(c.userId) ?? item.resourceId,
    path: str(c.path) ?? '/',
    createDate: isoDate(c.createDate),
    inlinePolicies: inlineFrom(c.userPolicyList),
    attachedPolicies: attachedFrom(c.attachedManagedPolicies, index),
    tags: itemTags(item),
    permissionsBoundaryArn: str((c.permissionsBoundary as Json | undefined)?.permissionsBoundaryArn),
    groups: [...groupNames].sort().map((name) => membershipFrom(name, index)),
    credentials: null,
    serviceLastAccessed: null,
  };
};

export const groupFromConfig = (item: ConfigItem, index: ConfigIndex): IamGroupSnapshot => {
  const c = item.configuration;
  return {
    type: 'group',
    name: str(c.groupName) ?? item.resourceName ?? '',
    arn: str(c.arn) ?? item.arn ?? '',
    principalId: str(c.groupId) ?? item.resourceId,
    path: str(c.path) ?? '/',
    createDate: isoDate(c.createDate),
    inlinePolicies: inlineFrom(c.groupPolicyList),
    attachedPolicies: attachedFrom(c.attachedManagedPolicies, index),
    members: relatedNames(item, 'AWS::IAM::User').map((name) => ({ name, mfaDevices: null })),
  };
};

/** Best effort: the analyzer CI follows the CloudFormation schema (AnalyzerName, Arn, Type, Tags); status is not recorded. */
export const analyzerFromConfig = (item: ConfigItem): AccessAnalyzerSnapshot => {
  const c = item.configuration;
  return {
    type: 'analyzer',
    name: str(c.AnalyzerName) ?? str(c.analyzerName) ?? item.resourceName ?? item.resourceId,
    arn: str(c.Arn) ?? str(c.arn) ?? item.arn ?? '',
    analyzerType: str(c.Type) ?? str(c.type) ?? '',
    status: str(c.status) ?? null,
    tags: { ...tagsToRecord(c.Tags), ...item.tags },
  };
};

const nameOf = (item: ConfigItem, field: string): string => str(item.configuration[field]) ?? item.resourceName ?? item.resourceId;

export const IAM_CONFIG_NORMALISERS: readonly ConfigNormaliser[] = [
  {
    configType: 'AWS::IAM::Policy',
    toObservations: (item) => {
      const arn = item.arn ?? str(item.configuration.arn);
      if (!arn) return [];
      const ref = refOf(IAM_KIND.policy, arn, item);
      return [isDeletedItem(item) ? gone(ref, item) : present(ref, policyFromConfig(item), item, { relationships: ['attachedTo'] })];
    },
  },
  {
    configType: 'AWS::IAM::Role',
    toObservations: (item, index) => {
      const ref = refOf(IAM_KIND.role, nameOf(item, 'roleName'), item);
      return [isDeletedItem(item) ? gone(ref, item) : present(ref, roleFromConfig(item, index), item, {}, ACCESS_ADVISOR)];
    },
  },
  {
    configType: 'AWS::IAM::User',
    toObservations: (item, index) => {
      const ref = refOf(IAM_KIND.user, nameOf(item, 'userName'), item);
      const credentials = { 'GetLoginProfile/ListMFADevices/ListAccessKeys': ['credentials'], ...ACCESS_ADVISOR };
      return [isDeletedItem(item) ? gone(ref, item) : present(ref, userFromConfig(item, index), item, {}, credentials)];
    },
  },
  {
    configType: 'AWS::IAM::Group',
    toObservations: (item, index) => {
      const ref = refOf(IAM_KIND.group, nameOf(item, 'groupName'), item);
      return [isDeletedItem(item) ? gone(ref, item) : present(ref, groupFromConfig(item, index), item, { relationships: ['members'] }, { ListMFADevices: ['members.mfaDevices'] })];
    },
  },
  {
    configType: 'AWS::AccessAnalyzer::Analyzer',
    toObservations: (item) => {
      const ref = refOf(IAM_KIND.analyzer, str(item.configuration.AnalyzerName) ?? item.resourceName ?? item.resourceId, item);
      if (isDeletedItem(item)) return [gone(ref, item)];
      const analyzer = analyzerFromConfig(item);
      return [present(ref, analyzer, item, {}, analyzer.status === null ? { GetAnalyzer: ['status'] } : {})];
    },
  },
];
