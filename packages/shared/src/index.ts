export * from "./config.ts";
export * from "./names.ts";
export * from "./repo-url.ts";
export * from "./jobs.ts";
export * from "./redact.ts";
export * from "./statuses.ts";
export * from "./pier-json.ts";
