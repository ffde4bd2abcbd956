import type { FamilyDefinition } from './types';

/** The lambda family. PLACEHOLDER: filled in by the lambda family work (kinds, triggers, collectors, rules). */
export const lambdaFamily: FamilyDefinition = {
  name: 'lambda',
  kinds: [],
  triggers: [],
  rules: [],
  detections: [],
  collectors: {},
  configNormalisers: [],
  extraReadActions: [],
};
