import { apigatewayFamily } from './apigateway';
import { dynamodbFamily } from './dynamodb';
import { iamFamily } from './iam';
import { lambdaFamily } from './lambda';
import { s3Family } from './s3';
import type { FamilyDefinition } from './types';

export type { FamilyDefinition } from './types';
export { s3Family, iamFamily, dynamodbFamily, apigatewayFamily, lambdaFamily };

/** Every family, in evaluation order. Each deployed evaluator imports only its own family module. */
export const ALL_FAMILIES: readonly FamilyDefinition[] = [s3Family, iamFamily, dynamodbFamily, apigatewayFamily, lambdaFamily];

export const familyByName = (name: string): FamilyDefinition | undefined => ALL_FAMILIES.find((f) => f.name === name);
