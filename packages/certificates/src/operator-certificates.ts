import { X509Certificate } from "node:crypto";
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";

/** A certificate the router can serve: its PEM chain and key in one file (HAProxy's format) and what it covers. */
export interface ServedCertificate {
  /** A stable file name for it (HAProxy knows a certificate by its file name): `acme-<name>` or `operator-<file>`. */
  id: string;
  /** Chain then private key, as HAProxy reads them. */
  pem: string;
  /** The leaf certificate's serial (hex): a renewal changes it. */
  serial: string;
  notAfter: Date;
  /** DNS names in its subjectAltName (wildcards as written, `*.example.com`). */
  names: string[];
  source: "acme" | "operator";
}

export class OperatorCertificateError extends Error {
  override name = "OperatorCertificateError";
}

const PEM_CERT = /-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g;
const PEM_KEY = /-----BEGIN (?:RSA |EC )?PRIVATE KEY-----[\s\S]+?-----END (?:RSA |EC )?PRIVATE KEY-----/;

/** The leaf certificate of a PEM chain (the first one) and its facts. */
export function describeCertificate(chainPem: string): { serial: string; notAfter: Date; names: string[] } {
  const first = chainPem.match(PEM_CERT)?.[0];
  if (!first) throw new OperatorCertificateError("no certificate in the PEM");
  const leaf = new X509Certificate(first);
  const names = (leaf.subjectAltName ?? "")
    .split(",")
    .map((entry) => entry.trim())
    .filter((entry) => entry.startsWith("DNS:"))
    .map((entry) => entry.slice(4).toLowerCase());
  return { serial: leaf.serialNumber.toLowerCase(), notAfter: new Date(leaf.validTo), names };
}

/** Whether a certificate naming `names` is valid for `host` (RFC 6125: a wildcard covers exactly one label). */
export function coversHost(names: readonly string[], host: string): boolean {
  const wanted = host.toLowerCase();
  return names.some((name) => {
    if (name === wanted) return true;
    if (!name.startsWith("*.")) return false;
    const dot = wanted.indexOf(".");
    return dot > 0 && wanted.slice(dot + 1) === name.slice(2);
  });
}

/** The certificate among these that serves `host` now (unexpired, naming it or a wildcard over it), if any. */
export function coveringCertificate(
  certificates: readonly ServedCertificate[],
  host: string,
  now = new Date(),
): ServedCertificate | undefined {
  return certificates.find((c) => c.notAfter > now && coversHost(c.names, host));
}

/**
 * Whether `name` needs an ACME certificate of its own: not a wildcard (HTTP-01 can't issue one), and no operator
 * certificate serves it.
 */
export const needsAcmeCertificate = (name: string, operator: readonly ServedCertificate[]) =>
  !name.startsWith("*.") && coveringCertificate(operator, name) === undefined;

/** Why a wildcard can't be added: HTTP-01 issues no wildcard certificate, so only an operator's can serve it. */
export const wildcardRefusal = (name: string) =>
  `${name} is a wildcard, and no operator certificate (PIER_TLS_CERT_DIR) covers it: ` +
  "Pier's own certificates (ACME HTTP-01) can't be wildcards, so add each name instead";

/**
 * The operator's certificates in PIER_TLS_CERT_DIR: `<name>.pem` holding chain and key, or `<name>.crt` with
 * `<name>.key` beside it. An expired one is still listed (the router serves it: better than none, and the
 * dashboard says so). A file that is not a certificate with its key is an error naming the file; with `onProblem`,
 * it (or a directory that can't be read) is reported there and the others are still read: one bad file must not
 * stop the router serving, a domain being added or a release.
 */
export async function readOperatorCertificates(
  dir: string | undefined,
  onProblem?: (error: Error) => void,
): Promise<ServedCertificate[]> {
  if (!dir) return [];
  let files: string[];
  try {
    files = (await readdir(dir)).sort();
  } catch (error) {
    if (!onProblem) throw error;
    onProblem(error as Error);
    return [];
  }
  const certificates: ServedCertificate[] = [];
  for (const file of files) {
    const ext = path.extname(file);
    if (ext !== ".pem" && ext !== ".crt") continue;
    const base = file.slice(0, -ext.length);
    // A pair's key is read with its certificate; a .pem beside a .crt of the same name is the same certificate.
    if (ext === ".pem" && files.includes(`${base}.crt`)) continue;
    try {
      const text = await readFile(path.join(dir, file), "utf8");
      const key = ext === ".pem" ? text : await readKey(dir, base, file);
      certificates.push(operatorCertificate(file, text, key));
    } catch (error) {
      if (!onProblem) throw error;
      onProblem(error as Error);
    }
  }
  return certificates;
}

async function readKey(dir: string, base: string, file: string): Promise<string> {
  try {
    return await readFile(path.join(dir, `${base}.key`), "utf8");
  } catch {
    throw new OperatorCertificateError(`${path.join(dir, file)}: no private key (${base}.key) beside it`);
  }
}

function operatorCertificate(file: string, certText: string, keyText: string): ServedCertificate {
  const chain = certText.match(PEM_CERT);
  const key = keyText.match(PEM_KEY)?.[0];
  if (!chain) throw new OperatorCertificateError(`${file}: no PEM certificate in it`);
  if (!key) throw new OperatorCertificateError(`${file}: no PEM private key in it (or beside it as .key)`);
  const facts = describeCertificate(chain.join("\n"));
  const id = `operator-${file.replace(/[^A-Za-z0-9._-]/g, "_")}`;
  return { id, pem: `${chain.join("\n")}\n${key}\n`, source: "operator", ...facts };
}
