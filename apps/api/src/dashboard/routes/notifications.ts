import {
  ChannelError,
  channelHealths,
  createChannel,
  deleteChannel,
  listChannels,
  listDeliveries,
  sendTestNotification,
  UNTRIED_CHANNEL,
  type Channel,
} from "@pier/notifications";
import type { FastifyReply, FastifyRequest } from "fastify";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { createNotificationBody, notificationParams } from "../../schemas/notification.ts";
import { csrfBody, fieldErrors, formText, html200, type FieldErrors } from "../forms.ts";
import type { DashboardRoutesOptions } from "../kit.ts";
import { EMPTY_CHANNEL_FORM, notificationsPage, type ChannelForm, type ChannelView } from "../pages/notifications.ts";

/** Deliveries shown per channel, newest first; the JSON API pages further back. */
const HISTORY_LIMIT = 20;

/** A ticked checkbox arrives as a string, several as an array, none as nothing. */
const checkboxes = z.union([z.string().max(100), z.array(z.string().max(100)).max(100)]).optional();
const channelForm = csrfBody.extend({ url: formText, format: formText, events: checkboxes, apps: formText });

function withoutSecret(channel: Channel): ChannelView {
  const { secret, ...view } = channel;
  void secret;
  return view;
}
const appNames = (typed: string) => typed.split(/[\s,]+/).filter((name) => name !== "");

/** The Notifications page: channels with their recent deliveries, adding one, sending it a test, deleting it. */
const notificationsRoutes: FastifyPluginAsyncZod<DashboardRoutesOptions> = async (app, { kit }) => {
  const { deps } = kit;
  const { prisma } = deps;

  async function render(
    request: FastifyRequest,
    reply: FastifyReply,
    form: ChannelForm = EMPTY_CHANNEL_FORM,
    errors: FieldErrors = {},
    created?: Channel,
    status = 200,
  ) {
    const channels = await listChannels(prisma);
    const histories = await Promise.all(channels.map((c) => listDeliveries(prisma, c.id, HISTORY_LIMIT)));
    const healths = await channelHealths(
      prisma,
      channels.map((c) => c.id),
    );
    const rows = channels.map((c, i) => ({
      channel: withoutSecret(c),
      deliveries: histories[i]!,
      health: healths.get(c.id) ?? UNTRIED_CHANNEL,
    }));
    return kit.page(
      reply,
      notificationsPage(kit.context(request, reply), {
        channels: rows,
        historyLimit: HISTORY_LIMIT,
        form,
        errors,
        ...(created ? { created } : {}),
      }),
      status,
    );
  }

  app.get("/notifications", { schema: { hide: true, response: html200 } }, async (request, reply) =>
    render(request, reply),
  );

  app.post(
    "/notifications",
    { schema: { hide: true, body: channelForm, response: { 200: z.string(), 201: z.string(), 400: z.string() } } },
    async (request, reply) => {
      const { body } = request;
      const events = body.events === undefined ? [] : [body.events].flat();
      const form: ChannelForm = { url: body.url.trim(), format: body.format.trim(), events, apps: body.apps.trim() };
      const apps = appNames(form.apps);
      const parsed = createNotificationBody.safeParse({ url: form.url, format: form.format, events, apps });
      if (!parsed.success) {
        // An app name's rule is easier to follow with the name it refused.
        const issues = parsed.error.issues.map((i) =>
          i.path[0] === "apps" && typeof i.path[1] === "number"
            ? { ...i, message: `“${apps[i.path[1]]}” ${i.message}` }
            : i,
        );
        const errors = fieldErrors(issues);
        if (!form.url) errors.url = "Paste the URL that receives the alerts.";
        return render(request, reply, form, errors, undefined, 400);
      }
      try {
        const created = await createChannel(prisma, parsed.data);
        // Shown in this response, not carried in a flash cookie: the secret never travels back from the browser.
        return render(request, reply, EMPTY_CHANNEL_FORM, {}, created, 201);
      } catch (error) {
        if (!(error instanceof ChannelError)) throw error;
        const fieldName = error.field && error.field in form ? error.field : "_form";
        return render(request, reply, form, { [fieldName]: error.message }, undefined, 400);
      }
    },
  );

  app.post(
    "/notifications/:id/test",
    { schema: { hide: true, params: notificationParams, body: csrfBody } },
    async (request, reply) =>
      kit.action(request, reply, "/notifications", async () => {
        const { id } = request.params;
        await sendTestNotification({ prisma, queue: deps.notifications }, id);
        return {
          flash: {
            kind: "ok",
            text:
              "Test notification (channel.test) queued. " +
              "Its delivery shows in the channel's history; reload to follow it.",
          },
          to: `/notifications#channel-${id}`,
        };
      }),
  );

  app.post(
    "/notifications/:id/delete",
    { schema: { hide: true, params: notificationParams, body: csrfBody } },
    async (request, reply) =>
      kit.confirmFirst(request, reply, {
        title: "Delete this channel?",
        text: "Alerts stop going to it, and its delivery history is deleted with it.",
        button: "Delete channel",
        back: `/notifications#channel-${request.params.id}`,
      }) ??
      kit.action(request, reply, "/notifications", async () => {
        const channel = await deleteChannel(prisma, request.params.id);
        return { flash: { kind: "ok", text: `Deleted the channel to ${channel.url} and its delivery history.` } };
      }),
  );
};

export default notificationsRoutes;
