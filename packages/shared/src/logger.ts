/** What Pier's code logs through: pino's shape (an object of fields first, then the message). */
export interface Logger {
  info(obj: object, msg: string): void;
  warn(obj: object, msg: string): void;
  error(obj: object, msg: string): void;
}
