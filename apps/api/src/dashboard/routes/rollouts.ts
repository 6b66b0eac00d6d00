import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { appName } from "../../schemas/app.ts";
import { controlRollout } from "../../services/rollouts.ts";
import { csrfBody } from "../forms.ts";
import type { DashboardRoutesOptions } from "../kit.ts";

const params = z.object({
  name: appName,
  id: z.string().regex(/^[a-z0-9]{1,64}$/),
  action: z.enum(["pause", "resume", "promote", "abort"]),
});
const DONE = { pause: "Paused", resume: "Resumed", promote: "Promoted", abort: "Aborted" } as const;

/** The app page's Rollout card: pause, resume, promote now, abort (asked first), through the API's own service. */
const rolloutsRoutes: FastifyPluginAsyncZod<DashboardRoutesOptions> = async (app, { kit }) => {
  const { deps } = kit;
  app.post(
    "/apps/:name/rollouts/:id/:action",
    { schema: { hide: true, params, body: csrfBody } },
    async (request, reply) => {
      const { name, id, action } = request.params;
      const back = `/apps/${name}#rollout`;
      const confirm =
        action === "abort"
          ? kit.confirmFirst(request, reply, {
              title: "Abort this rollout?",
              text: `All of ${name}'s traffic goes back to production now and the candidate's replicas stop.`,
              button: "Abort rollout",
              back,
            })
          : null;
      return (
        confirm ??
        kit.action(request, reply, back, async () => {
          const after = await controlRollout(
            deps,
            request.log,
            { appName: name, rolloutId: id, cause: "DASHBOARD" },
            action,
          );
          const text = `${DONE[action]} the rollout of ${after.candidate.shortId} (now ${after.weight} %).`;
          return { flash: { kind: "ok", text } };
        })
      );
    },
  );
};

export default rolloutsRoutes;
