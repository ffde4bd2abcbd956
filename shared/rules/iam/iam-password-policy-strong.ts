import type { Evidence } from '../../core';
import type { IamAccountSnapshot } from '../../resources/iam/types';
import { IAM_KIND } from '../../resources/iam/kinds';
import { defineRule } from '../define-rule';
import { judgePasswordPolicy, PASSWORD_POLICY_CLI, PASSWORD_POLICY_READS, shortfall } from './lib/password';
import { booleanParam, numberParam, optionalNumberParam } from './lib/params';

/**
 * Security Hub IAM.7 with its parameters (ctx.params): requireUppercaseCharacters, requireLowercaseCharacters,
 * requireSymbols, requireNumbers (default true), minimumPasswordLength (default 8, 8–128), and, only when set,
 * passwordReusePrevention (1–24) and maxPasswordAge (1–90 days).
 */
export const iamPasswordPolicyStrong = defineRule<IamAccountSnapshot>({
  id: 'iam-password-policy-strong',
  title: 'Account password policy is strong',
  severity: 'MEDIUM',
  kind: IAM_KIND.account,
  anchors: { securityHub: ['IAM.7'], fsbp: true, prowler: ['iam_password_policy_minimum_length_14', 'iam_password_policy_uppercase', 'iam_password_policy_lowercase', 'iam_password_policy_symbol', 'iam_password_policy_number'] },
  trigger: 'E*',
  reads: PASSWORD_POLICY_READS,
  remediation: { text: 'Set an account password policy requiring all character classes and an adequate minimum length.', cli: PASSWORD_POLICY_CLI },
  rationale: 'Without a strong password policy IAM users may choose short, guessable console passwords.',
  evaluate: (account, ctx) => {
    const minimumLength = Math.min(128, Math.max(8, numberParam(ctx, 'minimumPasswordLength', 8)));
    const reuse = optionalNumberParam(ctx, 'passwordReusePrevention');
    const maxAge = optionalNumberParam(ctx, 'maxPasswordAge');
    return judgePasswordPolicy(account, `strong (length ≥ ${minimumLength}, all character classes${reuse ? `, reuse ≥ ${reuse}` : ''}${maxAge ? `, age ≤ ${maxAge} days` : ''})`, (p) => {
      const out: Evidence[] = [];
      const classes = [
        ['requireUppercaseCharacters', 'uppercase letters'],
        ['requireLowercaseCharacters', 'lowercase letters'],
        ['requireSymbols', 'symbols'],
        ['requireNumbers', 'numbers'],
      ] as const;
      for (const [field, label] of classes) {
        if (booleanParam(ctx, field, true) && !p[field]) out.push(shortfall(field, `${label} are not required`, false));
      }
      if ((p.minimumPasswordLength ?? 0) < minimumLength) {
        out.push(shortfall('minimumPasswordLength', `minimum length ${p.minimumPasswordLength ?? 'unset'} is below ${minimumLength}`, p.minimumPasswordLength));
      }
      if (reuse !== undefined && (p.passwordReusePrevention ?? 0) < reuse) {
        out.push(shortfall('passwordReusePrevention', `reuse prevention ${p.passwordReusePrevention ?? 'off'} is below ${reuse}`, p.passwordReusePrevention));
      }
      if (maxAge !== undefined && !(p.expirePasswords && p.maxPasswordAge !== null && p.maxPasswordAge <= maxAge)) {
        out.push(shortfall('maxPasswordAge', `maximum age ${p.maxPasswordAge ?? 'unset'} exceeds ${maxAge} days`, p.maxPasswordAge));
      }
      return out;
    });
  },
});
