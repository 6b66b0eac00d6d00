import { describe, expect, it } from "vitest";
import { loadConfig } from "../src/config.ts";
import { webhookReachWarning } from "../src/webhook-reach.ts";

const warning = (env: Record<string, string>) => webhookReachWarning(loadConfig(env));

describe("webhookReachWarning", () => {
  it.each([
    ["http://127.0.0.1:3000", /127\.0\.0\.1 is a loopback or private address\./],
    ["http://localhost:3000", /localhost is a name only this machine or network resolves/],
    ["https://pier.localhost", /only this machine/],
    ["http://10.1.2.3", /private address/],
    ["http://172.20.0.5:3000", /private address/],
    ["http://192.168.1.10", /private address/],
    ["http://[::1]:3000", /private address/],
    ["http://[fd00::1]", /private address/],
    ["http://[::ffff:10.0.0.1]", /private address/],
    ["http://pier.internal", /only this machine/],
    ["http://pier", /only this machine/],
  ])("%s is unreachable from GitHub", (url, why) => {
    expect(warning({ PIER_PUBLIC_URL: url })).toMatch(why);
  });

  it.each(["https://pier.example.com", "http://203.0.113.7:3000", "https://[2001:db8::1]"])(
    "%s may be reached",
    (url) => {
      expect(warning({ PIER_PUBLIC_URL: url })).toBeNull();
    },
  );

  it("without PIER_PUBLIC_URL, the API's own address, and names the ways out", () => {
    expect(warning({})).toBe(
      "GitHub can't reach this webhook URL: 127.0.0.1 is a loopback or private address (PIER_PUBLIC_URL is not " +
        "set). Set PIER_PUBLIC_URL to a public URL of this API, or to a tunnel's (cloudflared, ngrok) that forwards " +
        "to it, or rely on the head check (apps with git credentials; PIER_HEAD_CHECK=all for every app): it " +
        "deploys pushes every 300 s without webhooks.",
    );
    expect(warning({ PIER_HEAD_CHECK: "off" })).toMatch(/or turn the head check on \(PIER_HEAD_CHECK=all\)/);
  });
});
