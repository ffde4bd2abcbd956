import { detectionEventPatterns, detectionTriggers } from '../events/triggers/detections';
import { iamTriggers } from '../events/triggers/iam';
import { IAM_COLLECTOR_EXTRA_READS, createIamCollectors } from '../resources/iam/live';
import { IAM_CONFIG_NORMALISERS } from '../resources/iam/config';
import { IAM_KINDS } from '../resources/iam/kinds';
import { iamDetections } from '../rules/detections';
import { expandKinds, iamRules } from '../rules/iam';
import type { FamilyDefinition } from './types';

/**
 * The IAM family: users, roles, groups, managed policies, server certificates, account-level IAM settings and IAM Access
 * Analyzer (regional), plus the CIS §4 event detections.
 *
 * `rules` holds one entry per (rule, kind): a few catalogue rules apply to several kinds (inline-policy rules on users,
 * roles and groups) and the engine matches on `rule.kind`. `iamRules` (shared/rules/iam) lists each rule once.
 */
export const iamFamily: FamilyDefinition = {
  name: 'iam',
  kinds: IAM_KINDS,
  // Detection rows (kind 'event') only route events to the detections; the parser never re-reads posture for them.
  // Sign-ins, root activity and failed calls need the extra patterns of `detectionEventPatterns` (same module).
  triggers: [...iamTriggers, ...detectionTriggers],
  eventPatterns: detectionEventPatterns,
  rules: expandKinds(iamRules),
  detections: iamDetections,
  collectors: createIamCollectors(),
  configNormalisers: IAM_CONFIG_NORMALISERS,
  extraReadActions: IAM_COLLECTOR_EXTRA_READS,
};
