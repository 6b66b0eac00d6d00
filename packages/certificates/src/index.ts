export { runCertificatePass, type CertificatePassDeps, type CertificatePassReport } from "./certificate-pass.ts";
export { EXPIRY_WARNING_MS } from "./certificate-schedule.ts";
export type { CertificateDeps, CertificateOwner } from "./deps.ts";
export {
  coversHost,
  describeCertificate,
  OperatorCertificateError,
  readOperatorCertificates,
  type ServedCertificate,
} from "./operator-certificates.ts";
export { certificateDueNow, requestCertificate } from "./request-certificate.ts";
export { certificateCovers, loadServedCertificates, type ServedCertificatesOptions } from "./served-certificates.ts";
