import type { FamilyDefinition } from './types';

/** The s3 family. PLACEHOLDER: filled in by the s3 family work (kinds, triggers, collectors, rules). */
export const s3Family: FamilyDefinition = {
  name: 's3',
  kinds: [],
  triggers: [],
  rules: [],
  detections: [],
  collectors: {},
  configNormalisers: [],
  extraReadActions: [],
};
