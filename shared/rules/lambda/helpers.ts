/** Helpers shared by the lambda rules (pure; no SDK). */
import { VigilError, type RuleContext } from '../../core';
import { UnobservedInputError } from '../define-rule';
import { parsePolicy } from '../../policy';
import type { LambdaEnvironmentSnapshot, LambdaFunctionSnapshot } from '../../resources/lambda/types';

export { UnobservedInputError } from '../define-rule';

/** The environment; INSUFFICIENT_DATA (via the engine) when it was not observed, ERROR when Lambda could not decrypt it. */
export const observedEnvironment = (fn: LambdaFunctionSnapshot): LambdaEnvironmentSnapshot => {
  if (!fn.environment) throw new UnobservedInputError(`environment variables of ${fn.name} were not observed`);
  // The read was made and Lambda answered that it could not decrypt them: a failed read (ERROR), not missing data.
  if (fn.environment.error) throw new VigilError(`Lambda could not decrypt the environment variables of ${fn.name} (${fn.environment.error.code}); they could not be checked`);
  return fn.environment;
};

export const isTrue = (v: unknown): boolean => v === true || v === 'true';

export const stringListParam = (ctx: RuleContext, name: string): string[] => {
  const v = ctx.params[name];
  return Array.isArray(v) ? v.filter((s): s is string => typeof s === 'string') : typeof v === 'string' && v.length > 0 ? v.split(',').map((s) => s.trim()) : [];
};

/** Whether a trust policy lets Lambda@Edge (edgelambda.amazonaws.com) assume the role: such functions cannot use a VPC. */
export const isEdgeRole = (fn: LambdaFunctionSnapshot): boolean => {
  const trust = fn.executionRole?.trustPolicy;
  if (!trust) return false;
  try {
    return parsePolicy(trust).statements.some((s) => s.effect === 'Allow' && (s.principal?.service ?? []).some((svc) => svc.toLowerCase() === 'edgelambda.amazonaws.com'));
  } catch {
    return false;
  }
};

export const inVpc = (fn: LambdaFunctionSnapshot): boolean => fn.vpc.subnetIds.length > 0;
