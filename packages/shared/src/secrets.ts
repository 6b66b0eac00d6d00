import { createCipheriv, createDecipheriv, createHash, randomBytes } from "node:crypto";
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { homedir } from "node:os";
import path from "node:path";

/**
 * Secrets at rest (env var values, webhook secrets): AES-256-GCM with a key that lives outside the
 * database — PIER_SECRETS_KEY (base64 or hex, 32 bytes), else the key file PIER_SECRETS_KEY_FILE
 * (default ~/.pier/secrets.key, created with a random key on first use, mode 0600). Several keys,
 * comma- or line-separated, are a rotation in progress: the first seals, all of them open; `npm run
 * secrets:rotate` then seals every stored secret with the first.
 *
 * Sealed values read `enc:v1:<key id>:<iv>:<tag>:<ciphertext>` (base64url); a value without that prefix
 * was stored before encryption and is read as it is (the rotation seals it).
 */
const PREFIX = "enc:v1:";

interface Key {
  id: string;
  bytes: Buffer;
}

export class SecretBox {
  private readonly keys: Key[];

  constructor(keys: Buffer[]) {
    if (keys.length === 0) throw new Error("no secrets key");
    for (const key of keys)
      if (key.length !== 32) throw new Error(`a secrets key must be 32 bytes (got ${key.length})`);
    this.keys = keys.map((bytes) => ({ bytes, id: createHash("sha256").update(bytes).digest("hex").slice(0, 8) }));
  }

  seal(plain: string): string {
    const key = this.keys[0]!;
    const iv = randomBytes(12);
    const cipher = createCipheriv("aes-256-gcm", key.bytes, iv);
    const sealed = Buffer.concat([cipher.update(plain, "utf8"), cipher.final()]);
    const parts = [
      key.id,
      iv.toString("base64url"),
      cipher.getAuthTag().toString("base64url"),
      sealed.toString("base64url"),
    ];
    return `${PREFIX}${parts.join(":")}`;
  }

  open(stored: string): string {
    if (!stored.startsWith(PREFIX)) return stored;
    const [id, iv, tag, data] = stored.slice(PREFIX.length).split(":");
    const key = this.keys.find((k) => k.id === id);
    if (!key || iv === undefined || tag === undefined || data === undefined) {
      throw new Error(
        `a stored secret is sealed with key ${id}, which is not among PIER_SECRETS_KEY / the key file: ` +
          "add it back (after the new key) to read it",
      );
    }
    const decipher = createDecipheriv("aes-256-gcm", key.bytes, Buffer.from(iv, "base64url"));
    decipher.setAuthTag(Buffer.from(tag, "base64url"));
    return Buffer.concat([decipher.update(Buffer.from(data, "base64url")), decipher.final()]).toString("utf8");
  }

  /** Sealed with the current (first) key: nothing for a rotation to do. */
  isCurrent(stored: string): boolean {
    return stored.startsWith(`${PREFIX}${this.keys[0]!.id}:`);
  }
}

function parseKey(text: string): Buffer {
  const t = text.trim();
  const bytes = /^[0-9a-fA-F]{64}$/.test(t) ? Buffer.from(t, "hex") : Buffer.from(t, "base64");
  if (bytes.length !== 32)
    throw new Error("a secrets key must be 32 bytes, as 64 hex digits or base64 (openssl rand -base64 32)");
  return bytes;
}

export interface SecretsSettings {
  PIER_SECRETS_KEY?: string;
  PIER_SECRETS_KEY_FILE?: string;
}

export const defaultSecretsKeyFile = () => path.join(homedir(), ".pier", "secrets.key");

const boxes = new Map<string, SecretBox>();

/** The SecretBox of this configuration (keys read once per process). */
export function secretBox(settings: SecretsSettings): SecretBox {
  const file = settings.PIER_SECRETS_KEY_FILE || defaultSecretsKeyFile();
  const cacheKey = settings.PIER_SECRETS_KEY ? `env:${settings.PIER_SECRETS_KEY}` : `file:${file}`;
  const cached = boxes.get(cacheKey);
  if (cached) return cached;
  let text = settings.PIER_SECRETS_KEY;
  if (!text) {
    if (!existsSync(file)) {
      mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
      // wx: two processes starting at once must not each write a different key.
      try {
        writeFileSync(file, `${randomBytes(32).toString("base64")}\n`, { mode: 0o600, flag: "wx" });
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      }
      chmodSync(file, 0o600);
    }
    text = readFileSync(file, "utf8");
  }
  const box = new SecretBox(
    text
      .split(/[,\n]/)
      .filter((k) => k.trim())
      .map(parseKey),
  );
  boxes.set(cacheKey, box);
  return box;
}

/** Env var rows with their values opened (what a container, a log redactor or a person may see). */
export function openEnvVars<T extends { value: string }>(settings: SecretsSettings, envVars: T[]): T[] {
  const box = secretBox(settings);
  return envVars.map((v) => ({ ...v, value: box.open(v.value) }));
}
