export {
  coversHost,
  describeCertificate,
  OperatorCertificateError,
  readOperatorCertificates,
  type ServedCertificate,
} from "./operator-certificates.ts";
export { certificateCovers, loadServedCertificates, type ServedCertificatesOptions } from "./served-certificates.ts";
