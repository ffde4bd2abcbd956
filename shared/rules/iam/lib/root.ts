import { reportFlag, rootRow } from '../../../resources/iam/credential-report';
import type { IamAccountSnapshot } from '../../../resources/iam/types';

/**
 * Whether the root user provably has no credentials (Organizations centralized root access removed them): the credential
 * report's root row shows no password (`password_enabled` = false — `not_supported` proves nothing) and no active key,
 * and the account summary shows no root access key. Unknown is treated as "has credentials".
 */
export const rootCredentialsAbsent = (account: IamAccountSnapshot): boolean => {
  const root = account.credentialReport ? rootRow(account.credentialReport.rows) : undefined;
  if (!root) return false;
  return (
    reportFlag(root.password_enabled) === false &&
    reportFlag(root.access_key_1_active) !== true &&
    reportFlag(root.access_key_2_active) !== true &&
    account.summary?.accountAccessKeysPresent !== true
  );
};
