import type { FamilyDefinition } from './types';

/** The apigateway family. PLACEHOLDER: filled in by the apigateway family work (kinds, triggers, collectors, rules). */
export const apigatewayFamily: FamilyDefinition = {
  name: 'apigateway',
  kinds: [],
  triggers: [],
  rules: [],
  detections: [],
  collectors: {},
  configNormalisers: [],
  extraReadActions: [],
};
