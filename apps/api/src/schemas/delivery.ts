import { z } from "zod";
import { wholeNumberQuery } from "./common.ts";

export const deliveryDto = z.object({
  id: z.string(),
  /** GitHub's X-GitHub-Delivery; null for a push the head check caught (no delivery came). */
  githubId: z.string().nullable(),
  event: z.string(),
  receivedAt: z.string(),
  outcome: z
    .enum(["deployed", "ignored", "rejected", "stopped", "caught"])
    .describe(
      "deployed (a deployment was queued), ignored (with why), rejected (refused, with why), stopped (a deleted " +
        "branch's preview), caught (no delivery came: the head check found the push and deployed it)",
    ),
  reason: z.string().nullable(),
  branch: z.string().nullable(),
  commitSha: z.string().nullable(),
  deployment: z
    .object({ id: z.string(), shortId: z.string(), status: z.string(), reason: z.string().nullable() })
    .nullable()
    .describe("The deployment it made or named, as it stands now (null when none or since deleted)"),
});

export const deliveriesQuery = z.object({
  limit: wholeNumberQuery(1, 1_000).default(50),
});

export const deliveryList = z.object({ deliveries: z.array(deliveryDto) });
