import type { Check, Evidence } from '../../../core';
import type { IamAccountSnapshot, PasswordPolicy } from '../../../resources/iam/types';
import { fail, pass } from '../../define-rule';

export const PASSWORD_POLICY_READS = ['iam:GetAccountPasswordPolicy'] as const;
export const PASSWORD_POLICY_CLI =
  'aws iam update-account-password-policy --minimum-password-length 14 --require-symbols --require-numbers --require-uppercase-characters --require-lowercase-characters --allow-users-to-change-password --max-password-age 90 --password-reuse-prevention 24';

/** A shortfall of the password policy, as evidence. */
export const shortfall = (field: keyof PasswordPolicy, message: string, value: unknown): Evidence => ({ message, field: `passwordPolicy.${field}`, value });

/** Evaluates `checks` against the account password policy; no policy at all fails (IAM then applies its weak defaults). */
export const judgePasswordPolicy = (account: IamAccountSnapshot, goal: string, checks: (policy: PasswordPolicy) => Evidence[]): Check => {
  if (!account.passwordPolicy) {
    return fail(`account ${account.accountId} has no password policy (${goal})`, [
      { message: 'no account password policy is set: IAM applies its defaults', field: 'passwordPolicy', value: null },
    ]);
  }
  const shortfalls = checks(account.passwordPolicy);
  return shortfalls.length > 0
    ? fail(`account password policy does not meet: ${goal}`, shortfalls)
    : pass(`account password policy meets: ${goal}`);
};
