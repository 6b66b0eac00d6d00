import * as acme from "acme-client";
import { AsyncLocalStorage } from "node:async_hooks";
import http from "node:http";
import https from "node:https";
import type { Duplex } from "node:stream";
import { ACCOUNT_DOES_NOT_EXIST, AcmeProblem, parseRetryAfter, type AcmeProblemFields } from "./acme-problem.ts";

// The only file that imports acme-client: Pier's conversation with an ACME CA.

/** A connection to the CA silent this long fails its request (axios itself waits forever). */
const SOCKET_TIMEOUT_MS = 30_000;
/** Polling an order or challenge for its outcome: 0.5 s doubling to 10 s, about a minute and a half in all. */
const POLLING = { backoffAttempts: 12, backoffMin: 500, backoffMax: 10_000 };
/** The longest name a certificate's common name may hold (RFC 5280); longer ones go in subjectAltName only. */
const MAX_COMMON_NAME = 64;

export interface CertificateOrder {
  directoryUrl: string;
  /** The CA certificate(s) to trust for the directory's own HTTPS (PEM); undefined: the system's roots. */
  trustedCaPem?: string;
  account: {
    keyPem: string;
    /** Where the CA keeps the account; null: not registered yet (or not known to have been). */
    url: string | null;
    /** Called with the account's URL once the CA registered (or found) it, before anything is ordered. */
    registered(url: string): Promise<void>;
  };
  /** The account's contact, given to the CA when the account is registered. */
  email?: string;
  /** The one DNS name the certificate is for. */
  name: string;
  /** Where an HTTP-01 challenge's answer is published for the CA to fetch (through the routers), and taken back. */
  challenge: {
    put(token: string, keyAuthorization: string): Promise<void>;
    remove(token: string): Promise<void>;
  };
}

export interface OrderedCertificate {
  /** The leaf certificate, then the CA's intermediates (PEM). */
  chainPem: string;
  /** The certificate's new private key (ECDSA P-256, PEM). */
  keyPem: string;
}

/**
 * Orders a certificate for one name by HTTP-01: registers the account if need be, publishes the challenge answer,
 * lets the CA validate it, takes the answer back, and downloads the chain. A refusal throws an AcmeProblem with the
 * CA's own type and detail (and Retry-After); a CA that could not be reached throws an Error saying so.
 */
export async function orderCertificate(order: CertificateOrder): Promise<OrderedCertificate> {
  const session = new AcmeSession(order.trustedCaPem);
  try {
    return await sessions.run(session, async () => {
      const { account } = order;
      const client = new acme.Client({
        directoryUrl: order.directoryUrl,
        accountKey: account.keyPem,
        accountUrl: account.url ?? undefined,
        ...POLLING,
      });
      if (!account.url) await account.registered(await register(client, session, order.email));
      const privateKey = await acme.crypto.createPrivateEcdsaKey("P-256");
      const commonName = order.name.length <= MAX_COMMON_NAME ? order.name : undefined;
      const [keyPem, csr] = await acme.crypto.createCsr({ commonName, altNames: [order.name] }, privateKey);
      const chainPem = await client.auto({
        csr,
        // The CA's validation is the check that counts; fetching our own answer from here proves little (NAT).
        skipChallengeVerification: true,
        challengePriority: ["http-01"],
        challengeCreateFn: async (_authz, challenge, keyAuthorization) => {
          if (challenge.type !== "http-01")
            throw new Error(`the CA offered no http-01 challenge for ${order.name} (only ${challenge.type})`);
          await order.challenge.put(challenge.token, keyAuthorization);
        },
        challengeRemoveFn: (_authz, challenge) => order.challenge.remove(challenge.token),
      });
      return { chainPem, keyPem: keyPem.toString("utf8") };
    });
  } catch (error) {
    throw session.explain(error, order.directoryUrl);
  } finally {
    session.close();
  }
}

/**
 * The account's URL at the CA: the account this key already has (a registration whose URL was not recorded), else
 * a new one. (acme-client's own registration of a known key sends an empty update, which CAs refuse.)
 */
async function register(client: acme.Client, session: AcmeSession, email: string | undefined): Promise<string> {
  try {
    await client.createAccount({ onlyReturnExisting: true });
  } catch (error) {
    if (!session.forget(ACCOUNT_DOES_NOT_EXIST)) throw error;
    const contact = email ? [`mailto:${email}`] : undefined;
    // Configuring a CA's directory is the operator's agreement to its terms.
    await client.createAccount({ termsOfServiceAgreed: true, contact });
  }
  return client.getAccountUrl();
}

/** A new ACME account key (ECDSA P-256, PEM). */
export async function createAccountKey(): Promise<string> {
  return (await acme.crypto.createPrivateEcdsaKey("P-256")).toString("utf8");
}

/**
 * One order's conversation with the CA. acme-client talks through one axios instance for the whole process; the
 * interceptors below find the order a request belongs to through AsyncLocalStorage: its agents (the CA to trust)
 * and what it should remember (the CA's problem documents, the connection's errors), which acme-client reduces to
 * a bare message (or, for a connection error, to a TypeError of its own).
 */
