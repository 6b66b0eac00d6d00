/** Where an HTTP-01 challenge's key authorization waits for the CA to fetch it (the router answers from here). */
export const acmeChallengeKey = (token: string) => `pier:acme:http01:${token}`;

/** How long a challenge answer is kept: longer than any validation takes, short enough to leave nothing behind. */
export const ACME_CHALLENGE_TTL_SECONDS = 600;

/** The path prefix the router answers challenges on, for every host, before any app sees the request. */
export const ACME_CHALLENGE_PATH = "/.well-known/acme-challenge/";

/** Published (a certificate's name) when a certificate should be issued now: a domain was added or retried. */
export const CERTIFICATES_CHANNEL = "pier:certificates";
