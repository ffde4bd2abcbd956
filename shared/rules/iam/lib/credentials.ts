import type { Check, Evidence, RuleContext } from '../../../core';
import type { IamUserCredentials, IamUserSnapshot } from '../../../resources/iam/types';
import { fail, pass, unobserved } from '../../define-rule';
import { daysSince } from './params';

/** Credentials are live-only data: AWS Config items and authorization-details dumps do not hold them. */
export const withCredentials = (user: IamUserSnapshot, evaluate: (credentials: IamUserCredentials) => Check): Check =>
  user.credentials
    ? evaluate(user.credentials)
    : unobserved(`user ${user.name}: credentials are not recorded in this snapshot (AWS Config / authorization details); the live collector evaluates them`);

/**
 * Credentials unused for `days` days or more (Security Hub IAM.8 / IAM.22): the console password when its last use
 * (else its creation, else the user's) is that old, and each active access key whose last use (else its creation) is.
 */
export const unusedCredentials = (user: IamUserSnapshot, ctx: RuleContext, days: number): Check =>
  withCredentials(user, (credentials) => {
    const stale: Evidence[] = [];
    if (credentials.passwordEnabled) {
      const reference = credentials.passwordLastUsed ?? credentials.passwordCreateDate ?? user.createDate;
      const age = daysSince(ctx, reference);
      if (age !== null && age >= days) {
        stale.push({
          message: `console password ${credentials.passwordLastUsed ? 'last used' : 'never used; set'} ${age} days ago`,
          field: credentials.passwordLastUsed ? 'credentials.passwordLastUsed' : 'credentials.passwordCreateDate',
          value: { lastUsed: credentials.passwordLastUsed, days: age },
        });
      }
    }
    for (const key of credentials.accessKeys.filter((k) => k.status === 'Active')) {
      const age = daysSince(ctx, key.lastUsedDate ?? key.createDate);
      if (age !== null && age >= days) {
        stale.push({
          message: `active access key ${key.accessKeyId} ${key.lastUsedDate ? 'last used' : 'never used; created'} ${age} days ago`,
          field: `credentials.accessKeys[${key.accessKeyId}]`,
          value: { accessKeyId: key.accessKeyId, lastUsed: key.lastUsedDate, days: age },
        });
      }
    }
    return stale.length > 0
      ? fail(`user ${user.name} has credentials unused for ${days} days or more`, stale)
      : pass(`user ${user.name} has no credential unused for ${days} days or more`);
  });
