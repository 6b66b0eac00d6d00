export { runCertificatePass, type CertificatePassDeps, type CertificatePassReport } from "./certificate-pass.ts";
export { EXPIRY_WARNING_MS } from "./certificate-schedule.ts";
export type { CertificateDeps, CertificateOwner } from "./deps.ts";
export {
  coveringCertificate,
  coversHost,
  describeCertificate,
  needsAcmeCertificate,
  OperatorCertificateError,
  readOperatorCertificates,
  type ServedCertificate,
  wildcardRefusal,
} from "./operator-certificates.ts";
export { requestIssuance } from "./certificate-state.ts";
export { certificateDueNow, requestCertificate } from "./request-certificate.ts";
export { certificateCovers, loadServedCertificates, type ServedCertificatesOptions } from "./served-certificates.ts";
