import type { FamilyDefinition } from './types';

/** The dynamodb family. PLACEHOLDER: filled in by the dynamodb family work (kinds, triggers, collectors, rules). */
export const dynamodbFamily: FamilyDefinition = {
  name: 'dynamodb',
  kinds: [],
  triggers: [],
  rules: [],
  detections: [],
  collectors: {},
  configNormalisers: [],
  extraReadActions: [],
};
