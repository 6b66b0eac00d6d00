import { DeploymentStatus, type Prisma } from "@pier/db";
import { z } from "zod";

/** Deployments listed per page of an app's history. */
export const DEPLOYMENTS_PER_PAGE = 20;

const statuses = Object.values(DeploymentStatus) as [DeploymentStatus, ...DeploymentStatus[]];
/** A form's empty field means "any". */
const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .transform((v) => v || undefined)
    .optional()
    .catch(undefined);

/**
 * The history's filters as the query string carries them (the filter form is a GET form, so every view has a
 * link); a value that makes no sense is dropped rather than failing the page.
 */
export const deploymentFilterQuery = z.object({
  status: z.enum(statuses).optional().catch(undefined),
  branch: optionalText(255),
  q: optionalText(200),
  page: z.coerce.number().int().min(1).max(1_000_000).catch(1).default(1),
});
export type DeploymentFilter = z.infer<typeof deploymentFilterQuery>;

export const FIRST_PAGE: DeploymentFilter = { page: 1 };

/** The database query for one app's deployments under the filter: status, branch, and a search. */
export function deploymentWhere(appId: string, filter: DeploymentFilter): Prisma.DeploymentWhereInput {
  const where: Prisma.DeploymentWhereInput = { appId };
  if (filter.status) where.status = filter.status;
  if (filter.branch) where.branch = filter.branch;
  if (filter.q) {
    const lower = filter.q.toLowerCase();
    // The commit's message or author (any case), a commit sha or a deployment id by its first characters.
    where.OR = [
      { commitMessage: { contains: filter.q, mode: "insensitive" } },
      { commitAuthor: { contains: filter.q, mode: "insensitive" } },
      { commitSha: { startsWith: lower } },
      { shortId: { startsWith: lower } },
    ];
  }
  return where;
}

/** Skip and take of the filter's page. */
export function pageWindow(filter: DeploymentFilter): { skip: number; take: number } {
  return { skip: (filter.page - 1) * DEPLOYMENTS_PER_PAGE, take: DEPLOYMENTS_PER_PAGE };
}

export function pageCount(total: number): number {
  return Math.max(1, Math.ceil(total / DEPLOYMENTS_PER_PAGE));
}

/**
 * The app page's address for a filter (the first page and the default metrics window left out), so links keep
 * what the person chose; `#deployments` brings them back to the list.
 */
export function historyHref(appName: string, filter: DeploymentFilter, window = "1h"): string {
  const query = new URLSearchParams();
  if (filter.status) query.set("status", filter.status);
  if (filter.branch) query.set("branch", filter.branch);
  if (filter.q) query.set("q", filter.q);
  if (filter.page > 1) query.set("page", String(filter.page));
  if (window !== "1h") query.set("window", window);
  const search = query.toString();
  return `/apps/${encodeURIComponent(appName)}${search ? `?${search}` : ""}#deployments`;
}

export const isFiltered = (filter: DeploymentFilter) => Boolean(filter.status || filter.branch || filter.q);
