import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { selfSignedCertificate } from "./certificates.ts";

/**
 * A PIER_TLS_CERT_DIR holding one self-signed certificate for `names` as a pair (`operator.crt` and `operator.key`),
 * valid for 30 days.
 */
export async function operatorCertificateDir(names: string[]): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), "pier-operator-certs-"));
  const certificate = await selfSignedCertificate(names, 30);
  await writeFile(path.join(dir, "operator.crt"), certificate.certPem);
  await writeFile(path.join(dir, "operator.key"), certificate.keyPem, { mode: 0o600 });
  return dir;
}
