export {
  coversHost,
  describeCertificate,
  OperatorCertificateError,
  readOperatorCertificates,
  type ServedCertificate,
} from "./operator-certificates.ts";