class AcmeSession {
  readonly httpsAgent: https.Agent;
  readonly httpAgent: http.Agent;
  private problem?: AcmeProblemFields;
  private transportError?: Error;

  constructor(trustedCaPem: string | undefined) {
    const watch = (socket: Duplex) => this.watch(socket);
    this.httpsAgent = new WatchedHttpsAgent(trustedCaPem ? { ca: trustedCaPem } : {}, watch);
    this.httpAgent = new WatchedHttpAgent({}, watch);
  }

  /** Keeps the first problem the CA answered with (the cause; what follows is its consequence). */
  heard(status: number, headers: Record<string, unknown>, data: unknown): void {
    if (this.problem) return;
    const problem = problemIn(status, data);
    if (problem) this.problem = { ...problem, status, retryAfterMs: parseRetryAfter(headers["retry-after"]) };
  }

  /** Forgets the problem heard if it is of `type` (an answer the caller expected); whether it was. */
  forget(type: string): boolean {
    if (this.problem?.type !== type) return false;
    this.problem = undefined;
    return true;
  }

  /** What went wrong, as a person should read it on the certificate. */
  explain(error: unknown, directoryUrl: string): Error {
    if (this.problem) return new AcmeProblem(this.problem);
    if (this.transportError)
      return new Error(`could not reach the ACME CA (${directoryUrl}): ${this.transportError.message}`);
    return error instanceof Error ? error : new Error(String(error));
  }

  close(): void {
    this.httpsAgent.destroy();
    this.httpAgent.destroy();
  }

  private watch(socket: Duplex): void {
    socket.once("error", (error: Error) => {
      this.transportError ??= error;
    });
    if ("setTimeout" in socket && typeof socket.setTimeout === "function")
      socket.setTimeout(SOCKET_TIMEOUT_MS, () =>
        socket.destroy(new Error(`no answer within ${SOCKET_TIMEOUT_MS / 1000} s`)),
      );
  }
}

class WatchedHttpsAgent extends https.Agent {
  constructor(
    options: https.AgentOptions,
    private readonly onSocket: (socket: Duplex) => void,
  ) {
    super(options);
  }

  override createConnection(...args: Parameters<https.Agent["createConnection"]>) {
    const socket = super.createConnection(...args);
    if (socket) this.onSocket(socket);
    return socket;
  }
}

class WatchedHttpAgent extends http.Agent {
  constructor(
    options: http.AgentOptions,
    private readonly onSocket: (socket: Duplex) => void,
  ) {
    super(options);
  }

  override createConnection(...args: Parameters<http.Agent["createConnection"]>) {
    const socket = super.createConnection(...args);
    if (socket) this.onSocket(socket);
    return socket;
  }
}

const sessions = new AsyncLocalStorage<AcmeSession>();

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === "object" && value !== null;

/** The problem in an answer: an error document (4xx/5xx), or an order, authorization or challenge found invalid. */
function problemIn(status: number, data: unknown): { type?: string; detail: string } | undefined {
  if (status >= 400) {
    if (!isObject(data)) return { detail: `the CA answered HTTP ${status}` };
    // acme-client answers a bad nonce itself, with a new one.
    if (data.type === "urn:ietf:params:acme:error:badNonce") return undefined;
    return documentOf(data) ?? { detail: `the CA answered HTTP ${status}: ${JSON.stringify(data).slice(0, 300)}` };
  }
  if (!isObject(data) || data.status !== "invalid") return undefined;
  const challenges = Array.isArray(data.challenges) ? data.challenges.filter(isObject) : [];
  const error = isObject(data.error) ? data.error : challenges.map((c) => c.error).find(isObject);
  return (error && documentOf(error)) ?? { detail: "the CA found the order invalid and said nothing more" };
}

function documentOf(data: Record<string, unknown>): { type?: string; detail: string } | undefined {
  if (typeof data.detail !== "string" && typeof data.type !== "string") return undefined;
  const type = typeof data.type === "string" ? data.type : undefined;
  return { type, detail: typeof data.detail === "string" ? data.detail : "(no detail)" };
}

// Retries inside acme-client would wait out a rate limit's Retry-After (hours at Let's Encrypt) while holding the
// certificate pass: a failed request fails the attempt instead, and the certificate's back-off decides when to
// try again, with that Retry-After.
(acme.axios.defaults as unknown as { acmeSettings: { retryMaxAttempts: number } }).acmeSettings.retryMaxAttempts = 0;
acme.axios.interceptors.request.use((config) => {
  const session = sessions.getStore();
  if (session) {
    config.httpsAgent = session.httpsAgent;
    config.httpAgent = session.httpAgent;
  }
  return config;
});
acme.axios.interceptors.response.use((response) => {
  sessions.getStore()?.heard(response.status, response.headers, response.data);
  return response;
});
