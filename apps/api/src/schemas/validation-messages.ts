/**
 * Zod's own texts ("Invalid input: expected number, received string", "Invalid key in record") say what the
 * validator saw, not what to send. This rewrites them for a person, from the issue's code and bounds; a message a
 * schema wrote itself ("must be 301 or 308") is kept as it is.
 */

/** What fastify-type-provider-zod keeps of a zod issue: its code (keyword), its text, and the rest as params. */
export interface ValidationIssue {
  keyword: string;
  instancePath: string;
  message?: string;
  params?: Record<string, unknown>;
}

export interface FieldError {
  field: string;
  message: string;
}

// Zod's English defaults all open with one of these; the schemas' own messages never do.
const ZOD_DEFAULT = /^(Invalid|Too (big|small)|Unrecognized key)/;

const TYPE_NAMES: Record<string, string> = {
  string: "text",
  number: "a number",
  int: "a whole number",
  bigint: "a whole number",
  boolean: "true or false",
  object: "a JSON object",
  record: "a JSON object",
  array: "a list",
  null: "null",
};

const quoted = (value: unknown) => (typeof value === "string" ? `"${value}"` : String(value));

function typeMessage(params: Record<string, unknown>, zodText: string): string {
  if (/received undefined$/.test(zodText)) return "is required";
  const expected = String(params.expected ?? "");
  return `must be ${TYPE_NAMES[expected] ?? expected}`;
}

function boundMessage(code: "too_big" | "too_small", params: Record<string, unknown>): string {
  const bound = code === "too_big" ? params.maximum : params.minimum;
  const inclusive = params.inclusive !== false;
  const most = code === "too_big" ? (inclusive ? "at most" : "less than") : inclusive ? "at least" : "more than";
  if (params.origin === "string") {
    if (code === "too_small" && Number(bound) === 1) return "must not be empty";
    return `must be ${most} ${String(bound)} characters`;
  }
  if (params.origin === "array" || params.origin === "set") {
    if (code === "too_small" && Number(bound) === 1) return "must list at least one item";
    return `must have ${most} ${String(bound)} items`;
  }
  return `must be ${most} ${String(bound)}`;
}

/** The first message a schema wrote among an issue's inner ones (a record key's, a union's branches'). */
function innerMessages(params: Record<string, unknown>): string {
  const branches = Array.isArray(params.errors) ? (params.errors as unknown[][]).flat() : [];
  const inner = Array.isArray(params.issues) ? params.issues : [];
  const issues = [...inner, ...branches] as Array<{ message?: string }>;
  return issues.map((issue) => issue.message ?? "").find((text) => !ZOD_DEFAULT.test(text)) ?? "";
}

function personMessage(issue: ValidationIssue, zodText: string): string {
  const params = issue.params ?? {};
  switch (issue.keyword) {
    case "invalid_type":
      return typeMessage(params, zodText);
    case "too_big":
    case "too_small":
      return boundMessage(issue.keyword, params);
    case "invalid_value": {
      const values = Array.isArray(params.values) ? params.values : [];
      return values.length === 1 ? `must be ${quoted(values[0])}` : `must be one of ${values.map(quoted).join(", ")}`;
    }
    case "invalid_format":
      return params.format === "regex" ? "has the wrong format" : `must be a valid ${String(params.format)}`;
    case "not_multiple_of":
      return `must be a multiple of ${String(params.divisor)}`;
    case "invalid_key": {
      const why = innerMessages(params);
      return why ? `is not a valid key: ${why}` : "is not a valid key";
    }
    case "invalid_union":
      return innerMessages(params) || "doesn't match any of the accepted forms";
    default:
      return "is invalid";
  }
}

/**
 * One validation issue as the fields it names: an unknown key names the key itself ("is not a known field"), every
 * other issue its path (`vars.API_KEY`), or `where` (body, querystring, params) for the whole part.
 */
export function fieldErrors(issue: ValidationIssue, where: string): FieldError[] {
  const path = issue.instancePath.replace(/^\//, "").replaceAll("/", ".");
  const zodText = issue.message ?? "";
  if (issue.keyword === "unrecognized_keys" && Array.isArray(issue.params?.keys)) {
    return (issue.params.keys as string[]).map((key) => ({
      field: path ? `${path}.${key}` : key,
      message: "is not a known field",
    }));
  }
  const message = zodText && !ZOD_DEFAULT.test(zodText) ? zodText : personMessage(issue, zodText);
  return [{ field: path || where, message }];
}
