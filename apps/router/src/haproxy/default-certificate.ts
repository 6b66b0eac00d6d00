import { execFile } from "node:child_process";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";

const run = promisify(execFile);

/**
 * A self-signed certificate for names Pier holds no certificate for (HAProxy needs one to listen): browsers show
 * their warning rather than another site's certificate. Made with openssl at each start; it names nothing real.
 */
export async function writeDefaultCertificate(file: string): Promise<void> {
  const dir = await mkdtemp(path.join(tmpdir(), "pier-default-cert-"));
  try {
    const key = path.join(dir, "key.pem");
    const cert = path.join(dir, "cert.pem");
    await run("openssl", [
      ...["req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes"],
      ...["-keyout", key, "-out", cert, "-days", "3650", "-subj", "/CN=pier-no-certificate"],
    ]);
    await writeFile(file, `${await readFile(cert, "utf8")}${await readFile(key, "utf8")}`, { mode: 0o600 });
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
