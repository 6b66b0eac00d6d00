import { describe, expect, it } from "vitest";
import { AcmeProblem, parseRetryAfter, RATE_LIMITED } from "../src/acme-problem.ts";
import {
  EXPIRY_WARNING_MS,
  expiryAlertDue,
  nextAttemptAt,
  RATE_LIMIT_DEFAULT_WAIT_MS,
  renewAtOf,
} from "../src/certificate-schedule.ts";

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const now = new Date("2026-12-07T12:00:00Z");
const after = (ms: number) => new Date(now.getTime() + ms);
const notLimited = { rateLimited: false };

describe("when a failed certificate is tried again", () => {
  it("backs off 1 min, 5 min, 30 min, 2 h, 6 h, 12 h, then every 24 h", () => {
    const waits = [1, 2, 3, 4, 5, 6, 7, 8, 30].map((failures) => nextAttemptAt(failures, notLimited, now));
    expect(waits).toEqual([MINUTE, 5 * MINUTE, 30 * MINUTE, 2 * HOUR, 6 * HOUR, 12 * HOUR, DAY, DAY, DAY].map(after));
  });

  it("a rate limit waits its Retry-After, never less than the back-off", () => {
    expect(nextAttemptAt(1, { rateLimited: true, retryAfterMs: 3 * HOUR }, now)).toEqual(after(3 * HOUR));
    expect(nextAttemptAt(1, { rateLimited: true, retryAfterMs: 10_000 }, now)).toEqual(after(MINUTE));
    expect(nextAttemptAt(7, { rateLimited: true, retryAfterMs: 2 * HOUR }, now)).toEqual(after(DAY));
  });

  it("a rate limit without Retry-After waits an hour", () => {
    expect(RATE_LIMIT_DEFAULT_WAIT_MS).toBe(HOUR);
    expect(nextAttemptAt(1, { rateLimited: true }, now)).toEqual(after(HOUR));
  });

  it("the CA's answer says whether it is a rate limit: the problem type, or an HTTP 429", () => {
    const typed = new AcmeProblem({ type: RATE_LIMITED, detail: "too many certificates", status: 400 });
    const bare = new AcmeProblem({ detail: "the CA answered HTTP 429", status: 429 });
    const refused = new AcmeProblem({ type: "urn:ietf:params:acme:error:unauthorized", detail: "404", status: 200 });
    expect([typed.rateLimited, bare.rateLimited, refused.rateLimited]).toEqual([true, true, false]);
    expect(typed.message).toBe(`too many certificates (${RATE_LIMITED})`);
    expect(bare.message).toBe("the CA answered HTTP 429 (HTTP 429)");
  });

  it("Retry-After is seconds or an HTTP date", () => {
    expect(parseRetryAfter("3600", now.getTime())).toBe(HOUR);
    expect(parseRetryAfter(after(2 * HOUR).toUTCString(), now.getTime())).toBe(2 * HOUR);
    expect(parseRetryAfter(undefined)).toBeUndefined();
    expect(parseRetryAfter("soon")).toBeUndefined();
  });
});

describe("renewal and expiry", () => {
  it("renews two thirds into the lifetime: day 60 of 90", () => {
    expect(renewAtOf(now, after(90 * DAY))).toEqual(after(60 * DAY));
  });

  const inService = { certPem: "chain", notAfter: after(10 * DAY), renewAt: after(-20 * DAY), expiryAlertAt: null };

  it("announces a certificate in service within 14 days of expiry whose renewal is overdue, once", () => {
    expect(EXPIRY_WARNING_MS).toBe(14 * DAY);
    expect(expiryAlertDue(inService, now)).toBe(true);
    expect(expiryAlertDue({ ...inService, notAfter: after(-DAY) }, now)).toBe(true); // expired already
    expect(expiryAlertDue({ ...inService, expiryAlertAt: after(-DAY) }, now)).toBe(false); // told already
  });

  it("says nothing of one further out, one renewed on time (short-lived), or none in service", () => {
    expect(expiryAlertDue({ ...inService, notAfter: after(15 * DAY) }, now)).toBe(false);
    expect(expiryAlertDue({ ...inService, notAfter: after(5 * DAY), renewAt: after(DAY) }, now)).toBe(false);
    expect(expiryAlertDue({ ...inService, certPem: null }, now)).toBe(false);
  });
});
