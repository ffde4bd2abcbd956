import type { Anchors } from '../core';

/** Framework requirement ids of a rule, generated from its anchors (never kept by hand). */
export const requirementsOf = (anchors: Anchors | undefined): string[] => {
  if (!anchors) return [];
  const out: string[] = [];
  for (const control of anchors.securityHub ?? []) out.push(anchors.fsbp ? `AWS FSBP ${control}` : `Security Hub ${control}`);
  for (const item of anchors.cis ?? []) {
    const [version, ...rest] = item.split(' ');
    const number = rest.join(' ');
    out.push(number ? `CIS AWS Foundations ${version.replace(/^v/, '')} ${number}` : `CIS AWS Foundations ${item}`);
  }
  for (const check of anchors.prowler ?? []) out.push(`Prowler ${check}`);
  return out;
};
