import { execFile } from "node:child_process";
import { createPrivateKey } from "node:crypto";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";

const run = promisify(execFile);

/**
 * The SHA256 fingerprint of an SSH private key (what `ssh-keygen -l` shows), or null when the text is not an
 * unencrypted SSH private key. ssh-keygen reads it from a 0600 file in a private directory, removed at once.
 */
export async function sshKeyFingerprint(privateKey: string): Promise<string | null> {
  if (!/^-----BEGIN [A-Z ]*PRIVATE KEY-----/.test(privateKey.trim())) return null;
  const dir = await mkdtemp(path.join(tmpdir(), "pier-key-"));
  try {
    const file = path.join(dir, "key");
    await writeFile(file, `${privateKey.trim()}\n`, { mode: 0o600 });
    // -P "": an encrypted key fails instead of asking for its passphrase.
    const publicKey = await run("ssh-keygen", ["-y", "-P", "", "-f", file], { timeout: 10_000 });
    await writeFile(`${file}.pub`, publicKey.stdout, { mode: 0o600 });
    const listed = await run("ssh-keygen", ["-l", "-E", "sha256", "-f", `${file}.pub`], { timeout: 10_000 });
    return /SHA256:[A-Za-z0-9+/=]+/.exec(listed.stdout)?.[0] ?? null;
  } catch {
    return null;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** Whether the text is a PEM private key (a GitHub App's key is RSA, PKCS#1 or PKCS#8). */
export function isPemPrivateKey(text: string): boolean {
  if (!/^-----BEGIN [A-Z ]*PRIVATE KEY-----/.test(text.trim())) return false;
  try {
    createPrivateKey({ key: text, format: "pem" });
    return true;
  } catch {
    return false;
  }
}
