import { IAM_KIND } from '../../resources/iam/kinds';
import type { IamServerCertificateSnapshot } from '../../resources/iam/types';
import { defineRule, fail, notApplicable, pass } from '../define-rule';

export const iamServerCertNotExpired = defineRule<IamServerCertificateSnapshot>({
  id: 'iam-server-cert-not-expired',
  title: 'Expired IAM server certificates are removed',
  severity: 'MEDIUM',
  kind: IAM_KIND.serverCertificate,
  anchors: { securityHub: ['IAM.26'], fsbp: false, cis: ['v3 1.19', 'v5 1.18'], prowler: ['iam_no_expired_server_certificates_stored'] },
  trigger: 'P',
  reads: ['iam:GetServerCertificate'],
  remediation: { text: 'Delete the expired certificate (and move TLS to AWS Certificate Manager).', cli: 'aws iam delete-server-certificate --server-certificate-name <name>' },
  rationale: 'An expired certificate can be deployed to a load balancer by mistake and break or weaken TLS.',
  evaluate: (certificate, ctx) => {
    if (!certificate.expiration) return notApplicable(`server certificate ${certificate.name}: no expiration date`);
    return Date.parse(certificate.expiration) < ctx.now.getTime()
      ? fail(`server certificate ${certificate.name} expired on ${certificate.expiration}`, [{ message: 'the certificate has expired', field: 'expiration', value: certificate.expiration }])
      : pass(`server certificate ${certificate.name} is valid until ${certificate.expiration}`);
  },
});
