import type { ServedCertificate } from "@pier/certificates";
import path from "node:path";
import type { HaproxyPaths } from "./config.ts";
import { HaproxyError } from "./process.ts";

/** A certificate's file name in HAProxy (it knows certificates by file name, even those only in memory). */
export const certificateFile = (paths: HaproxyPaths, certificate: Pick<ServedCertificate, "id">) =>
  path.join(paths.certDir, `${certificate.id}.pem`);

type Send = (line: string) => Promise<string>;

/**
 * The certificates HAProxy serves on the TLS port, kept equal to a wanted set through its runtime API: a new one
 * is created, filled and committed, then added to the crt-list; a renewed one (another serial) is replaced in one
 * transaction, which connections being set up pick up at once and established ones never notice; a gone one
 * leaves the crt-list, then memory. Nothing is reloaded.
 */
export class CertificateStore {
  /** file → serial, as HAProxy holds them. */
  private readonly served = new Map<string, string>();

  constructor(
    private readonly paths: HaproxyPaths,
    private readonly send: Send,
  ) {}

  /** The certificates HAProxy started with (in its crt-list file). */
  loaded(certificates: ServedCertificate[]): void {
    for (const c of certificates) this.served.set(certificateFile(this.paths, c), c.serial);
  }

  async apply(certificates: ServedCertificate[]): Promise<void> {
    const wanted = new Map(certificates.map((c) => [certificateFile(this.paths, c), c]));
    for (const [file, certificate] of wanted) {
      const serial = this.served.get(file);
      if (serial === certificate.serial) continue;
      if (serial === undefined) await this.expect(`new ssl cert ${file}`, /New empty certificate store/);
      // Unknown until committed: a failure midway leaves it to be sent again next time.
      this.served.set(file, "");
      await this.expect(`set ssl cert ${file} <<\n${certificate.pem.trim()}\n`, /Transaction (created|updated)/);
      await this.expect(`commit ssl cert ${file}`, /Success!/);
      if (serial === undefined) await this.expect(`add ssl crt-list ${this.paths.certList} ${file}`, /Success!/);
      this.served.set(file, certificate.serial);
    }
    for (const file of [...this.served.keys()]) {
      if (wanted.has(file)) continue;
      await this.expect(`del ssl crt-list ${this.paths.certList} ${file}`, /deleted|Success/i);
      await this.expect(`del ssl cert ${file}`, /deleted|Success/i);
      this.served.delete(file);
    }
  }

  private async expect(line: string, success: RegExp): Promise<void> {
    const answer = await this.send(line);
    if (!success.test(answer)) {
      const command = line.split("\n")[0]!.replace(/ <<$/, "");
      throw new HaproxyError(`runtime API: ${command}: ${answer.trim()}`);
    }
  }
}
