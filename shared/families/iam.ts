import type { FamilyDefinition } from './types';

/** The iam family. PLACEHOLDER: filled in by the iam family work (kinds, triggers, collectors, rules). */
export const iamFamily: FamilyDefinition = {
  name: 'iam',
  kinds: [],
  triggers: [],
  rules: [],
  detections: [],
  collectors: {},
  configNormalisers: [],
  extraReadActions: [],
};
