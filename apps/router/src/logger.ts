/** What the router's parts log through (pino in production, silent in tests). */
export interface RouterLogger {
  info(obj: object, msg: string): void;
  warn(obj: object, msg: string): void;
  error(obj: object, msg: string): void;
}
