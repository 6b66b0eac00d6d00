import { ChannelError } from "@pier/notifications";
import { ReleaseError } from "@pier/release";
import { z } from "zod";
import { AppError } from "../errors.ts";

/** What the user typed, by field name, to show again next to the errors. */
export type FormValues = Record<string, string>;
/** One message per field name (`_form` for the form as a whole). */
export type FieldErrors = Record<string, string>;

export const html200 = { 200: z.string().describe("text/html") };
export const formText = z.string().max(4_000).optional().default("");
export const csrfBody = z.object({
  _csrf: z.string().max(200),
  // A destructive action runs only with it (the browser's dialog or the confirmation page sets it).
  confirmed: z.enum(["yes"]).optional(),
});

/** The submitted fields, trimmed, without the CSRF token and the confirmation. */
export function formValues(body: Record<string, string | undefined> & { _csrf?: string }): FormValues {
  const { _csrf, confirmed, ...rest } = body;
  void _csrf;
  void confirmed;
  return Object.fromEntries(Object.entries(rest).map(([k, v]) => [k, (v ?? "").trim()]));
}

/** The first message of each field from a zod error. */
export function fieldErrors(issues: ReadonlyArray<{ path: ReadonlyArray<PropertyKey>; message: string }>): FieldErrors {
  const errors: FieldErrors = {};
  for (const issue of issues) {
    const key = String(issue.path[0] ?? "_form");
    errors[key] ??= issue.message;
  }
  return errors;
}

/** A domain error's message is for the user; anything else stays in the server log. */
export function errorMessage(error: unknown): { known: boolean; text: string } {
  if (error instanceof AppError || error instanceof ReleaseError || error instanceof ChannelError)
    return { known: true, text: error.message };
  return { known: false, text: "Something went wrong on Pier's side; the server log has the details." };
}

/** A service's message without the `field: ` prefix the JSON API keeps. */
export const withoutField = (message: string, field: string) => message.replace(new RegExp(`^${field}: `), "");
