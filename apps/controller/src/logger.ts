import type { Logger } from "@pier/shared";

/** What the controller and its loops log with (pino's shape). */
export type ControllerLogger = Logger;
