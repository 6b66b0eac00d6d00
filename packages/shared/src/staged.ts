/**
 * What a staged deployment (POST /deploy with promote false) is, as its deploy log and the API say it: it runs at
 * its own URL, production stays as it is, and `pier promote` or a rollout makes it live.
 */
export const STAGED_NOTE = "staged: not production; promote it or roll it out";
