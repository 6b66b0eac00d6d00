/**
 * Generated from the Pier API's OpenAPI document (GET /docs/json) by scripts/cli-types.ts: do not edit.
 * Regenerate after changing an API route's schema: npm run cli:types
 */

export interface paths {
    "/healthz": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Health of the database, Redis and Docker
         * @description No token needed: for load balancers and uptime checks. Each check times out after 2 s.
         */
        get: operations["getHealth"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/schemas/pier.json": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * JSON Schema of pier.json
         * @description No token needed. Point a pier.json's "$schema" here for completion and checks in an editor.
         */
        get: operations["getPierJsonSchema"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/webhooks/github/{name}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * GitHub webhook (push, pull_request, ping) for one app
         * @description Give GitHub this URL and the app's webhook secret (content type application/json). Signed with X-Hub-Signature-256 instead of a bearer token. A push to the app's branch deploys it, to another branch its preview (if previews are on); a deleted branch stops its preview.
         */
        post: operations["receiveGithubWebhook"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/me": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Who this token is: its name, scopes and expiry, and the API's public URL
         * @description What `pier whoami` shows. Any valid token may ask.
         */
        get: operations["getCurrentToken"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/tokens": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List API tokens (never their values)
         * @description Admin token only. Revoked and expired tokens too, newest first.
         */
        get: operations["listTokens"];
        put?: never;
        /**
         * Create a named API token (shown once)
         * @description Admin token only. Scopes: read (GETs), deploy (also deploy, rollback, promote, scale), admin (all but tokens). Stored hashed: the value is in this answer only.
         */
        post: operations["createToken"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/tokens/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /**
         * Revoke an API token
         * @description Admin token only. It is refused from then on; revoking it again changes nothing.
         */
        delete: operations["revokeToken"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/notifications": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List notification channels (never their secrets), each with its health (last success, failing since)
         * @description Every channel with its format, filters and health.
         */
        get: operations["listNotificationChannels"];
        put?: never;
        /**
         * Add a notification channel (its signing secret is shown once)
         * @description A URL Pier POSTs events to: JSON (signed with X-Pier-Signature-256), or Slack's or Discord's format. Filter by event and app; empty lists mean all.
         */
        post: operations["createNotificationChannel"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/notifications/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /**
         * Remove a notification channel and its delivery history
         * @description Deliveries still queued for it are dropped.
         */
        delete: operations["deleteNotificationChannel"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/notifications/{id}/deliveries": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A channel's deliveries, newest first
         * @description Each event sent, its attempts, and the receiver's last answer or error.
         */
        get: operations["listNotificationDeliveries"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/notifications/{id}/test": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Send the test event (channel.test) to a channel, whatever events it subscribes to
         * @description Queued like any event: follow its delivery in the channel's deliveries.
         */
        post: operations["testNotificationChannel"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/apps": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List apps
         * @description Every app by name, each with its production replicas and domains.
         */
        get: operations["listApps"];
        put?: never;
        /**
         * Create an app
         * @description Registers a repository and branch as an app. Nothing is built until a push (its webhook) or a deploy; the answer carries the webhook URL and secret to give GitHub.
         */
        post: operations["createApp"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/apps/{name}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get an app
         * @description An app's settings, its production replicas (desired, running, each one's state) and domains.
         */
        get: operations["getApp"];
        put?: never;
        post?: never;
        /**
         * Delete an app and stop its containers (its volumes only with ?volumes=true)
         * @description Stops and removes the app's containers and images, its routes, and forgets its settings, env, credential and domains; its persistent volumes are kept unless volumes=true. The audit log keeps the record.
         */
        delete: operations["deleteApp"];
        options?: never;
        head?: never;
        /**
         * Change an app's settings: build and run settings apply to the next deploy; autoscale, httpsRedirect and hsts at once
         * @description Only the fields sent change. repoUrl, branch, rootDir, port, healthCheckPath and volumes apply to the next deploy; autoscale, httpsRedirect, hsts and the alert thresholds take effect at once.
         */
        patch: operations["updateApp"];
        trace?: never;
    };
    "/api/apps/{name}/deploy": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Deploy the head of the app's branch (or a commit) now, live or staged
         * @description Queues a deployment of the branch's head commit (or `commit`, or the head of `branch`): clone, build, start, health check, then it goes live. With promote false it is staged: it starts at its own URL (<app>-<shortId>) and production stays as it is until POST /api/apps/{name}/promote (or a rollout) makes it live; a newer staged deployment replaces it. Follow it with GET /api/deployments/{id} or its log stream.
         */
        post: operations["deployApp"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/apps/{name}/deployments": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * An app's deployments, newest first
         * @description Production and preview deployments alike, with their status, commit and timings.
         */
        get: operations["listDeployments"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/apps/{name}/export": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A docker-compose file that runs the current release without Pier
         * @description YAML for docker compose: the live deployment's image, env (values included: admin scope), volumes, port and health check.
         */
        get: operations["exportApp"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/apps/{name}/env": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List env vars
         * @description Each var with its targets; values are masked unless reveal=true (admin scope).
         */
        get: operations["listEnv"];
        /**
         * Set env vars for production, preview or both (default both); merged with existing ones
         * @description Sets the vars given for the targets given; other vars stay. Keys are letters, digits and _, not starting with a digit; PORT and PIER_* are Pier's own. Applies to the next deploy.
         */
        put: operations["setEnv"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/apps/{name}/env/{key}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /**
         * Remove an env var (from one target with ?target=)
         * @description Applies to the next deploy.
         */
        delete: operations["unsetEnv"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/apps/{name}/flags": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List feature flags
         * @description Every flag of the app and its value (true/false, a number or a string).
         */
        get: operations["listFlags"];
        /**
         * Set feature flags (merged: flags not listed keep their values)
         * @description Sets the flags given; the others stay (remove one with DELETE). Keys are letters, digits and _, not starting with a digit. Recorded in the audit log and, once the app has a production, as a FLAGS release. Running containers see the change in /run/pier/flags.json within a second or two, without a restart; PIER_FLAG_<KEY> env vars are those of the moment a container started.
         */
        put: operations["setFlags"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/apps/{name}/flags/{key}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /**
         * Remove a feature flag
         * @description Recorded like a change (audit log, FLAGS release). Running containers see the change in /run/pier/flags.json within a second or two, without a restart; PIER_FLAG_<KEY> env vars are those of the moment a container started.
         */
        delete: operations["removeFlag"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/apps/{name}/releases": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Every change of the app's production, newest first
         * @description Releases v1, v2, …: each deploy, rollback and promotion, who asked and what it replaced.
         */
        get: operations["listReleases"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/apps/{name}/rollback": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Put an earlier deployment back live (default: the previous production), without rebuilding
         * @description Routes production to an earlier READY deployment of the app (its image is kept), after a health check. The body may be left out: then the production before the current one comes back.
         */
        post: operations["rollbackApp"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/apps/{name}/promote": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Make a deployment production, without rebuilding
         * @description Routes production to a READY deployment of the app (a preview, say) after a health check, without a build.
         */
        post: operations["promoteDeployment"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/apps/{name}/deliveries": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The app's last webhook deliveries and what Pier did with each (pushes the head check caught too)
         * @description Each delivery's outcome (deployed, ignored, rejected, stopped, caught) and why, with the deployment it made as it stands now: where to look when a push didn't deploy.
         */
        get: operations["listWebhookDeliveries"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/apps/{name}/logs": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Runtime logs of every production replica, as text (follow=true streams)
         * @description The last `tail` lines of stdout and stderr of every production replica, in the order they were written, each as `<time> #<replica> <text>` (time: the engine's RFC 3339). With follow=true the answer stays open: new lines as they come, from replicas that start later (scale up, restart, a new deploy) too. The app's env values are redacted.
         */
        get: operations["getRuntimeLogs"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/apps/{name}/logs/stream": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Runtime logs of every production replica as Server-Sent Events, each line with its time and replica
         * @description Events: `replicas` {deploymentId, replicas: [{index, container, running}]} first, and again whenever they change (a replica started, stopped or went away; another deployment went live); `line` {at, replica, container, line} (at: the engine's RFC 3339 time); with follow=true, lines of replicas that start later too, until the client leaves; `end` {reason} when follow is false (after the last `tail` lines, in the order written) or the app was deleted; `failed` {message} when the engine failed mid-stream. The app's env values are redacted.
         */
        get: operations["streamRuntimeLogs"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/apps/{name}/run": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Run a one-off command in the production image (with the app's env and volumes) and return its output
         * @description A migration, a console task: a new container of the live deployment's image, removed when the command ends or times out. The command is an argument list, run without a shell.
         */
        post: operations["runCommand"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/apps/{name}/autoscale": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The app's autoscale policy and every change of its replica count (and why), newest first
         * @description The policy (null: replicas change only by hand), the replica count wanted now, and the log of decisions with the load behind each. Set the policy with PATCH /api/apps/{name} (autoscale).
         */
        get: operations["getAutoscale"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/apps/{name}/scale": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Set the number of production replicas (0 … PIER_MAX_REPLICAS) and/or the memory and CPUs of each (applied by a redeploy, no build)
         * @description replicas: starts or drains containers of the live deployment, no build; 0 stops production (the app answers 503 until scaled up again); the autoscaler, if the app has a policy, moves the count again within its min and max. memoryMb and cpus: stored in the app's settings (null: the operator's default) and applied by a redeploy of production's image (answered as `redeploy`; none when production already runs with them or nothing is live). pier.json `resources` wins over them at the next build. Any of the three, at least one.
         */
        post: operations["scaleApp"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/apps/{name}/redeploy": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Start production's image again with the current env vars and settings (no clone, no build)
         * @description How env var and resource changes go live without a rebuild: a new deployment of the same image, its env frozen from the app's production env vars now and its memory and CPUs from the app's settings, started, health-checked and switched in with no downtime (a REDEPLOY release). No body. Different from POST /api/deployments/{id}/redeploy, which builds a deployment's commit again.
         */
        post: operations["redeployApp"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/apps/{name}/metrics": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * An app's requests, error rate, latency percentiles, CPU, memory and replicas over a window (series and totals)
         * @description Measured by Pier's router (requests, status classes, latency) and the container engine (CPU, memory), one point per step of the window; null where nothing was measured.
         */
        get: operations["getAppMetrics"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/metrics": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Every app's metrics in the Prometheus text format (token auth)
         * @description For a Prometheus scrape job with a bearer token (read scope).
         */
        get: operations["getPrometheusMetrics"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/apps/{name}/domains": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * An app's domains, each with its certificate's state
         * @description Its own domains (besides its Pier host), from the API and from pier.json alike.
         */
        get: operations["listDomains"];
        put?: never;
        /**
         * Add a domain (served at once; its certificate is issued in the background), or one that redirects to another of the app's domains
         * @description Point the domain's DNS at this server first: the certificate's issuance needs it. A wildcard (*.example.com) is served with an operator certificate only.
         */
        post: operations["addDomain"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/apps/{name}/domains/{domain}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /**
         * Remove a domain: it stops being served at once
         * @description Domains from pier.json come back with the next deploy unless removed from it.
         */
        delete: operations["removeDomain"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/apps/{name}/domains/{domain}/renew": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Issue the domain's certificate again now, whatever its state (the current one serves until replaced)
         * @description For a certificate that failed (after fixing DNS) or one to replace early.
         */
        post: operations["renewCertificate"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/apps/{name}/schedules": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List an app's deploy schedules
         * @description Each schedule with its next runs, and when it last ran and what that run did (or why it skipped).
         */
        get: operations["listSchedules"];
        put?: never;
        /**
         * Deploy an app on a cron schedule
         * @description At each tick of the cron (read in the time zone given, UTC by default) the worker deploys the head of the app's branch (action deploy) or starts production's image again with the current env vars (redeploy), as a deployment with trigger SCHEDULE. A tick that finds the app's previous scheduled deployment unfinished is skipped, and the schedule's last outcome says so. At most 10 schedules per app.
         */
        post: operations["createSchedule"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/apps/{name}/schedules/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /**
         * Delete a deploy schedule
         * @description No run starts after this; a deployment a run already queued goes on.
         */
        delete: operations["deleteSchedule"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/apps/{name}/rollouts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The app's gradual rollout now, with each version's figures, and its earlier ones
         * @description current: the running or paused rollout (step, split, the gate's figures since the step started, and the candidate's and production's error rate and p95 over the last minute); history: earlier ones.
         */
        get: operations["listRollouts"];
        put?: never;
        /**
         * Start a gradual rollout of a deployment, gated on its own error rate and p95
         * @description The candidate (a READY deployment of the app, running at its own URL, not production) gets steps[0] % of new clients, sticky per client; each step lasts intervalSeconds, then the next if the gate passed on the candidate's traffic since the step began; at 100 % it becomes production (a ROLLOUT release). A gate broken at any time aborts: all traffic back to production, the candidate stopped, an alert.
         */
        post: operations["startRollout"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/apps/{name}/rollouts/{id}/pause": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Stop a rollout's steps; the split stays as it is
         * @description The candidate keeps its share and its gate keeps watching (a failing gate still aborts).
         */
        post: operations["pauseRollout"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/apps/{name}/rollouts/{id}/resume": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Let a paused rollout step again
         * @description The current step starts over: its full interval, judged by the gate on fresh traffic.
         */
        post: operations["resumeRollout"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/apps/{name}/rollouts/{id}/promote": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Skip the remaining steps: the candidate becomes production now
         * @description A release of kind ROLLOUT; the rollout ends SUCCEEDED.
         */
        post: operations["promoteRollout"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/apps/{name}/rollouts/{id}/abort": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * All traffic back to production now; the candidate's replicas stop
         * @description The rollout ends ABORTED with weight 0; the app's notification channels get rollout.aborted.
         */
        post: operations["abortRollout"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/deployments/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get a deployment
         * @description Its status (and why, once FAILED or CANCELLED), commit, image, URLs and the time of each phase.
         */
        get: operations["getDeployment"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/deployments/{id}/logs": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A deployment's build and deploy log
         * @description Lines after the line id `after`, oldest first: poll with the last id seen, or use the stream.
         */
        get: operations["getDeploymentLog"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/deployments/{id}/logs/stream": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The log as Server-Sent Events (line, status, end), live while it builds
         * @description Events: `line` (id, stream, line, at), `status` on each change, and `end` with the final status, after which the stream closes.
         */
        get: operations["streamDeploymentLog"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/deployments/{id}/redeploy": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Build this deployment's commit again (that commit, not the branch head)
         * @description A new deployment of the same app, branch and commit, queued like a deploy: clone and build included. To start production's image again without a build (env var changes), POST /api/apps/{name}/redeploy.
         */
        post: operations["redeployDeployment"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/audit": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Changes asked of Pier (who, what, when, the answer's status), newest first
         * @description Every change asked of the API and the dashboard, refused ones too, with what it changed (secrets' values never). Admin scope.
         */
        get: operations["listAuditEvents"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/apps/{name}/credentials": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The app's repository credential: its kind and hint, never the secret (null: none)
         * @description Admin scope.
         */
        get: operations["getRepoCredential"];
        /**
         * Set the repository credential: {"token"} or {"deployKey"} (replaces the one set before)
         * @description A token is sent as the basic-auth password of HTTPS clones; a deploy key is used for ssh:// and git@host:path URLs. Sealed at rest, never answered. Admin scope.
         */
        put: operations["setRepoCredential"];
        post?: never;
        /**
         * Remove the repository credential (clones are then anonymous)
         * @description Admin scope.
         */
        delete: operations["removeRepoCredential"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/settings/github-app": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Whether a GitHub App is configured, and its id (never its key)
         * @description Admin scope.
         */
        get: operations["getGithubApp"];
        /**
         * Configure the GitHub App: its id and private key (PEM)
         * @description Pier then clones private GitHub repositories and reports deploy statuses with installation tokens it mints from them. The key is checked, sealed at rest and never answered. Admin scope.
         */
        put: operations["setGithubApp"];
        post?: never;
        /**
         * Forget the GitHub App (apps fall back to their own credentials)
         * @description Admin scope.
         */
        delete: operations["removeGithubApp"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/nodes": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The machines apps run on, with the replicas running on each
         * @description Name, role, state, availability, address, CPUs, memory, Pier's running tasks and the apps' replicas on each node. Single Docker answers its one machine (runtime: docker).
         */
        get: operations["listNodes"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/nodes/join": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The command a new machine runs to join the swarm as a worker
         * @description It holds the swarm's worker join token: admin scope. Single Docker has no cluster (409).
         */
        get: operations["getNodeJoinCommand"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/nodes/{id}/drain": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Drain a node: its replicas move to the other nodes, and none start there
         * @description Swarm starts each of its tasks again on another node, then stops the one on it; the router follows. By id or name. Admin scope. Single Docker has no other node (409 no_cluster).
         */
        post: operations["drainNode"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/nodes/{id}/activate": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Make a drained node active: it runs replicas again
         * @description New replicas may be placed on it. By id or name. Admin scope. Single Docker has no other node (409 no_cluster).
         */
        post: operations["activateNode"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: never;
    responses: never;
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    getHealth: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Everything Pier needs is reachable */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        ok: boolean;
                        database: {
                            ok: boolean;
                            latencyMs: number;
                            error?: string;
                        };
                        redis: {
                            ok: boolean;
                            latencyMs: number;
                            error?: string;
                        };
                        docker: {
                            ok: boolean;
                            latencyMs: number;
                            error?: string;
                        };
                    };
                };
            };
            /** @description Something Pier needs is down (its check says what) */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        ok: boolean;
                        database: {
                            ok: boolean;
                            latencyMs: number;
                            error?: string;
                        };
                        redis: {
                            ok: boolean;
                            latencyMs: number;
                            error?: string;
                        };
                        docker: {
                            ok: boolean;
                            latencyMs: number;
                            error?: string;
                        };
                    };
                };
            };
        };
    };
    getPierJsonSchema: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The JSON Schema of pier.json */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        [key: string]: unknown;
                    };
                };
            };
        };
    };
    receiveGithubWebhook: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                name: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A ping, answered */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        ok: boolean;
                        deploymentId?: string;
                        status?: string;
                        duplicate?: boolean;
                        ignored?: boolean;
                        reason?: string;
                    };
                };
            };
            /** @description Accepted: a deployment queued, or ignored or a preview stopped (with why) */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        ok: boolean;
                        deploymentId?: string;
                        status?: string;
                        duplicate?: boolean;
                        ignored?: boolean;
                        reason?: string;
                    };
                };
            };
            /** @description A payload that isn't valid JSON, or a push or pull_request without its fields */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable snake_case code, e.g. validation_failed, app_not_found */
                        error: string;
                        /** @description What went wrong, as a sentence for a person */
                        message: string;
                        /** @description The fields at fault, each with why (present when the request's content is) */
                        fields?: {
                            field: string;
                            message: string;
                        }[];
                    };
                };
            };
            /** @description X-Hub-Signature-256 is missing or doesn't match the app's webhook secret */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable snake_case code, e.g. validation_failed, app_not_found */
                        error: string;
                        /** @description What went wrong, as a sentence for a person */
                        message: string;
                        /** @description The fields at fault, each with why (present when the request's content is) */
                        fields?: {
                            field: string;
                            message: string;
                        }[];
                    };
                };
            };
            /** @description No app has this name */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable snake_case code, e.g. validation_failed, app_not_found */
                        error: string;
                        /** @description What went wrong, as a sentence for a person */
                        message: string;
                        /** @description The fields at fault, each with why (present when the request's content is) */
                        fields?: {
                            field: string;
                            message: string;
                        }[];
                    };
                };
            };
            /** @description The delivery is over PIER_WEBHOOK_BODY_LIMIT_MB */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable snake_case code, e.g. validation_failed, app_not_found */
                        error: string;
                        /** @description What went wrong, as a sentence for a person */
                        message: string;
                        /** @description The fields at fault, each with why (present when the request's content is) */
                        fields?: {
                            field: string;
                            message: string;
                        }[];
                    };
                };
            };
            /** @description Not application/json nor form-encoded */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable snake_case code, e.g. validation_failed, app_not_found */
                        error: string;
                        /** @description What went wrong, as a sentence for a person */
                        message: string;
                        /** @description The fields at fault, each with why (present when the request's content is) */
                        fields?: {
                            field: string;
                            message: string;
                        }[];
                    };
                };
            };
            /** @description Too many deliveries for this app (or refused ones from this address) this minute */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable snake_case code, e.g. validation_failed, app_not_found */
                        error: string;
                        /** @description What went wrong, as a sentence for a person */
                        message: string;
                        /** @description The fields at fault, each with why (present when the request's content is) */
                        fields?: {
                            field: string;
                            message: string;
                        }[];
                    };
                };
            };
            /** @description Pier's database or job queue can't be reached right now; GitHub may redeliver */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable snake_case code, e.g. validation_failed, app_not_found */
                        error: string;
                        /** @description What went wrong, as a sentence for a person */
                        message: string;
                        /** @description The fields at fault, each with why (present when the request's content is) */
                        fields?: {
                            field: string;
                            message: string;
                        }[];
                    };
                };
            };
        };
    };
    getCurrentToken: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The token this request came with */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @description admin: PIER_ADMIN_TOKEN; token: a named API token; session: the dashboard, signed in
                         * @enum {string}
                         */
                        kind: "admin" | "token" | "session";
                        /** @description The token's name, or "admin token" / "dashboard session" */
                        name: string;
                        /** @description The API token's id (pier tokens list); null for the admin token */
                        tokenId: string | null;
                        /** @description What it may do: read < deploy < admin (the admin token has all three) */
                        scopes: ("read" | "deploy" | "admin")[];
                        /** @description Whether it may create and revoke tokens: the admin token only */
                        manageTokens: boolean;
                        /** @description When the API token stops working; null: never */
                        expiresAt: string | null;
                        /** @description The API's public URL (PIER_PUBLIC_URL, else https://PIER_API_DOMAIN, else host:port) */
                        apiUrl: string;
                    };
                };
            };
            /** @description The request is invalid: malformed JSON, or fields that are wrong (each named, with why) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable snake_case code, e.g. validation_failed, app_not_found */
                        error: string;
                        /** @description What went wrong, as a sentence for a person */
                        message: string;
                        /** @description The fields at fault, each with why (present when the request's content is) */
                        fields?: {
                            field: string;
                            message: string;
                        }[];
                    };
                };
            };
            /** @description No bearer token, or one that is invalid, revoked or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable snake_case code, e.g. validation_failed, app_not_found */
                        error: string;
                        /** @description What went wrong, as a sentence for a person */
                        message: string;
                        /** @description The fields at fault, each with why (present when the request's content is) */
                        fields?: {
                            field: string;
                            message: string;
                        }[];
                    };
                };
            };
            /** @description The token's scope doesn't allow this route */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable snake_case code, e.g. validation_failed, app_not_found */
                        error: string;
                        /** @description What went wrong, as a sentence for a person */
                        message: string;
                        /** @description The fields at fault, each with why (present when the request's content is) */
                        fields?: {
                            field: string;
                            message: string;
                        }[];
                    };
                };
            };
            /** @description Too many requests in the last minute; the message says when to retry */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable snake_case code, e.g. validation_failed, app_not_found */
                        error: string;
                        /** @description What went wrong, as a sentence for a person */
                        message: string;
                        /** @description The fields at fault, each with why (present when the request's content is) */
                        fields?: {
                            field: string;
                            message: string;
                        }[];
                    };
                };
            };
            /** @description Pier's database or job queue can't be reached right now; try again shortly */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable snake_case code, e.g. validation_failed, app_not_found */
                        error: string;
                        /** @description What went wrong, as a sentence for a person */
                        message: string;
                        /** @description The fields at fault, each with why (present when the request's content is) */
                        fields?: {
                            field: string;
                            message: string;
                        }[];
                    };
                };
            };
        };
    };
    listTokens: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The tokens, newest first */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        tokens: {
                            id: string;
                            name: string;
                            prefix: string;
                            scopes: ("read" | "deploy" | "admin")[];
                            createdAt: string;
                            expiresAt: string | null;
                            lastUsedAt: string | null;
                            revokedAt: string | null;
                        }[];
                    };
                };
            };
            /** @description The request is invalid: malformed JSON, or fields that are wrong (each named, with why) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable snake_case code, e.g. validation_failed, app_not_found */
                        error: string;
                        /** @description What went wrong, as a sentence for a person */
                        message: string;
                        /** @description The fields at fault, each with why (present when the request's content is) */
                        fields?: {
                            field: string;
                            message: string;
                        }[];
                    };
                };
            };
            /** @description No bearer token, or one that is invalid, revoked or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable snake_case code, e.g. validation_failed, app_not_found */
                        error: string;
                        /** @description What went wrong, as a sentence for a person */
                        message: string;
                        /** @description The fields at fault, each with why (present when the request's content is) */
                        fields?: {
                            field: string;
                            message: string;
                        }[];
                    };
                };
            };
            /** @description The token's scope doesn't allow this route */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable snake_case code, e.g. validation_failed, app_not_found */
                        error: string;
                        /** @description What went wrong, as a sentence for a person */
                        message: string;
                        /** @description The fields at fault, each with why (present when the request's content is) */
                        fields?: {
                            field: string;
                            message: string;
                        }[];
                    };
                };
            };
            /** @description Too many requests in the last minute; the message says when to retry */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable snake_case code, e.g. validation_failed, app_not_found */
                        error: string;
                        /** @description What went wrong, as a sentence for a person */
                        message: string;
                        /** @description The fields at fault, each with why (present when the request's content is) */
                        fields?: {
                            field: string;
                            message: string;
                        }[];
                    };
                };
            };
            /** @description Pier's database or job queue can't be reached right now; try again shortly */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable snake_case code, e.g. validation_failed, app_not_found */
                        error: string;
                        /** @description What went wrong, as a sentence for a person */
                        message: string;
                        /** @description The fields at fault, each with why (present when the request's content is) */
                        fields?: {
                            field: string;
                            message: string;
                        }[];
                    };
                };
            };
        };
    };
    createToken: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    name: string;
                    scopes: ("read" | "deploy" | "admin")[];
                    expiresInDays?: number;
                };
            };
        };
        responses: {
            /** @description The token, with its value (shown once) */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "id": "c7k2m9x4p1",
                     *       "name": "ci-deploy",
                     *       "prefix": "pier_4f9a2c",
                     *       "scopes": [
                     *         "deploy"
                     *       ],
                     *       "createdAt": "2026-01-05T09:30:00.000Z",
                     *       "expiresAt": "2026-04-05T09:30:00.000Z",
                     *       "lastUsedAt": null,
                     *       "revokedAt": null,
                     *       "token": "pier_4f9a2c0d1e8b7a6f5c4d3e2f1a0b9c8d7e6f5a4b"
                     *     }
                     */
                    "application/json": {
                        id: string;
                        name: string;
                        prefix: string;
                        scopes: ("read" | "deploy" | "admin")[];
                        createdAt: string;
                        expiresAt: string | null;
                        lastUsedAt: string | null;
                        revokedAt: string | null;
                        /** @description Shown once; store it now */
                        token: string;
                    };
                };
            };
            /** @description The request is invalid: malformed JSON, or fields that are wrong (each named, with why) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable snake_case code, e.g. validation_failed, app_not_found */
                        error: string;
                        /** @description What went wrong, as a sentence for a person */
                        message: string;
                        /** @description The fields at fault, each with why (present when the request's content is) */
                        fields?: {
                            field: string;
                            message: string;
                        }[];
                    };
                };
            };
            /** @description No bearer token, or one that is invalid, revoked or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable snake_case code, e.g. validation_failed, app_not_found */
                        error: string;
                        /** @description What went wrong, as a sentence for a person */
                        message: string;
                        /** @description The fields at fault, each with why (present when the request's content is) */
                        fields?: {
                            field: string;
                            message: string;
                        }[];
                    };
                };
            };
            /** @description The token's scope doesn't allow this route */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable snake_case code, e.g. validation_failed, app_not_found */
                        error: string;
                        /** @description What went wrong, as a sentence for a person */
                        message: string;
                        /** @description The fields at fault, each with why (present when the request's content is) */
                        fields?: {
                            field: string;
                            message: string;
                        }[];
                    };
                };
            };
            /** @description A token (revoked ones too) already has this name */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable snake_case code, e.g. validation_failed, app_not_found */
                        error: string;
                        /** @description What went wrong, as a sentence for a person */
                        message: string;
                        /** @description The fields at fault, each with why (present when the request's content is) */
                        fields?: {
                            field: string;
                            message: string;
                        }[];
                    };
                };
            };
            /** @description The body is larger than this route accepts */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable snake_case code, e.g. validation_failed, app_not_found */
                        error: string;
                        /** @description What went wrong, as a sentence for a person */
                        message: string;
                        /** @description The fields at fault, each with why (present when the request's content is) */
                        fields?: {
                            field: string;
                            message: string;
                        }[];
                    };
                };
            };
            /** @description The body's Content-Type is not application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable snake_case code, e.g. validation_failed, app_not_found */
                        error: string;
                        /** @description What went wrong, as a sentence for a person */
                        message: string;
                        /** @description The fields at fault, each with why (present when the request's content is) */
                        fields?: {
                            field: string;
                            message: string;
                        }[];
                    };
                };
            };
            /** @description Too many requests in the last minute; the message says when to retry */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable snake_case code, e.g. validation_failed, app_not_found */
                        error: string;
                        /** @description What went wrong, as a sentence for a person */
                        message: string;
                        /** @description The fields at fault, each with why (present when the request's content is) */
                        fields?: {
                            field: string;
                            message: string;
                        }[];
                    };
                };
            };
            /** @description Pier's database or job queue can't be reached right now; try again shortly */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable snake_case code, e.g. validation_failed, app_not_found */
                        error: string;
                        /** @description What went wrong, as a sentence for a person */
                        message: string;
                        /** @description The fields at fault, each with why (present when the request's content is) */
                        fields?: {
                            field: string;
                            message: string;
                        }[];
                    };
                };
            };
        };
    };
    revokeToken: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The token, revoked */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                        name: string;
                        prefix: string;
                        scopes: ("read" | "deploy" | "admin")[];
                        createdAt: string;
                        expiresAt: string | null;
                        lastUsedAt: string | null;
                        revokedAt: string | null;
                    };
                };
            };
            /** @description The request is invalid: malformed JSON, or fields that are wrong (each named, with why) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable snake_case code, e.g. validation_failed, app_not_found */
                        error: string;
                        /** @description What went wrong, as a sentence for a person */
                        message: string;
                        /** @description The fields at fault, each with why (present when the request's content is) */
                        fields?: {
                            field: string;
                            message: string;
                        }[];
                    };
                };
            };
            /** @description No bearer token, or one that is invalid, revoked or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable snake_case code, e.g. validation_failed, app_not_found */
                        error: string;
                        /** @description What went wrong, as a sentence for a person */
                        message: string;
                        /** @description The fields at fault, each with why (present when the request's content is) */
                        fields?: {
                            field: string;
                            message: string;
                        }[];
                    };
                };
            };
            /** @description The token's scope doesn't allow this route */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable snake_case code, e.g. validation_failed, app_not_found */
                        error: string;
                        /** @description What went wrong, as a sentence for a person */
                        message: string;
                        /** @description The fields at fault, each with why (present when the request's content is) */
                        fields?: {
                            field: string;
                            message: string;
                        }[];
                    };
                };
            };
            /** @description No token has this id */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable snake_case code, e.g. validation_failed, app_not_found */
                        error: string;
                        /** @description What went wrong, as a sentence for a person */
                        message: string;
                        /** @description The fields at fault, each with why (present when the request's content is) */
                        fields?: {
                            field: string;
                            message: string;
                        }[];
                    };
                };
            };
            /** @description Too many requests in the last minute; the message says when to retry */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable snake_case code, e.g. validation_failed, app_not_found */
                        error: string;
                        /** @description What went wrong, as a sentence for a person */
                        message: string;
                        /** @description The fields at fault, each with why (present when the request's content is) */
                        fields?: {
                            field: string;
                            message: string;
                        }[];
                    };
                };
            };
            /** @description Pier's database or job queue can't be reached right now; try again shortly */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable snake_case code, e.g. validation_failed, app_not_found */
                        error: string;
                        /** @description What went wrong, as a sentence for a person */
                        message: string;
                        /** @description The fields at fault, each with why (present when the request's content is) */
                        fields?: {
                            field: string;
                            message: string;
                        }[];
                    };
                };
            };
        };
    };
    listNotificationChannels: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The channels */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        channels: {
                            id: string;
                            url: string;
                            /** @enum {string} */
                            format: "json" | "slack" | "discord";
                            /** @description Empty: all events */
                            events: string[];
                            /** @description Empty: every app */
                            apps: string[];
                            createdAt: string;
                            /** @description How its deliveries have gone lately */
                            health: {
                                /** @description When a delivery last got through */
                                lastSuccessAt: string | null;
                                /** @description Set while every delivery since the last success failed: when the first of them was made */
                                failingSince: string | null;
                                /** @description The last failed delivery's error, while failing */
                                lastError: string | null;
                                /** @description Failed deliveries since the last success (or ever, if none) */
                                failuresInRow: number;
                            };
                        }[];
                    };
                };
            };
            /** @description The request is invalid: malformed JSON, or fields that are wrong (each named, with why) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable snake_case code, e.g. validation_failed, app_not_found */
                        error: string;
                        /** @description What went wrong, as a sentence for a person */
                        message: string;
                        /** @description The fields at fault, each with why (present when the request's content is) */
                        fields?: {
                            field: string;
                            message: string;
                        }[];
                    };
                };
            };
            /** @description No bearer token, or one that is invalid, revoked or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable snake_case code, e.g. validation_failed, app_not_found */
                        error: string;
                        /** @description What went wrong, as a sentence for a person */
                        message: string;
                        /** @description The fields at fault, each with why (present when the request's content is) */
                        fields?: {
                            field: string;
                            message: string;
                        }[];
                    };
                };
            };
            /** @description The token's scope doesn't allow this route */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable snake_case code, e.g. validation_failed, app_not_found */
                        error: string;
                        /** @description What went wrong, as a sentence for a person */
                        message: string;
                        /** @description The fields at fault, each with why (present when the request's content is) */
                        fields?: {
                            field: string;
                            message: string;
                        }[];
                    };
                };
            };
            /** @description Too many requests in the last minute; the message says when to retry */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable snake_case code, e.g. validation_failed, app_not_found */
                        error: string;
                        /** @description What went wrong, as a sentence for a person */
                        message: string;
                        /** @description The fields at fault, each with why (present when the request's content is) */
                        fields?: {
                            field: string;
                            message: string;
                        }[];
                    };
                };
            };
            /** @description Pier's database or job queue can't be reached right now; try again shortly */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable snake_case code, e.g. validation_failed, app_not_found */
                        error: string;
                        /** @description What went wrong, as a sentence for a person */
                        message: string;
                        /** @description The fields at fault, each with why (present when the request's content is) */
                        fields?: {
                            field: string;
                            message: string;
                        }[];
                    };
                };
            };
        };
    };
    createNotificationChannel: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    url: string;
                    /** @enum {string} */
                    format: "json" | "slack" | "discord";
                    /**
                     * @description The events this channel receives; empty or missing: all of them
                     * @default []
                     */
                    events?: ("deployment.ready" | "deployment.failed" | "container.replaced" | "app.crash_loop" | "app.down" | "app.recovered" | "alert.error_rate" | "alert.latency" | "app.scaled" | "image.rebuilding" | "image.rebuilt" | "image.rebuild_failed" | "certificate.issued" | "certificate.failed" | "certificate.expiring" | "rollout.aborted" | "rollout.succeeded" | "node.down" | "node.ready")[];
                    /**
                     * @description The apps whose events it receives (names); empty or missing: every app
                     * @default []
                     */
                    apps?: string[];
                };
            };
        };
        responses: {
            /** @description The channel, with its secret (shown once) */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                        url: string;
                        /** @enum {string} */
                        format: "json" | "slack" | "discord";
                        /** @description Empty: all events */
                        events: string[];
                        /** @description Empty: every app */
                        apps: string[];
                        createdAt: string;
                        /** @description How its deliveries have gone lately */
                        health: {
                            /** @description When a delivery last got through */
                            lastSuccessAt: string | null;
                            /** @description Set while every delivery since the last success failed: when the first of them was made */
                            failingSince: string | null;
                            /** @description The last failed delivery's error, while failing */
                            lastError: string | null;
                            /** @description Failed deliveries since the last success (or ever, if none) */
                            failuresInRow: number;
                        };
                        /** @description Signs JSON deliveries (X-Pier-Signature-256); shown once, store it now */
                        secret: string;
                    };
                };
            };
            /** @description The request is invalid: malformed JSON, or fields that are wrong (each named, with why) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable snake_case code, e.g. validation_failed, app_not_found */
                        error: string;
                        /** @description What went wrong, as a sentence for a person */
                        message: string;
                        /** @description The fields at fault, each with why (present when the request's content is) */
                        fields?: {
                            field: string;
                            message: string;
                        }[];
                    };
                };
            };
            /** @description No bearer token, or one that is invalid, revoked or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable snake_case code, e.g. validation_failed, app_not_found */
                        error: string;
                        /** @description What went wrong, as a sentence for a person */
                        message: string;
                        /** @description The fields at fault, each with why (present when the request's content is) */
                        fields?: {
                            field: string;
                            message: string;
                        }[];
                    };
                };
            };
            /** @description The token's scope doesn't allow this route */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable snake_case code, e.g. validation_failed, app_not_found */
                        error: string;
                        /** @description What went wrong, as a sentence for a person */
                        message: string;
                        /** @description The fields at fault, each with why (present when the request's content is) */
                        fields?: {
                            field: string;
                            message: string;
                        }[];
                    };
                };
            };
            /** @description The body is larger than this route accepts */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable snake_case code, e.g. validation_failed, app_not_found */
                        error: string;
                        /** @description What went wrong, as a sentence for a person */
                        message: string;
                        /** @description The fields at fault, each with why (present when the request's content is) */
                        fields?: {
                            field: string;
                            message: string;
                        }[];
                    };
                };
            };
            /** @description The body's Content-Type is not application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable snake_case code, e.g. validation_failed, app_not_found */
                        error: string;
                        /** @description What went wrong, as a sentence for a person */
                        message: string;
                        /** @description The fields at fault, each with why (present when the request's content is) */
                        fields?: {
                            field: string;
                            message: string;
                        }[];
                    };
                };
            };
            /** @description Too many requests in the last minute; the message says when to retry */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable snake_case code, e.g. validation_failed, app_not_found */
                        error: string;
                        /** @description What went wrong, as a sentence for a person */
                        message: string;
                        /** @description The fields at fault, each with why (present when the request's content is) */
                        fields?: {
                            field: string;
                            message: string;
                        }[];
                    };
                };
            };
            /** @description Pier's database or job queue can't be reached right now; try again shortly */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable snake_case code, e.g. validation_failed, app_not_found */
                        error: string;
                        /** @description What went wrong, as a sentence for a person */
                        message: string;
                        /** @description The fields at fault, each with why (present when the request's content is) */
                        fields?: {
                            field: string;
                            message: string;
                        }[];
                    };
                };
            };
        };
    };
    deleteNotificationChannel: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The channel removed */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                        url: string;
                        /** @enum {string} */
                        format: "json" | "slack" | "discord";
                        /** @description Empty: all events */
                        events: string[];
                        /** @description Empty: every app */
                        apps: string[];
                        createdAt: string;
                        /** @description How its deliveries have gone lately */
                        health: {
                            /** @description When a delivery last got through */
                            lastSuccessAt: string | null;
                            /** @description Set while every delivery since the last success failed: when the first of them was made */
                            failingSince: string | null;
                            /** @description The last failed delivery's error, while failing */
                            lastError: string | null;
                            /** @description Failed deliveries since the last success (or ever, if none) */
                            failuresInRow: number;
                        };
                    };
                };
            };
            /** @description The request is invalid: malformed JSON, or fields that are wrong (each named, with why) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable snake_case code, e.g. validation_failed, app_not_found */
                        error: string;
                        /** @description What went wrong, as a sentence for a person */
                        message: string;
                        /** @description The fields at fault, each with why (present when the request's content is) */
                        fields?: {
                            field: string;
                            message: string;
                        }[];
                    };
                };
            };
            /** @description No bearer token, or one that is invalid, revoked or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable snake_case code, e.g. validation_failed, app_not_found */
                        error: string;
                        /** @description What went wrong, as a sentence for a person */
                        message: string;
                        /** @description The fields at fault, each with why (present when the request's content is) */
                        fields?: {
                            field: string;
                            message: string;
                        }[];
                    };
                };
            };
            /** @description The token's scope doesn't allow this route */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable snake_case code, e.g. validation_failed, app_not_found */
                        error: string;
                        /** @description What went wrong, as a sentence for a person */
                        message: string;
                        /** @description The fields at fault, each with why (present when the request's content is) */
                        fields?: {
                            field: string;
                            message: string;
                        }[];
                    };
                };
            };
            /** @description No notification channel has this id */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable snake_case code, e.g. validation_failed, app_not_found */
                        error: string;
                        /** @description What went wrong, as a sentence for a person */
                        message: string;
                        /** @description The fields at fault, each with why (present when the request's content is) */
                        fields?: {
                            field: string;
                            message: string;
                        }[];
                    };
                };
            };
            /** @description Too many requests in the last minute; the message says when to retry */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable snake_case code, e.g. validation_failed, app_not_found */
                        error: string;
                        /** @description What went wrong, as a sentence for a person */
                        message: string;
                        /** @description The fields at fault, each with why (present when the request's content is) */
                        fields?: {
                            field: string;
                            message: string;
                        }[];
                    };
                };
            };
            /** @description Pier's database or job queue can't be reached right now; try again shortly */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable snake_case code, e.g. validation_failed, app_not_found */
                        error: string;
                        /** @description What went wrong, as a sentence for a person */
                        message: string;
                        /** @description The fields at fault, each with why (present when the request's content is) */
                        fields?: {
                            field: string;
                            message: string;
                        }[];
                    };
                };
            };
        };
    };
    listNotificationDeliveries: {
        parameters: {
            query?: {
                limit?: number;
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The deliveries, newest first */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        deliveries: {
                            id: string;
                            channelId: string;
                            event: string;
                            appId: string | null;
                            /** @enum {string} */
                            status: "PENDING" | "DELIVERED" | "FAILED";
                            attempts: number;
                            /** @description The receiver's answer to the last attempt */
                            responseStatus: number | null;
                            lastError: string | null;
                            /** @description The event as sent */
                            payload: {
                                [key: string]: unknown;
                            };
                            createdAt: string;
                            deliveredAt: string | null;
                        }[];
                    };
                };
            };
            /** @description The request is invalid: malformed JSON, or fields that are wrong (each named, with why) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable snake_case code, e.g. validation_failed, app_not_found */
                        error: string;
                        /** @description What went wrong, as a sentence for a person */
                        message: string;
                        /** @description The fields at fault, each with why (present when the request's content is) */
                        fields?: {
                            field: string;
                            message: string;
                        }[];
                    };
                };
            };
            /** @description No bearer token, or one that is invalid, revoked or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable snake_case code, e.g. validation_failed, app_not_found */
                        error: string;
                        /** @description What went wrong, as a sentence for a person */
                        message: string;
                        /** @description The fields at fault, each with why (present when the request's content is) */
                        fields?: {
                            field: string;
                            message: string;
                        }[];
                    };
                };
            };
            /** @description The token's scope doesn't allow this route */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable snake_case code, e.g. validation_failed, app_not_found */
                        error: string;
                        /** @description What went wrong, as a sentence for a person */
                        message: string;
                        /** @description The fields at fault, each with why (present when the request's content is) */
                        fields?: {
                            field: string;
                            message: string;
                        }[];
                    };
                };
            };
            /** @description No notification channel has this id */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable snake_case code, e.g. validation_failed, app_not_found */
                        error: string;
                        /** @description What went wrong, as a sentence for a person */
                        message: string;
                        /** @description The fields at fault, each with why (present when the request's content is) */
                        fields?: {
                            field: string;
                            message: string;
                        }[];
                    };
                };
            };
            /** @description Too many requests in the last minute; the message says when to retry */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable snake_case code, e.g. validation_failed, app_not_found */
                        error: string;
                        /** @description What went wrong, as a sentence for a person */
                        message: string;
                        /** @description The fields at fault, each with why (present when the request's content is) */
                        fields?: {
                            field: string;
                            message: string;
                        }[];
                    };
                };
            };
            /** @description Pier's database or job queue can't be reached right now; try again shortly */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable snake_case code, e.g. validation_failed, app_not_found */
                        error: string;
                        /** @description What went wrong, as a sentence for a person */
                        message: string;
                        /** @description The fields at fault, each with why (present when the request's content is) */
                        fields?: {
                            field: string;
                            message: string;
                        }[];
                    };
                };
            };
        };
    };
    testNotificationChannel: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The delivery, queued */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                        channelId: string;
                        event: string;
                        appId: string | null;
                        /** @enum {string} */
                        status: "PENDING" | "DELIVERED" | "FAILED";
                        attempts: number;
                        /** @description The receiver's answer to the last attempt */
                        responseStatus: number | null;
                        lastError: string | null;
                        /** @description The event as sent */
                        payload: {
                            [key: string]: unknown;
                        };
                        createdAt: string;
                        deliveredAt: string | null;
                    };
                };
            };
            /** @description The request is invalid: malformed JSON, or fields that are wrong (each named, with why) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable snake_case code, e.g. validation_failed, app_not_found */
                        error: string;
                        /** @description What went wrong, as a sentence for a person */
                        message: string;
                        /** @description The fields at fault, each with why (present when the request's content is) */
                        fields?: {
                            field: string;
                            message: string;
                        }[];
                    };
                };
            };
            /** @description No bearer token, or one that is invalid, revoked or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable snake_case code, e.g. validation_failed, app_not_found */
                        error: string;
                        /** @description What went wrong, as a sentence for a person */
                        message: string;
                        /** @description The fields at fault, each with why (present when the request's content is) */
                        fields?: {
                            field: string;
                            message: string;
                        }[];
                    };
                };
            };
            /** @description The token's scope doesn't allow this route */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable snake_case code, e.g. validation_failed, app_not_found */
                        error: string;
                        /** @description What went wrong, as a sentence for a person */
                        message: string;
                        /** @description The fields at fault, each with why (present when the request's content is) */
                        fields?: {
                            field: string;
                            message: string;
                        }[];
                    };
                };
            };
            /** @description No notification channel has this id */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable snake_case code, e.g. validation_failed, app_not_found */
                        error: string;
                        /** @description What went wrong, as a sentence for a person */
                        message: string;
                        /** @description The fields at fault, each with why (present when the request's content is) */
                        fields?: {
                            field: string;
                            message: string;
                        }[];
                    };
                };
            };
            /** @description Too many requests in the last minute; the message says when to retry */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable snake_case code, e.g. validation_failed, app_not_found */
                        error: string;
                        /** @description What went wrong, as a sentence for a person */
                        message: string;
                        /** @description The fields at fault, each with why (present when the request's content is) */
                        fields?: {
                            field: string;
                            message: string;
                        }[];
                    };
                };
            };
            /** @description Pier's database or job queue can't be reached right now; try again shortly */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable snake_case code, e.g. validation_failed, app_not_found */
                        error: string;
                        /** @description What went wrong, as a sentence for a person */
                        message: string;
                        /** @description The fields at fault, each with why (present when the request's content is) */
                        fields?: {
                            field: string;
                            message: string;
                        }[];
                    };
                };
            };
        };
    };
    listApps: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The apps, by name */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        apps: {
                            id: string;
                            name: string;
                            repoUrl: string;
                            branch: string;
                            rootDir: string;
                            port: number | null;
                            healthCheckPath: string;
                            previews: boolean;
                            volumes: {
                                name: string;
                                path: string;
                            }[];
                            url: string;
                            webhookUrl: string;
                            webhookWarning: string | null;
                            webhookSecret: string | null;
                            productionDeploymentId: string | null;
                            replicas: {
                                desired: number;
                                running: number;
                                /**
                                 * @description RUNNING: all serve. DEGRADED: fewer than desired. CRASH_LOOP: one keeps dying. ENGINE_UNAVAILABLE, IMAGE_MISSING, REBUILDING, NO_SPACE: one can't start because of the engine or the machine, not the app (the engine can't be reached, the deployment's image is gone, Pier is building that image again from its commit, the disk is full). STOPPED: 0 desired. NOT_DEPLOYED.
                                 * @enum {string}
                                 */
                                state: "RUNNING" | "DEGRADED" | "CRASH_LOOP" | "ENGINE_UNAVAILABLE" | "IMAGE_MISSING" | "REBUILDING" | "NO_SPACE" | "STOPPED" | "NOT_DEPLOYED";
                                replicas: {
                                    index: number;
                                    /**
                                     * @description STARTING; RUNNING; BACKOFF: waiting to start again after a loss; CRASH_LOOP: lost 3 times in a row; ENGINE_UNAVAILABLE, IMAGE_MISSING, NO_SPACE: can't start because of the engine or the machine, not counted against the app, tried again every few seconds; REBUILDING: its image was gone and is being built again from the deployment's commit, starts once it is there; LOST: its container stopped, not replaced yet; MISSING: not started yet.
                                     * @enum {string}
                                     */
                                    phase: "STARTING" | "RUNNING" | "BACKOFF" | "CRASH_LOOP" | "ENGINE_UNAVAILABLE" | "IMAGE_MISSING" | "REBUILDING" | "NO_SPACE" | "LOST" | "MISSING";
                                    containerId: string | null;
                                    restarts: number;
                                    lastReason: string | null;
                                    nextAttemptAt: string | null;
                                }[];
                            };
                            alertErrorRate: number | null;
                            alertP95Ms: number | null;
                            memoryRequestMb: number | null;
                            autoscale: {
                                min: number;
                                max: number;
                                targetConcurrency: number;
                                targetRps?: number;
                                scaleDownDelaySeconds: number;
                                idleTimeoutSeconds: number;
                            } | null;
                            httpsRedirect: boolean;
                            hsts: boolean;
                            domains: {
                                name: string;
                                redirectTo: string | null;
                                redirectStatus: number;
                                /**
                                 * @description API: added through the API or dashboard; CONFIG: listed in the live deployment's pier.json
                                 * @enum {string}
                                 */
                                source: "API" | "CONFIG";
                                url: string;
                                certificate: {
                                    /**
                                     * @description pending: being issued; issued; failed: the CA's error, and when Pier tries again; operator: an operator certificate (PIER_TLS_CERT_DIR) serves it; none: no certificate (a wildcard no operator certificate covers)
                                     * @enum {string}
                                     */
                                    status: "pending" | "issued" | "failed" | "operator" | "none";
                                    expiresAt: string | null;
                                    error: string | null;
                                    nextAttemptAt: string | null;
                                    serial: string | null;
                                };
                            }[];
                            createdAt: string;
                            updatedAt: string;
                        }[];
                    };
                };
            };
            /** @description The request is invalid: malformed JSON, or fields that are wrong (each named, with why) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable snake_case code, e.g. validation_failed, app_not_found */
                        error: string;
                        /** @description What went wrong, as a sentence for a person */
                        message: string;
                        /** @description The fields at fault, each with why (present when the request's content is) */
                        fields?: {
                            field: string;
                            message: string;
                        }[];
                    };
                };
            };
            /** @description No bearer token, or one that is invalid, revoked or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable snake_case code, e.g. validation_failed, app_not_found */
                        error: string;
                        /** @description What went wrong, as a sentence for a person */
                        message: string;
                        /** @description The fields at fault, each with why (present when the request's content is) */
                        fields?: {
                            field: string;
                            message: string;
                        }[];
                    };
                };
            };
            /** @description The token's scope doesn't allow this route */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable snake_case code, e.g. validation_failed, app_not_found */
                        error: string;
                        /** @description What went wrong, as a sentence for a person */
                        message: string;
                        /** @description The fields at fault, each with why (present when the request's content is) */
                        fields?: {
                            field: string;
                            message: string;
                        }[];
                    };
                };
            };
            /** @description Too many requests in the last minute; the message says when to retry */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable snake_case code, e.g. validation_failed, app_not_found */
                        error: string;
                        /** @description What went wrong, as a sentence for a person */
                        message: string;
                        /** @description The fields at fault, each with why (present when the request's content is) */
                        fields?: {
                            field: string;
                            message: string;
                        }[];
                    };
                };
            };
            /** @description Pier's database or job queue can't be reached right now; try again shortly */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable snake_case code, e.g. validation_failed, app_not_found */
                        error: string;
                        /** @description What went wrong, as a sentence for a person */
                        message: string;
                        /** @description The fields at fault, each with why (present when the request's content is) */
                        fields?: {
                            field: string;
                            message: string;
                        }[];
                    };
                };
            };
        };
    };
    createApp: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    name: string;
                    repoUrl: string;
                    /** @default main */
                    branch?: string;
                    rootDir?: string;
                    port?: number;
                    healthCheckPath?: string;
                };
            };
        };
        responses: {
            /** @description The app as created */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                        name: string;
                        repoUrl: string;
                        branch: string;
                        rootDir: string;
                        port: number | null;
                        healthCheckPath: string;
                        previews: boolean;
                        volumes: {
                            name: string;
                            path: string;
                        }[];
                        url: string;
                        webhookUrl: string;
                        webhookWarning: string | null;
                        webhookSecret: string | null;
                        productionDeploymentId: string | null;
                        replicas: {
                            desired: number;
                            running: number;
                            /**
                             * @description RUNNING: all serve. DEGRADED: fewer than desired. CRASH_LOOP: one keeps dying. ENGINE_UNAVAILABLE, IMAGE_MISSING, REBUILDING, NO_SPACE: one can't start because of the engine or the machine, not the app (the engine can't be reached, the deployment's image is gone, Pier is building that image again from its commit, the disk is full). STOPPED: 0 desired. NOT_DEPLOYED.
                             * @enum {string}
                             */
                            state: "RUNNING" | "DEGRADED" | "CRASH_LOOP" | "ENGINE_UNAVAILABLE" | "IMAGE_MISSING" | "REBUILDING" | "NO_SPACE" | "STOPPED" | "NOT_DEPLOYED";
                            replicas: {
                                index: number;
                                /**
                                 * @description STARTING; RUNNING; BACKOFF: waiting to start again after a loss; CRASH_LOOP: lost 3 times in a row; ENGINE_UNAVAILABLE, IMAGE_MISSING, NO_SPACE: can't start because of the engine or the machine, not counted against the app, tried again every few seconds; REBUILDING: its image was gone and is being built again from the deployment's commit, starts once it is there; LOST: its container stopped, not replaced yet; MISSING: not started yet.
                                 * @enum {string}
                                 */
                                phase: "STARTING" | "RUNNING" | "BACKOFF" | "CRASH_LOOP" | "ENGINE_UNAVAILABLE" | "IMAGE_MISSING" | "REBUILDING" | "NO_SPACE" | "LOST" | "MISSING";
                                containerId: string | null;
                                restarts: number;
                                lastReason: string | null;
                                nextAttemptAt: string | null;
                            }[];
                        };
                        alertErrorRate: number | null;
                        alertP95Ms: number | null;
                        memoryRequestMb: number | null;
                        autoscale: {
                            min: number;
                            max: number;
                            targetConcurrency: number;
                            targetRps?: number;
                            scaleDownDelaySeconds: number;
                            idleTimeoutSeconds: number;
                        } | null;
                        httpsRedirect: boolean;
                        hsts: boolean;
                        domains: {
                            name: string;
                            redirectTo: string | null;
                            redirectStatus: number;
                            /**
                             * @description API: added through the API or dashboard; CONFIG: listed in the live deployment's pier.json
                             * @enum {string}
                             */
                            source: "API" | "CONFIG";
                            url: string;
                            certificate: {
                                /**
                                 * @description pending: being issued; issued; failed: the CA's error, and when Pier tries again; operator: an operator certificate (PIER_TLS_CERT_DIR) serves it; none: no certificate (a wildcard no operator certificate covers)
                                 * @enum {string}
                                 */
                                status: "pending" | "issued" | "failed" | "operator" | "none";
                                expiresAt: string | null;
                                error: string | null;
                                nextAttemptAt: string | null;
                                serial: string | null;
                            };
                        }[];
                        createdAt: string;
                        updatedAt: string;
                    };
                };
            };
            /** @description The request is invalid: malformed JSON, or fields that are wrong (each named, with why) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable snake_case code, e.g. validation_failed, app_not_found */
                        error: string;
                        /** @description What went wrong, as a sentence for a person */
                        message: string;
                        /** @description The fields at fault, each with why (present when the request's content is) */
                        fields?: {
                            field: string;
                            message: string;
                        }[];
                    };
                };
            };
            /** @description No bearer token, or one that is invalid, revoked or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable snake_case code, e.g. validation_failed, app_not_found */
                        error: string;
                        /** @description What went wrong, as a sentence for a person */
                        message: string;
                        /** @description The fields at fault, each with why (present when the request's content is) */
                        fields?: {
                            field: string;
                            message: string;
                        }[];
                    };
                };
            };
            /** @description The token's scope doesn't allow this route */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable snake_case code, e.g. validation_failed, app_not_found */
                        error: string;
                        /** @description What went wrong, as a sentence for a person */
                        message: string;
                        /** @description The fields at fault, each with why (present when the request's content is) */
                        fields?: {
                            field: string;
                            message: string;
                        }[];
                    };
                };
            };
            /** @description An app with this name exists, or the name would shadow another app's preview host */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable snake_case code, e.g. validation_failed, app_not_found */
                        error: string;
                        /** @description What went wrong, as a sentence for a person */
                        message: string;
                        /** @description The fields at fault, each with why (present when the request's content is) */
                        fields?: {
                            field: string;
                            message: string;
                        }[];
                    };
                };
            };
            /** @description The body is larger than this route accepts */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable snake_case code, e.g. validation_failed, app_not_found */
                        error: string;
                        /** @description What went wrong, as a sentence for a person */
                        message: string;
                        /** @description The fields at fault, each with why (present when the request's content is) */
                        fields?: {
                            field: string;
                            message: string;
                        }[];
                    };
                };
            };
            /** @description The body's Content-Type is not application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable snake_case code, e.g. validation_failed, app_not_found */
                        error: string;
                        /** @description What went wrong, as a sentence for a person */
                        message: string;
                        /** @description The fields at fault, each with why (present when the request's content is) */
                        fields?: {
                            field: string;
                            message: string;
                        }[];
                    };
                };
            };
            /** @description Too many requests in the last minute; the message says when to retry */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable snake_case code, e.g. validation_failed, app_not_found */
                        error: string;
                        /** @description What went wrong, as a sentence for a person */
                        message: string;
                        /** @description The fields at fault, each with why (present when the request's content is) */
                        fields?: {
                            field: string;
                            message: string;
                        }[];
                    };
                };
            };
            /** @description Pier's database or job queue can't be reached right now; try again shortly */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable snake_case code, e.g. validation_failed, app_not_found */
                        error: string;
                        /** @description What went wrong, as a sentence for a person */
                        message: string;
                        /** @description The fields at fault, each with why (present when the request's content is) */
                        fields?: {
                            field: string;
                            message: string;
                        }[];
                    };
                };
            };
        };
    };
    getApp: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                name: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The app */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                        name: string;
                        repoUrl: string;
                        branch: string;
                        rootDir: string;
                        port: number | null;
                        healthCheckPath: string;
                        previews: boolean;
                        volumes: {
                            name: string;
                            path: string;
                        }[];
                        url: string;
                        webhookUrl: string;
                        webhookWarning: string | null;
                        webhookSecret: string | null;
                        productionDeploymentId: string | null;
                        replicas: {
                            desired: number;
                            running: number;
                            /**
                             * @description RUNNING: all serve. DEGRADED: fewer than desired. CRASH_LOOP: one keeps dying. ENGINE_UNAVAILABLE, IMAGE_MISSING, REBUILDING, NO_SPACE: one can't start because of the engine or the machine, not the app (the engine can't be reached, the deployment's image is gone, Pier is building that image again from its commit, the disk is full). STOPPED: 0 desired. NOT_DEPLOYED.
                             * @enum {string}
                             */
                            state: "RUNNING" | "DEGRADED" | "CRASH_LOOP" | "ENGINE_UNAVAILABLE" | "IMAGE_MISSING" | "REBUILDING" | "NO_SPACE" | "STOPPED" | "NOT_DEPLOYED";
                            replicas: {
                                index: number;
                                /**
                                 * @description STARTING; RUNNING; BACKOFF: waiting to start again after a loss; CRASH_LOOP: lost 3 times in a row; ENGINE_UNAVAILABLE, IMAGE_MISSING, NO_SPACE: can't start because of the engine or the machine, not counted against the app, tried again every few seconds; REBUILDING: its image was gone and is being built again from the deployment's commit, starts once it is there; LOST: its container stopped, not replaced yet; MISSING: not started yet.
                                 * @enum {string}
                                 */
                                phase: "STARTING" | "RUNNING" | "BACKOFF" | "CRASH_LOOP" | "ENGINE_UNAVAILABLE" | "IMAGE_MISSING" | "REBUILDING" | "NO_SPACE" | "LOST" | "MISSING";
                                containerId: string | null;
                                restarts: number;
                                lastReason: string | null;
                                nextAttemptAt: string | null;
                            }[];
                        };
                        alertErrorRate: number | null;
                        alertP95Ms: number | null;
                        memoryRequestMb: number | null;
                        autoscale: {
                            min: number;
                            max: number;
                            targetConcurrency: number;
                            targetRps?: number;
                            scaleDownDelaySeconds: number;
                            idleTimeoutSeconds: number;
                        } | null;
                        httpsRedirect: boolean;
                        hsts: boolean;
                        domains: {
                            name: string;
                            redirectTo: string | null;
                            redirectStatus: number;
                            /**
                             * @description API: added through the API or dashboard; CONFIG: listed in the live deployment's pier.json
                             * @enum {string}
                             */
                            source: "API" | "CONFIG";
                            url: string;
                            certificate: {
                                /**
                                 * @description pending: being issued; issued; failed: the CA's error, and when Pier tries again; operator: an operator certificate (PIER_TLS_CERT_DIR) serves it; none: no certificate (a wildcard no operator certificate covers)
                                 * @enum {string}
                                 */
                                status: "pending" | "issued" | "failed" | "operator" | "none";
                                expiresAt: string | null;
                                error: string | null;
                                nextAttemptAt: string | null;
                                serial: string | null;
                            };
                        }[];
                        createdAt: string;
                        updatedAt: string;
                    };
                };
            };
            /** @description The request is invalid: malformed JSON, or fields that are wrong (each named, with why) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable snake_case code, e.g. validation_failed, app_not_found */
                        error: string;
                        /** @description What went wrong, as a sentence for a person */
                        message: string;
                        /** @description The fields at fault, each with why (present when the request's content is) */
                        fields?: {
                            field: string;
                            message: string;
                        }[];
                    };
                };
            };
            /** @description No bearer token, or one that is invalid, revoked or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable snake_case code, e.g. validation_failed, app_not_found */
                        error: string;
                        /** @description What went wrong, as a sentence for a person */
                        message: string;
                        /** @description The fields at fault, each with why (present when the request's content is) */
                        fields?: {
                            field: string;
                            message: string;
                        }[];
                    };
                };
            };
            /** @description The token's scope doesn't allow this route */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable snake_case code, e.g. validation_failed, app_not_found */
                        error: string;
                        /** @description What went wrong, as a sentence for a person */
                        message: string;
                        /** @description The fields at fault, each with why (present when the request's content is) */
                        fields?: {
                            field: string;
                            message: string;
                        }[];
                    };
                };
            };
            /** @description No app has this name */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable snake_case code, e.g. validation_failed, app_not_found */
                        error: string;
                        /** @description What went wrong, as a sentence for a person */
                        message: string;
                        /** @description The fields at fault, each with why (present when the request's content is) */
                        fields?: {
                            field: string;
                            message: string;
                        }[];
                    };
                };
            };
            /** @description Too many requests in the last minute; the message says when to retry */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable snake_case code, e.g. validation_failed, app_not_found */
                        error: string;
                        /** @description What went wrong, as a sentence for a person */
                        message: string;
                        /** @description The fields at fault, each with why (present when the request's content is) */
                        fields?: {
                            field: string;
                            message: string;
                        }[];
                    };
                };
            };
            /** @description Pier's database or job queue can't be reached right now; try again shortly */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable snake_case code, e.g. validation_failed, app_not_found */
                        error: string;
                        /** @description What went wrong, as a sentence for a person */
                        message: string;
                        /** @description The fields at fault, each with why (present when the request's content is) */
                        fields?: {
                            field: string;
                            message: string;
                        }[];
                    };
                };
            };
        };
    };
    deleteApp: {
        parameters: {
            query?: {
                /** @description Also delete the app's persistent volumes */
                volumes?: "true" | "false";
            };
            header?: never;
            path: {
                name: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description What was removed, and the volumes kept */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        deleted: string;
                        removedContainers: number;
                        /** @description Its images (tags and ids), build stages included */
                        removedImages: string[];
                        /** @description Images the engine refused to remove (another container uses them), with its reason */
                        leftImages: {
                            image: string;
                            reason: string;
                        }[];
                        removedVolumes: string[];
                        keptVolumes: string[];
                    };
                };
            };
            /** @description The request is invalid: malformed JSON, or fields that are wrong (each named, with why) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable snake_case code, e.g. validation_failed, app_not_found */
                        error: string;
                        /** @description What went wrong, as a sentence for a person */
                        message: string;
                        /** @description The fields at fault, each with why (present when the request's content is) */
                        fields?: {
                            field: string;
                            message: string;
                        }[];
                    };
                };
            };
            /** @description No bearer token, or one that is invalid, revoked or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable snake_case code, e.g. validation_failed, app_not_found */
                        error: string;
                        /** @description What went wrong, as a sentence for a person */
                        message: string;
                        /** @description The fields at fault, each with why (present when the request's content is) */
                        fields?: {
                            field: string;
                            message: string;
                        }[];
                    };
                };
            };
            /** @description The token's scope doesn't allow this route */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable snake_case code, e.g. validation_failed, app_not_found */
                        error: string;
                        /** @description What went wrong, as a sentence for a person */
                        message: string;
                        /** @description The fields at fault, each with why (present when the request's content is) */
                        fields?: {
                            field: string;
                            message: string;
                        }[];
                    };
                };
            };
            /** @description No app has this name */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable snake_case code, e.g. validation_failed, app_not_found */
                        error: string;
                        /** @description What went wrong, as a sentence for a person */
                        message: string;
                        /** @description The fields at fault, each with why (present when the request's content is) */
                        fields?: {
                            field: string;
                            message: string;
                        }[];
                    };
                };
            };
            /** @description Too many requests in the last minute; the message says when to retry */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable snake_case code, e.g. validation_failed, app_not_found */
                        error: string;
                        /** @description What went wrong, as a sentence for a person */
                        message: string;
                        /** @description The fields at fault, each with why (present when the request's content is) */
                        fields?: {
                            field: string;
                            message: string;
                        }[];
                    };
                };
            };
            /** @description Pier's database or job queue can't be reached right now; try again shortly */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable snake_case code, e.g. validation_failed, app_not_found */
                        error: string;
                        /** @description What went wrong, as a sentence for a person */
                        message: string;
                        /** @description The fields at fault, each with why (present when the request's content is) */
                        fields?: {
                            field: string;
                            message: string;
                        }[];
                    };
                };
            };
        };
    };
    updateApp: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                name: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    repoUrl?: string;
                    branch?: string;
                    rootDir?: string;
                    port?: number | null;
                    healthCheckPath?: string;
                    previews?: boolean;
                    volumes?: {
                        name: string;
                        path: string;
                    }[];
                    alertErrorRate?: number | null;
                    alertP95Ms?: number | null;
                    autoscale?: {
                        /**
                         * @description 0 … PIER_MAX_REPLICAS (10 here)
                         * @default 1
                         */
                        min?: number;
                        /** @description 1 … PIER_MAX_REPLICAS (10 here) */
                        max: number;
                        /** @default 10 */
                        targetConcurrency?: number;
                        targetRps?: number;
                        /** @default 60 */
                        scaleDownDelaySeconds?: number;
                        /** @default 300 */
                        idleTimeoutSeconds?: number;
                    } | null;
                    memoryRequestMb?: number | null;
                    httpsRedirect?: boolean;
                    hsts?: boolean;
                };
            };
        };
        responses: {
            /** @description The app as changed */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                        name: string;
                        repoUrl: string;
                        branch: string;
                        rootDir: string;
                        port: number | null;
                        healthCheckPath: string;
                        previews: boolean;
                        volumes: {
                            name: string;
                            path: string;
                        }[];
                        url: string;
                        webhookUrl: string;
                        webhookWarning: string | null;
                        webhookSecret: string | null;
                        productionDeploymentId: string | null;
                        replicas: {
                            desired: number;
                            running: number;
                            /**
                             * @description RUNNING: all serve. DEGRADED: fewer than desired. CRASH_LOOP: one keeps dying. ENGINE_UNAVAILABLE, IMAGE_MISSING, REBUILDING, NO_SPACE: one can't start because of the engine or the machine, not the app (the engine can't be reached, the deployment's image is gone, Pier is building that image again from its commit, the disk is full). STOPPED: 0 desired. NOT_DEPLOYED.
                             * @enum {string}
                             */
                            state: "RUNNING" | "DEGRADED" | "CRASH_LOOP" | "ENGINE_UNAVAILABLE" | "IMAGE_MISSING" | "REBUILDING" | "NO_SPACE" | "STOPPED" | "NOT_DEPLOYED";
                            replicas: {
                                index: number;
                                /**
                                 * @description STARTING; RUNNING; BACKOFF: waiting to start again after a loss; CRASH_LOOP: lost 3 times in a row; ENGINE_UNAVAILABLE, IMAGE_MISSING, NO_SPACE: can't start because of the engine or the machine, not counted against the app, tried again every few seconds; REBUILDING: its image was gone and is being built again from the deployment's commit, starts once it is there; LOST: its container stopped, not replaced yet; MISSING: not started yet.
                                 * @enum {string}
                                 */
                                phase: "STARTING" | "RUNNING" | "BACKOFF" | "CRASH_LOOP" | "ENGINE_UNAVAILABLE" | "IMAGE_MISSING" | "REBUILDING" | "NO_SPACE" | "LOST" | "MISSING";
                                containerId: string | null;
                                restarts: number;
                                lastReason: string | null;
                                nextAttemptAt: string | null;
                            }[];
                        };
                        alertErrorRate: number | null;
                        alertP95Ms: number | null;
                        memoryRequestMb: number | null;
                        autoscale: {
                            min: number;
                            max: number;
                            targetConcurrency: number;
                            targetRps?: number;
                            scaleDownDelaySeconds: number;
                            idleTimeoutSeconds: number;
                        } | null;
                        httpsRedirect: boolean;
                        hsts: boolean;
                        domains: {
                            name: string;
                            redirectTo: string | null;
                            redirectStatus: number;
                            /**
                             * @description API: added through the API or dashboard; CONFIG: listed in the live deployment's pier.json
                             * @enum {string}
                             */
                            source: "API" | "CONFIG";
                            url: string;
                            certificate: {
                                /**
                                 * @description pending: being issued; issued; failed: the CA's error, and when Pier tries again; operator: an operator certificate (PIER_TLS_CERT_DIR) serves it; none: no certificate (a wildcard no operator certificate covers)
                                 * @enum {string}
                                 */
                                status: "pending" | "issued" | "failed" | "operator" | "none";
                                expiresAt: string | null;
                                error: string | null;
                                nextAttemptAt: string | null;
                                serial: string | null;
                            };
                        }[];
                        createdAt: string;
                        updatedAt: string;
                    };
                };
            };
            /** @description The request is invalid: malformed JSON, or fields that are wrong (each named, with why) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable snake_case code, e.g. validation_failed, app_not_found */
                        error: string;
                        /** @description What went wrong, as a sentence for a person */
                        message: string;
                        /** @description The fields at fault, each with why (present when the request's content is) */
                        fields?: {
                            field: string;
                            message: string;
                        }[];
                    };
                };
            };
            /** @description No bearer token, or one that is invalid, revoked or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable snake_case code, e.g. validation_failed, app_not_found */
                        error: string;
                        /** @description What went wrong, as a sentence for a person */
                        message: string;
                        /** @description The fields at fault, each with why (present when the request's content is) */
                        fields?: {
                            field: string;
                            message: string;
                        }[];
                    };
                };
            };
            /** @description The token's scope doesn't allow this route */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable snake_case code, e.g. validation_failed, app_not_found */
                        error: string;
                        /** @description What went wrong, as a sentence for a person */
                        message: string;
                        /** @description The fields at fault, each with why (present when the request's content is) */
                        fields?: {
                            field: string;
                            message: string;
                        }[];
                    };
                };
            };
            /** @description No app has this name */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable snake_case code, e.g. validation_failed, app_not_found */
                        error: string;
                        /** @description What went wrong, as a sentence for a person */
                        message: string;
                        /** @description The fields at fault, each with why (present when the request's content is) */
                        fields?: {
                            field: string;
                            message: string;
                        }[];
                    };
                };
            };
            /** @description The body is larger than this route accepts */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable snake_case code, e.g. validation_failed, app_not_found */
                        error: string;
                        /** @description What went wrong, as a sentence for a person */
                        message: string;
                        /** @description The fields at fault, each with why (present when the request's content is) */
                        fields?: {
                            field: string;
                            message: string;
                        }[];
                    };
                };
            };
            /** @description The body's Content-Type is not application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable snake_case code, e.g. validation_failed, app_not_found */
                        error: string;
                        /** @description What went wrong, as a sentence for a person */
                        message: string;
                        /** @description The fields at fault, each with why (present when the request's content is) */
                        fields?: {
                            field: string;
                            message: string;
                        }[];
                    };
                };
            };
            /** @description Too many requests in the last minute; the message says when to retry */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable snake_case code, e.g. validation_failed, app_not_found */
                        error: string;
                        /** @description What went wrong, as a sentence for a person */
                        message: string;
                        /** @description The fields at fault, each with why (present when the request's content is) */
                        fields?: {
                            field: string;
                            message: string;
                        }[];
                    };
                };
            };
            /** @description Pier's database or job queue can't be reached right now; try again shortly */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable snake_case code, e.g. validation_failed, app_not_found */
                        error: string;
                        /** @description What went wrong, as a sentence for a person */
                        message: string;
                        /** @description The fields at fault, each with why (present when the request's content is) */
                        fields?: {
                            field: string;
                            message: string;
                        }[];
                    };
                };
            };
        };
    };
    deployApp: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                name: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": {
                    /** @description This commit instead of the branch head */
                    commit?: string;
                    /** @description The head of this branch instead of the app's branch */
                    branch?: string;
                    /** @description false: staged: built and started at its own URL but production stays as it is; promote it or roll it out later (default true) */
                    promote?: boolean;
                };
            };
        };
        responses: {
            /** @description The deployment, queued */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                        shortId: string;
                        app: string;
                        /** @enum {string} */
                        status: "QUEUED" | "BUILDING" | "DEPLOYING" | "READY" | "FAILED" | "CANCELLED";
                        reason: string | null;
                        trigger: string;
                        branch: string;
                        previewUrl: string | null;
                        commitSha: string | null;
                        commitMessage: string | null;
                        commitAuthor: string | null;
                        commitAuthorEmail: string | null;
                        committedAt: string | null;
                        imageTag: string | null;
                        isProduction: boolean;
                        url: string | null;
                        createdAt: string;
                        startedAt: string | null;
                        finishedAt: string | null;
                        durationMs: number | null;
                        port: number | null;
                        phases: {
                            [key: string]: number;
                        } | null;
                        promote: boolean;
                        staged: string | null;
                    };
                };
            };
            /** @description The request is invalid: malformed JSON, or fields that are wrong (each named, with why) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable snake_case code, e.g. validation_failed, app_not_found */
                        error: string;
                        /** @description What went wrong, as a sentence for a person */
                        message: string;
                        /** @description The fields at fault, each with why (present when the request's content is) */
                        fields?: {
                            field: string;
                            message: string;
                        }[];
                    };
                };
            };
            /** @description No bearer token, or one that is invalid, revoked or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable snake_case code, e.g. validation_failed, app_not_found */
                        error: string;
                        /** @description What went wrong, as a sentence for a person */
                        message: string;
                        /** @description The fields at fault, each with why (present when the request's content is) */
                        fields?: {
                            field: string;
                            message: string;
                        }[];
                    };
                };
            };
            /** @description The token's scope doesn't allow this route */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable snake_case code, e.g. validation_failed, app_not_found */
                        error: string;
                        /** @description What went wrong, as a sentence for a person */
                        message: string;
                        /** @description The fields at fault, each with why (present when the request's content is) */
                        fields?: {
                            field: string;
                            message: string;
                        }[];
                    };
                };
            };
            /** @description No app has this name */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable snake_case code, e.g. validation_failed, app_not_found */
                        error: string;
                        /** @description What went wrong, as a sentence for a person */
                        message: string;
                        /** @description The fields at fault, each with why (present when the request's content is) */
                        fields?: {
                            field: string;
                            message: string;
                        }[];
                    };
                };
            };
            /** @description The body is larger than this route accepts */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable snake_case code, e.g. validation_failed, app_not_found */
                        error: string;
                        /** @description What went wrong, as a sentence for a person */
                        message: string;
                        /** @description The fields at fault, each with why (present when the request's content is) */
                        fields?: {
                            field: string;
                            message: string;
                        }[];
                    };
                };
            };
            /** @description The body's Content-Type is not application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable snake_case code, e.g. validation_failed, app_not_found */
                        error: string;
                        /** @description What went wrong, as a sentence for a person */
                        message: string;
                        /** @description The fields at fault, each with why (present when the request's content is) */
                        fields?: {
                            field: string;
                            message: string;
                        }[];
                    };
                };
            };
            /** @description Too many requests in the last minute; the message says when to retry */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable snake_case code, e.g. validation_failed, app_not_found */
                        error: string;
                        /** @description What went wrong, as a sentence for a person */
                        message: string;
                        /** @description The fields at fault, each with why (present when the request's content is) */
                        fields?: {
                            field: string;
                            message: string;
                        }[];
                    };
                };
            };
            /** @description The job queue (Redis) or the database can't be reached */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable snake_case code, e.g. validation_failed, app_not_found */
                        error: string;
                        /** @description What went wrong, as a sentence for a person */
                        message: string;
                        /** @description The fields at fault, each with why (present when the request's content is) */
                        fields?: {
                            field: string;
                            message: string;
                        }[];
                    };
                };
            };
        };
    };
    listDeployments: {
        parameters: {
            query?: {
                limit?: number;
            };
            header?: never;
            path: {
                name: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The deployments, newest first */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        deployments: {
                            id: string;
                            shortId: string;
                            app: string;
                            /** @enum {string} */
                            status: "QUEUED" | "BUILDING" | "DEPLOYING" | "READY" | "FAILED" | "CANCELLED";
                            reason: string | null;
                            trigger: string;
                            branch: string;
                            previewUrl: string | null;
                            commitSha: string | null;
                            commitMessage: string | null;
                            commitAuthor: string | null;
                            commitAuthorEmail: string | null;
                            committedAt: string | null;
                            imageTag: string | null;
                            isProduction: boolean;
                            url: string | null;
                            createdAt: string;
                            startedAt: string | null;
                            finishedAt: string | null;
                            durationMs: number | null;
                            port: number | null;
                            phases: {
                                [key: string]: number;
                            } | null;
                            promote: boolean;
                            staged: string | null;
                        }[];
                    };
                };
            };
            /** @description The request is invalid: malformed JSON, or fields that are wrong (each named, with why) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable snake_case code, e.g. validation_failed, app_not_found */
                        error: string;
                        /** @description What went wrong, as a sentence for a person */
                        message: string;
                        /** @description The fields at fault, each with why (present when the request's content is) */
                        fields?: {
                            field: string;
                            message: string;
                        }[];
                    };
                };
            };
            /** @description No bearer token, or one that is invalid, revoked or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable snake_case code, e.g. validation_failed, app_not_found */
                        error: string;
                        /** @description What went wrong, as a sentence for a person */
                        message: string;
                        /** @description The fields at fault, each with why (present when the request's content is) */
                        fields?: {
                            field: string;
                            message: string;
                        }[];
                    };
                };
            };
            /** @description The token's scope doesn't allow this route */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable snake_case code, e.g. validation_failed, app_not_found */
                        error: string;
                        /** @description What went wrong, as a sentence for a person */
                        message: string;
                        /** @description The fields at fault, each with why (present when the request's content is) */
                        fields?: {
                            field: string;
                            message: string;
                        }[];
                    };
                };
            };
            /** @description No app has this name */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable snake_case code, e.g. validation_failed, app_not_found */
                        error: string;
                        /** @description What went wrong, as a sentence for a person */
                        message: string;
                        /** @description The fields at fault, each with why (present when the request's content is) */
                        fields?: {
                            field: string;
                            message: string;
                        }[];
                    };
                };
            };
            /** @description Too many requests in the last minute; the message says when to retry */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable snake_case code, e.g. validation_failed, app_not_found */
                        error: string;
                        /** @description What went wrong, as a sentence for a person */
                        message: string;
                        /** @description The fields at fault, each with why (present when the request's content is) */
                        fields?: {
                            field: string;
                            message: string;
                        }[];
                    };
                };
            };
            /** @description Pier's database or job queue can't be reached right now; try again shortly */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable snake_case code, e.g. validation_failed, app_not_found */
                        error: string;
                        /** @description What went wrong, as a sentence for a person */
                        message: string;
                        /** @description The fields at fault, each with why (present when the request's content is) */
                        fields?: {
                            field: string;
                            message: string;
                        }[];
                    };
                };
            };
        };
    };
    exportApp: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                name: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The compose file (application/yaml) */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": string;
                };
            };
            /** @description The request is invalid: malformed JSON, or fields that are wrong (each named, with why) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable snake_case code, e.g. validation_failed, app_not_found */
                        error: string;
                        /** @description What went wrong, as a sentence for a person */
                        message: string;
                        /** @description The fields at fault, each with why (present when the request's content is) */
                        fields?: {
                            field: string;
                            message: string;
                        }[];
                    };
                };
            };
            /** @description No bearer token, or one that is invalid, revoked or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable snake_case code, e.g. validation_failed, app_not_found */
                        error: string;
                        /** @description What went wrong, as a sentence for a person */
                        message: string;
                        /** @description The fields at fault, each with why (present when the request's content is) */
                        fields?: {
                            field: string;
                            message: string;
                        }[];
                    };
                };
            };
            /** @description The token's scope doesn't allow this route */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable snake_case code, e.g. validation_failed, app_not_found */
                        error: string;
                        /** @description What went wrong, as a sentence for a person */
                        message: string;
                        /** @description The fields at fault, each with why (present when the request's content is) */
                        fields?: {
                            field: string;
                            message: string;
                        }[];
                    };
                };
            };
            /** @description No app has this name */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable snake_case code, e.g. validation_failed, app_not_found */
                        error: string;
                        /** @description What went wrong, as a sentence for a person */
                        message: string;
                        /** @description The fields at fault, each with why (present when the request's content is) */
                        fields?: {
                            field: string;
                            message: string;
                        }[];
                    };
                };
            };
            /** @description The app has no live deployment to export */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable snake_case code, e.g. validation_failed, app_not_found */
                        error: string;
                        /** @description What went wrong, as a sentence for a person */
                        message: string;
                        /** @description The fields at fault, each with why (present when the request's content is) */
                        fields?: {
                            field: string;
                            message: string;
                        }[];
                    };
                };
            };
            /** @description Too many requests in the last minute; the message says when to retry */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable snake_case code, e.g. validation_failed, app_not_found */
                        error: string;
                        /** @description What went wrong, as a sentence for a person */
                        message: string;
                        /** @description The fields at fault, each with why (present when the request's content is) */
                        fields?: {
                            field: string;
                            message: string;
                        }[];
                    };
                };
            };
            /** @description Pier's database or job queue can't be reached right now; try again shortly */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable snake_case code, e.g. validation_failed, app_not_found */
                        error: string;
                        /** @description What went wrong, as a sentence for a person */
                        message: string;
                        /** @description The fields at fault, each with why (present when the request's content is) */
                        fields?: {
                            field: string;
                            message: string;
                        }[];
                    };
                };
            };
        };
    };
    listEnv: {
        parameters: {
            query?: {
                /** @description Show the values (admin scope) */
                reveal?: "true" | "false";
            };
            header?: never;
            path: {
                name: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The app's env vars */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "vars": [
                     *         {
                     *           "key": "LOG_LEVEL",
                     *           "value": "••••••••",
                     *           "targets": [
                     *             "production"
                     *           ],
                     *           "updatedAt": "2026-01-05T09:30:00.000Z"
                     *         }
                     *       ],
                     *       "note": "Changes apply to the next deploy."
                     *     }
                     */
                    "application/json": {
                        vars: {
                            key: string;
                            value: string;
                            targets: ("production" | "preview")[];
                            updatedAt: string;
                        }[];
                        note: string;
                    };
                };
            };
            /** @description The request is invalid: malformed JSON, or fields that are wrong (each named, with why) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable snake_case code, e.g. validation_failed, app_not_found */
                        error: string;
                        /** @description What went wrong, as a sentence for a person */
                        message: string;
                        /** @description The fields at fault, each with why (present when the request's content is) */
                        fields?: {
                            field: string;
                            message: string;
                        }[];
                    };
                };
            };
            /** @description No bearer token, or one that is invalid, revoked or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable snake_case code, e.g. validation_failed, app_not_found */
                        error: string;
                        /** @description What went wrong, as a sentence for a person */
                        message: string;
                        /** @description The fields at fault, each with why (present when the request's content is) */
                        fields?: {
                            field: string;
                            message: string;
                        }[];
                    };
                };
            };
            /** @description The token's scope doesn't allow this route */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable snake_case code, e.g. validation_failed, app_not_found */
                        error: string;
                        /** @description What went wrong, as a sentence for a person */
                        message: string;
                        /** @description The fields at fault, each with why (present when the request's content is) */
                        fields?: {
                            field: string;
                            message: string;
                        }[];
                    };
                };
            };
            /** @description No app has this name */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable snake_case code, e.g. validation_failed, app_not_found */
                        error: string;
                        /** @description What went wrong, as a sentence for a person */
                        message: string;
                        /** @description The fields at fault, each with why (present when the request's content is) */
                        fields?: {
                            field: string;
                            message: string;
                        }[];
                    };
                };
            };
            /** @description Too many requests in the last minute; the message says when to retry */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable snake_case code, e.g. validation_failed, app_not_found */
                        error: string;
                        /** @description What went wrong, as a sentence for a person */
                        message: string;
                        /** @description The fields at fault, each with why (present when the request's content is) */
                        fields?: {
                            field: string;
                            message: string;
                        }[];
                    };
                };
            };
            /** @description Pier's database or job queue can't be reached right now; try again shortly */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable snake_case code, e.g. validation_failed, app_not_found */
                        error: string;
                        /** @description What went wrong, as a sentence for a person */
                        message: string;
                        /** @description The fields at fault, each with why (present when the request's content is) */
                        fields?: {
                            field: string;
                            message: string;
                        }[];
                    };
                };
            };
        };
    };
    setEnv: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                name: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    vars: {
                        [key: string]: string;
                    };
                    /**
                     * @default [
                     *       "production",
                     *       "preview"
                     *     ]
                     */
                    targets?: ("production" | "preview")[];
                };
            };
        };
        responses: {
            /** @description The app's env vars, masked */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "vars": [
                     *         {
                     *           "key": "LOG_LEVEL",
                     *           "value": "••••••••",
                     *           "targets": [
                     *             "production"
                     *           ],
                     *           "updatedAt": "2026-01-05T09:30:00.000Z"
                     *         }
                     *       ],
                     *       "note": "Changes apply to the next deploy."
                     *     }
                     */
                    "application/json": {
                        vars: {
                            key: string;
                            value: string;
                            targets: ("production" | "preview")[];
                            updatedAt: string;
                        }[];
                        note: string;
                    };
                };
            };
            /** @description The request is invalid: malformed JSON, or fields that are wrong (each named, with why) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable snake_case code, e.g. validation_failed, app_not_found */
                        error: string;
                        /** @description What went wrong, as a sentence for a person */
                        message: string;
                        /** @description The fields at fault, each with why (present when the request's content is) */
                        fields?: {
                            field: string;
                            message: string;
                        }[];
                    };
                };
            };
            /** @description No bearer token, or one that is invalid, revoked or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable snake_case code, e.g. validation_failed, app_not_found */
                        error: string;
                        /** @description What went wrong, as a sentence for a person */
                        message: string;
                        /** @description The fields at fault, each with why (present when the request's content is) */
                        fields?: {
                            field: string;
                            message: string;
                        }[];
                    };
                };
            };
            /** @description The token's scope doesn't allow this route */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable snake_case code, e.g. validation_failed, app_not_found */
                        error: string;
                        /** @description What went wrong, as a sentence for a person */
                        message: string;
                        /** @description The fields at fault, each with why (present when the request's content is) */
                        fields?: {
                            field: string;
                            message: string;
                        }[];
                    };
                };
            };
            /** @description No app has this name */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable snake_case code, e.g. validation_failed, app_not_found */
                        error: string;
                        /** @description What went wrong, as a sentence for a person */
                        message: string;
                        /** @description The fields at fault, each with why (present when the request's content is) */
                        fields?: {
                            field: string;
                            message: string;
                        }[];
                    };
                };
            };
            /** @description The body is larger than this route accepts */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable snake_case code, e.g. validation_failed, app_not_found */
                        error: string;
                        /** @description What went wrong, as a sentence for a person */
                        message: string;
                        /** @description The fields at fault, each with why (present when the request's content is) */
                        fields?: {
                            field: string;
                            message: string;
                        }[];
                    };
                };
            };
            /** @description The body's Content-Type is not application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable snake_case code, e.g. validation_failed, app_not_found */
                        error: string;
                        /** @description What went wrong, as a sentence for a person */
                        message: string;
                        /** @description The fields at fault, each with why (present when the request's content is) */
                        fields?: {
                            field: string;
                            message: string;
                        }[];
                    };
                };
            };
            /** @description Too many requests in the last minute; the message says when to retry */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable snake_case code, e.g. validation_failed, app_not_found */
                        error: string;
                        /** @description What went wrong, as a sentence for a person */
                        message: string;
                        /** @description The fields at fault, each with why (present when the request's content is) */
                        fields?: {
                            field: string;
                            message: string;
                        }[];
                    };
                };
            };
            /** @description Pier's database or job queue can't be reached right now; try again shortly */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable snake_case code, e.g. validation_failed, app_not_found */
                        error: string;
                        /** @description What went wrong, as a sentence for a person */
                        message: string;
                        /** @description The fields at fault, each with why (present when the request's content is) */
                        fields?: {
                            field: string;
                            message: string;
                        }[];
                    };
                };
            };
        };
    };
    unsetEnv: {
        parameters: {
            query?: {
                /** @description Remove it from this target only (default: both) */
                target?: "production" | "preview";
            };
            header?: never;
            path: {
                name: string;
                key: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The app's env vars left, masked */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "vars": [
                     *         {
                     *           "key": "LOG_LEVEL",
                     *           "value": "••••••••",
                     *           "targets": [
                     *             "production"
                     *           ],
                     *           "updatedAt": "2026-01-05T09:30:00.000Z"
                     *         }
                     *       ],
                     *       "note": "Changes apply to the next deploy."
                     *     }
                     */
                    "application/json": {
                        vars: {
                            key: string;
                            value: string;
                            targets: ("production" | "preview")[];
                            updatedAt: string;
                        }[];
                        note: string;
                    };
                };
            };
            /** @description The request is invalid: malformed JSON, or fields that are wrong (each named, with why) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable snake_case code, e.g. validation_failed, app_not_found */
                        error: string;
                        /** @description What went wrong, as a sentence for a person */
                        message: string;
                        /** @description The fields at fault, each with why (present when the request's content is) */
                        fields?: {
                            field: string;
                            message: string;
                        }[];
                    };
                };
            };
            /** @description No bearer token, or one that is invalid, revoked or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable snake_case code, e.g. validation_failed, app_not_found */
                        error: string;
                        /** @description What went wrong, as a sentence for a person */
                        message: string;
                        /** @description The fields at fault, each with why (present when the request's content is) */
                        fields?: {
                            field: string;
                            message: string;
                        }[];
                    };
                };
            };
            /** @description The token's scope doesn't allow this route */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable snake_case code, e.g. validation_failed, app_not_found */
                        error: string;
                        /** @description What went wrong, as a sentence for a person */
                        message: string;
                        /** @description The fields at fault, each with why (present when the request's content is) */
                        fields?: {
                            field: string;
                            message: string;
                        }[];
                    };
                };
            };
            /** @description No app has this name, or the var is not set (for that target) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable snake_case code, e.g. validation_failed, app_not_found */
                        error: string;
                        /** @description What went wrong, as a sentence for a person */
                        message: string;
                        /** @description The fields at fault, each with why (present when the request's content is) */
                        fields?: {
                            field: string;
                            message: string;
                        }[];
                    };
                };
            };
            /** @description Too many requests in the last minute; the message says when to retry */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable snake_case code, e.g. validation_failed, app_not_found */
                        error: string;
                        /** @description What went wrong, as a sentence for a person */
                        message: string;
                        /** @description The fields at fault, each with why (present when the request's content is) */
                        fields?: {
                            field: string;
                            message: string;
                        }[];
                    };
                };
            };
            /** @description Pier's database or job queue can't be reached right now; try again shortly */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable snake_case code, e.g. validation_failed, app_not_found */
                        error: string;
                        /** @description What went wrong, as a sentence for a person */
                        message: string;
                        /** @description The fields at fault, each with why (present when the request's content is) */
                        fields?: {
                            field: string;
                            message: string;
                        }[];
                    };
                };
            };
        };
    };
    listFlags: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                name: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The app's flags */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "flags": {
                     *         "BANNER": "spring",
                     *         "NEW_CHECKOUT": true
                     *       }
                     *     }
                     */
                    "application/json": {
                        /** @description Every flag of the app, by key */
                        flags: {
                            [key: string]: boolean | string | number;
                        };
                    };
                };
            };
            /** @description The request is invalid: malformed JSON, or fields that are wrong (each named, with why) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable snake_case code, e.g. validation_failed, app_not_found */
                        error: string;
                        /** @description What went wrong, as a sentence for a person */
                        message: string;
                        /** @description The fields at fault, each with why (present when the request's content is) */
                        fields?: {
                            field: string;
                            message: string;
                        }[];
                    };
                };
            };
            /** @description No bearer token, or one that is invalid, revoked or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable snake_case code, e.g. validation_failed, app_not_found */
                        error: string;
                        /** @description What went wrong, as a sentence for a person */
                        message: string;
                        /** @description The fields at fault, each with why (present when the request's content is) */
                        fields?: {
                            field: string;
                            message: string;
                        }[];
                    };
                };
            };
            /** @description The token's scope doesn't allow this route */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable snake_case code, e.g. validation_failed, app_not_found */
                        error: string;
                        /** @description What went wrong, as a sentence for a person */
                        message: string;
                        /** @description The fields at fault, each with why (present when the request's content is) */
                        fields?: {
                            field: string;
                            message: string;
                        }[];
                    };
                };
            };
            /** @description No app has this name */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable snake_case code, e.g. validation_failed, app_not_found */
                        error: string;
                        /** @description What went wrong, as a sentence for a person */
                        message: string;
                        /** @description The fields at fault, each with why (present when the request's content is) */
                        fields?: {
                            field: string;
                            message: string;
                        }[];
                    };
                };
            };
            /** @description Too many requests in the last minute; the message says when to retry */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable snake_case code, e.g. validation_failed, app_not_found */
                        error: string;
                        /** @description What went wrong, as a sentence for a person */
                        message: string;
                        /** @description The fields at fault, each with why (present when the request's content is) */
                        fields?: {
                            field: string;
                            message: string;
                        }[];
                    };
                };
            };
            /** @description Pier's database or job queue can't be reached right now; try again shortly */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable snake_case code, e.g. validation_failed, app_not_found */
                        error: string;
                        /** @description What went wrong, as a sentence for a person */
                        message: string;
                        /** @description The fields at fault, each with why (present when the request's content is) */
                        fields?: {
                            field: string;
                            message: string;
                        }[];
                    };
                };
            };
        };
    };
    setFlags: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                name: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description Flags to set: true/false, a number or a string; flags not listed keep their values */
                    flags: {
                        [key: string]: boolean | string | number;
                    };
                };
            };
        };
        responses: {
            /** @description Every flag of the app, after the change */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "flags": {
                     *         "BANNER": "spring",
                     *         "NEW_CHECKOUT": true
                     *       }
                     *     }
                     */
                    "application/json": {
                        /** @description Every flag of the app, by key */
                        flags: {
                            [key: string]: boolean | string | number;
                        };
                    };
                };
            };
            /** @description The request is invalid: malformed JSON, or fields that are wrong (each named, with why) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable snake_case code, e.g. validation_failed, app_not_found */
                        error: string;
                        /** @description What went wrong, as a sentence for a person */
                        message: string;
                        /** @description The fields at fault, each with why (present when the request's content is) */
                        fields?: {
                            field: string;
                            message: string;
                        }[];
                    };
                };
            };
            /** @description No bearer token, or one that is invalid, revoked or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable snake_case code, e.g. validation_failed, app_not_found */
                        error: string;
                        /** @description What went wrong, as a sentence for a person */
                        message: string;
                        /** @description The fields at fault, each with why (present when the request's content is) */
                        fields?: {
                            field: string;
                            message: string;
                        }[];
                    };
                };
            };
            /** @description The token's scope doesn't allow this route */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable snake_case code, e.g. validation_failed, app_not_found */
                        error: string;
                        /** @description What went wrong, as a sentence for a person */
                        message: string;
                        /** @description The fields at fault, each with why (present when the request's content is) */
                        fields?: {
                            field: string;
                            message: string;
                        }[];
                    };
                };
            };
            /** @description No app has this name */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable snake_case code, e.g. validation_failed, app_not_found */
                        error: string;
                        /** @description What went wrong, as a sentence for a person */
                        message: string;
                        /** @description The fields at fault, each with why (present when the request's content is) */
                        fields?: {
                            field: string;
                            message: string;
                        }[];
                    };
                };
            };
            /** @description The body is larger than this route accepts */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable snake_case code, e.g. validation_failed, app_not_found */
                        error: string;
                        /** @description What went wrong, as a sentence for a person */
                        message: string;
                        /** @description The fields at fault, each with why (present when the request's content is) */
                        fields?: {
                            field: string;
                            message: string;
                        }[];
                    };
                };
            };
            /** @description The body's Content-Type is not application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable snake_case code, e.g. validation_failed, app_not_found */
                        error: string;
                        /** @description What went wrong, as a sentence for a person */
                        message: string;
                        /** @description The fields at fault, each with why (present when the request's content is) */
                        fields?: {
                            field: string;
                            message: string;
                        }[];
                    };
                };
            };
            /** @description Too many requests in the last minute; the message says when to retry */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable snake_case code, e.g. validation_failed, app_not_found */
                        error: string;
                        /** @description What went wrong, as a sentence for a person */
                        message: string;
                        /** @description The fields at fault, each with why (present when the request's content is) */
                        fields?: {
                            field: string;
                            message: string;
                        }[];
                    };
                };
            };
            /** @description Pier's database or job queue can't be reached right now; try again shortly */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable snake_case code, e.g. validation_failed, app_not_found */
                        error: string;
                        /** @description What went wrong, as a sentence for a person */
                        message: string;
                        /** @description The fields at fault, each with why (present when the request's content is) */
                        fields?: {
                            field: string;
                            message: string;
                        }[];
                    };
                };
            };
        };
    };
    removeFlag: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                name: string;
                key: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The app's flags left */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "flags": {
                     *         "BANNER": "spring",
                     *         "NEW_CHECKOUT": true
                     *       }
                     *     }
                     */
                    "application/json": {
                        /** @description Every flag of the app, by key */
                        flags: {
                            [key: string]: boolean | string | number;
                        };
                    };
                };
            };
            /** @description The request is invalid: malformed JSON, or fields that are wrong (each named, with why) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable snake_case code, e.g. validation_failed, app_not_found */
                        error: string;
                        /** @description What went wrong, as a sentence for a person */
                        message: string;
                        /** @description The fields at fault, each with why (present when the request's content is) */
                        fields?: {
                            field: string;
                            message: string;
                        }[];
                    };
                };
            };
            /** @description No bearer token, or one that is invalid, revoked or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable snake_case code, e.g. validation_failed, app_not_found */
                        error: string;
                        /** @description What went wrong, as a sentence for a person */
                        message: string;
                        /** @description The fields at fault, each with why (present when the request's content is) */
                        fields?: {
                            field: string;
                            message: string;
                        }[];
                    };
                };
            };
            /** @description The token's scope doesn't allow this route */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable snake_case code, e.g. validation_failed, app_not_found */
                        error: string;
                        /** @description What went wrong, as a sentence for a person */
                        message: string;
                        /** @description The fields at fault, each with why (present when the request's content is) */
                        fields?: {
                            field: string;
                            message: string;
                        }[];
                    };
                };
            };
            /** @description No app has this name, or it has no flag with this key */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable snake_case code, e.g. validation_failed, app_not_found */
                        error: string;
                        /** @description What went wrong, as a sentence for a person */
                        message: string;
                        /** @description The fields at fault, each with why (present when the request's content is) */
                        fields?: {
                            field: string;
                            message: string;
                        }[];
                    };
                };
            };
            /** @description Too many requests in the last minute; the message says when to retry */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable snake_case code, e.g. validation_failed, app_not_found */
                        error: string;
                        /** @description What went wrong, as a sentence for a person */
                        message: string;
                        /** @description The fields at fault, each with why (present when the request's content is) */
                        fields?: {
                            field: string;
                            message: string;
                        }[];
                    };
                };
            };
            /** @description Pier's database or job queue can't be reached right now; try again shortly */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable snake_case code, e.g. validation_failed, app_not_found */
                        error: string;
                        /** @description What went wrong, as a sentence for a person */
                        message: string;
                        /** @description The fields at fault, each with why (present when the request's content is) */
                        fields?: {
                            field: string;
                            message: string;
                        }[];
                    };
                };
            };
        };
    };
    listReleases: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                name: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The last 200 releases, newest first */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        releases: {
                            version: number;
                            name: string;
                            /**
                             * @description What went live: a build, a rollback, a promotion, a redeploy, a flags change or a finished rollout
                             * @enum {string}
                             */
                            kind: "DEPLOY" | "ROLLBACK" | "PROMOTE" | "REDEPLOY" | "FLAGS" | "ROLLOUT";
                            /**
                             * @description Who asked: a push, the API, the dashboard, a schedule, or Pier itself (AUTO, with a reason)
                             * @enum {string}
                             */
                            cause: "PUSH" | "API" | "DASHBOARD" | "AUTO" | "SCHEDULE";
                            reason: string | null;
                            /** @description What a FLAGS release changed (null: not set before, or removed); null for other kinds */
                            changes: {
                                key: string;
                                from: boolean | string | number | (null);
                                to: boolean | string | number | (null);
                            }[] | null;
                            from: {
                                id: string;
                                shortId: string;
                            } | null;
                            to: {
                                id: string;
                                shortId: string;
                            };
                            isCurrent: boolean;
                            createdAt: string;
                        }[];
                    };
                };
            };
            /** @description The request is invalid: malformed JSON, or fields that are wrong (each named, with why) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable snake_case code, e.g. validation_failed, app_not_found */
                        error: string;
                        /** @description What went wrong, as a sentence for a person */
                        message: string;
                        /** @description The fields at fault, each with why (present when the request's content is) */
                        fields?: {
                            field: string;
                            message: string;
                        }[];
                    };
                };
            };
            /** @description No bearer token, or one that is invalid, revoked or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable snake_case code, e.g. validation_failed, app_not_found */
                        error: string;
                        /** @description What went wrong, as a sentence for a person */
                        message: string;
                        /** @description The fields at fault, each with why (present when the request's content is) */
                        fields?: {
                            field: string;
                            message: string;
                        }[];
                    };
                };
            };
            /** @description The token's scope doesn't allow this route */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable snake_case code, e.g. validation_failed, app_not_found */
                        error: string;
                        /** @description What went wrong, as a sentence for a person */
                        message: string;
                        /** @description The fields at fault, each with why (present when the request's content is) */
                        fields?: {
                            field: string;
                            message: string;
                        }[];
                    };
                };
            };
            /** @description No app has this name */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable snake_case code, e.g. validation_failed, app_not_found */
                        error: string;
                        /** @description What went wrong, as a sentence for a person */
                        message: string;
                        /** @description The fields at fault, each with why (present when the request's content is) */
                        fields?: {
                            field: string;
                            message: string;
                        }[];
                    };
                };
            };
            /** @description Too many requests in the last minute; the message says when to retry */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable snake_case code, e.g. validation_failed, app_not_found */
                        error: string;
                        /** @description What went wrong, as a sentence for a person */
                        message: string;
                        /** @description The fields at fault, each with why (present when the request's content is) */
                        fields?: {
                            field: string;
                            message: string;
                        }[];
                    };
                };
            };
            /** @description Pier's database or job queue can't be reached right now; try again shortly */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable snake_case code, e.g. validation_failed, app_not_found */
                        error: string;
                        /** @description What went wrong, as a sentence for a person */
                        message: string;
                        /** @description The fields at fault, each with why (present when the request's content is) */
                        fields?: {
                            field: string;
                            message: string;
                        }[];
                    };
                };
            };
        };
    };
    rollbackApp: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                name: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": {
                    /** @description The deployment to put back (default: the previous one) */
                    deploymentId?: string;
                };
            };
        };
        responses: {
            /** @description The release made, and the deployment now live */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        release: {
                            version: number;
                            name: string;
                            /**
                             * @description What went live: a build, a rollback, a promotion, a redeploy, a flags change or a finished rollout
                             * @enum {string}
                             */
                            kind: "DEPLOY" | "ROLLBACK" | "PROMOTE" | "REDEPLOY" | "FLAGS" | "ROLLOUT";
                            /**
                             * @description Who asked: a push, the API, the dashboard, a schedule, or Pier itself (AUTO, with a reason)
                             * @enum {string}
                             */
                            cause: "PUSH" | "API" | "DASHBOARD" | "AUTO" | "SCHEDULE";
                            reason: string | null;
                            /** @description What a FLAGS release changed (null: not set before, or removed); null for other kinds */
                            changes: {
                                key: string;
                                from: boolean | string | number | (null);
                                to: boolean | string | number | (null);
                            }[] | null;
                            from: {
                                id: string;
                                shortId: string;
                            } | null;
                            to: {
                                id: string;
                                shortId: string;
                            };
                            isCurrent: boolean;
                            createdAt: string;
                        };
                        deployment: {
                            id: string;
                            shortId: string;
                            app: string;
                            /** @enum {string} */
                            status: "QUEUED" | "BUILDING" | "DEPLOYING" | "READY" | "FAILED" | "CANCELLED";
                            reason: string | null;
                            trigger: string;
                            branch: string;
                            previewUrl: string | null;
                            commitSha: string | null;
                            commitMessage: string | null;
                            commitAuthor: string | null;
                            commitAuthorEmail: string | null;
                            committedAt: string | null;
                            imageTag: string | null;
                            isProduction: boolean;
                            url: string | null;
                            createdAt: string;
                            startedAt: string | null;
                            finishedAt: string | null;
                            durationMs: number | null;
                            port: number | null;
                            phases: {
                                [key: string]: number;
                            } | null;
                            promote: boolean;
                            staged: string | null;
                        };
                        started: boolean;
                        routed: boolean;
                    };
                };
            };
            /** @description The request is invalid: malformed JSON, or fields that are wrong (each named, with why) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable snake_case code, e.g. validation_failed, app_not_found */
                        error: string;
                        /** @description What went wrong, as a sentence for a person */
                        message: string;
                        /** @description The fields at fault, each with why (present when the request's content is) */
                        fields?: {
                            field: string;
                            message: string;
                        }[];
                    };
                };
            };
            /** @description No bearer token, or one that is invalid, revoked or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable snake_case code, e.g. validation_failed, app_not_found */
                        error: string;
                        /** @description What went wrong, as a sentence for a person */
                        message: string;
                        /** @description The fields at fault, each with why (present when the request's content is) */
                        fields?: {
                            field: string;
                            message: string;
                        }[];
                    };
                };
            };
            /** @description The token's scope doesn't allow this route */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable snake_case code, e.g. validation_failed, app_not_found */
                        error: string;
                        /** @description What went wrong, as a sentence for a person */
                        message: string;
                        /** @description The fields at fault, each with why (present when the request's content is) */
                        fields?: {
                            field: string;
                            message: string;
                        }[];
                    };
                };
            };
            /** @description No app has this name, or it has no deployment with this id */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable snake_case code, e.g. validation_failed, app_not_found */
                        error: string;
                        /** @description What went wrong, as a sentence for a person */
                        message: string;
                        /** @description The fields at fault, each with why (present when the request's content is) */
                        fields?: {
                            field: string;
                            message: string;
                        }[];
                    };
                };
            };
            /** @description That deployment can't go live: not READY, already live, no earlier production, or its image was pruned */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable snake_case code, e.g. validation_failed, app_not_found */
                        error: string;
                        /** @description What went wrong, as a sentence for a person */
                        message: string;
                        /** @description The fields at fault, each with why (present when the request's content is) */
                        fields?: {
                            field: string;
                            message: string;
                        }[];
                    };
                };
            };
            /** @description The body is larger than this route accepts */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable snake_case code, e.g. validation_failed, app_not_found */
                        error: string;
                        /** @description What went wrong, as a sentence for a person */
                        message: string;
                        /** @description The fields at fault, each with why (present when the request's content is) */
                        fields?: {
                            field: string;
                            message: string;
                        }[];
                    };
                };
            };
            /** @description The body's Content-Type is not application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable snake_case code, e.g. validation_failed, app_not_found */
                        error: string;
                        /** @description What went wrong, as a sentence for a person */
                        message: string;
                        /** @description The fields at fault, each with why (present when the request's content is) */
                        fields?: {
                            field: string;
                            message: string;
                        }[];
                    };
                };
            };
            /** @description The deployment failed its health check; production is untouched */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable snake_case code, e.g. validation_failed, app_not_found */
                        error: string;
                        /** @description What went wrong, as a sentence for a person */
                        message: string;
                        /** @description The fields at fault, each with why (present when the request's content is) */
                        fields?: {
                            field: string;
                            message: string;
                        }[];
                    };
                };
            };
            /** @description Too many requests in the last minute; the message says when to retry */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable snake_case code, e.g. validation_failed, app_not_found */
                        error: string;
                        /** @description What went wrong, as a sentence for a person */
                        message: string;
                        /** @description The fields at fault, each with why (present when the request's content is) */
                        fields?: {
                            field: string;
                            message: string;
                        }[];
                    };
                };
            };
            /** @description Pier's database or job queue can't be reached right now; try again shortly */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable snake_case code, e.g. validation_failed, app_not_found */
                        error: string;
                        /** @description What went wrong, as a sentence for a person */
                        message: string;
                        /** @description The fields at fault, each with why (present when the request's content is) */
                        fields?: {
                            field: string;
                            message: string;
                        }[];
                    };
                };
            };
        };
    };
    promoteDeployment: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                name: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    deploymentId: string;
                };
            };
        };
        responses: {
            /** @description The release made, and the deployment now live */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        release: {
                            version: number;
                            name: string;
                            /**
                             * @description What went live: a build, a rollback, a promotion, a redeploy, a flags change or a finished rollout
                             * @enum {string}
                             */
                            kind: "DEPLOY" | "ROLLBACK" | "PROMOTE" | "REDEPLOY" | "FLAGS" | "ROLLOUT";
                            /**
                             * @description Who asked: a push, the API, the dashboard, a schedule, or Pier itself (AUTO, with a reason)
                             * @enum {string}
                             */
                            cause: "PUSH" | "API" | "DASHBOARD" | "AUTO" | "SCHEDULE";
                            reason: string | null;
                            /** @description What a FLAGS release changed (null: not set before, or removed); null for other kinds */
                            changes: {
                                key: string;
                                from: boolean | string | number | (null);
                                to: boolean | string | number | (null);
                            }[] | null;
                            from: {
                                id: string;
                                shortId: string;
                            } | null;
                            to: {
                                id: string;
                                shortId: string;
                            };
                            isCurrent: boolean;
                            createdAt: string;
                        };
                        deployment: {
                            id: string;
                            shortId: string;
                            app: string;
                            /** @enum {string} */
                            status: "QUEUED" | "BUILDING" | "DEPLOYING" | "READY" | "FAILED" | "CANCELLED";
                            reason: string | null;
                            trigger: string;
                            branch: string;
                            previewUrl: string | null;
                            commitSha: string | null;
                            commitMessage: string | null;
                            commitAuthor: string | null;
                            commitAuthorEmail: string | null;
                            committedAt: string | null;
                            imageTag: string | null;
                            isProduction: boolean;
                            url: string | null;
                            createdAt: string;
                            startedAt: string | null;
                            finishedAt: string | null;
                            durationMs: number | null;
                            port: number | null;
                            phases: {
                                [key: string]: number;
                            } | null;
                            promote: boolean;
                            staged: string | null;
                        };
                        started: boolean;
                        routed: boolean;
                    };
                };
            };
            /** @description The request is invalid: malformed JSON, or fields that are wrong (each named, with why) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable snake_case code, e.g. validation_failed, app_not_found */
                        error: string;
                        /** @description What went wrong, as a sentence for a person */
                        message: string;
                        /** @description The fields at fault, each with why (present when the request's content is) */
                        fields?: {
                            field: string;
                            message: string;
                        }[];
                    };
                };
            };
            /** @description No bearer token, or one that is invalid, revoked or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable snake_case code, e.g. validation_failed, app_not_found */
                        error: string;
                        /** @description What went wrong, as a sentence for a person */
                        message: string;
                        /** @description The fields at fault, each with why (present when the request's content is) */
                        fields?: {
                            field: string;
                            message: string;
                        }[];
                    };
                };
            };
            /** @description The token's scope doesn't allow this route */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable snake_case code, e.g. validation_failed, app_not_found */
                        error: string;
                        /** @description What went wrong, as a sentence for a person */
                        message: string;
                        /** @description The fields at fault, each with why (present when the request's content is) */
                        fields?: {
                            field: string;
                            message: string;
                        }[];
                    };
                };
            };
            /** @description No app has this name, or it has no deployment with this id */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable snake_case code, e.g. validation_failed, app_not_found */
                        error: string;
                        /** @description What went wrong, as a sentence for a person */
                        message: string;
                        /** @description The fields at fault, each with why (present when the request's content is) */
                        fields?: {
                            field: string;
                            message: string;
                        }[];
                    };
                };
            };
            /** @description That deployment can't go live: not READY, already live, no earlier production, or its image was pruned */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable snake_case code, e.g. validation_failed, app_not_found */
                        error: string;
                        /** @description What went wrong, as a sentence for a person */
                        message: string;
                        /** @description The fields at fault, each with why (present when the request's content is) */
                        fields?: {
                            field: string;
                            message: string;
                        }[];
                    };
                };
            };
            /** @description The body is larger than this route accepts */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable snake_case code, e.g. validation_failed, app_not_found */
                        error: string;
                        /** @description What went wrong, as a sentence for a person */
                        message: string;
                        /** @description The fields at fault, each with why (present when the request's content is) */
                        fields?: {
                            field: string;
                            message: string;
                        }[];
                    };
                };
            };
            /** @description The body's Content-Type is not application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable snake_case code, e.g. validation_failed, app_not_found */
                        error: string;
                        /** @description What went wrong, as a sentence for a person */
                        message: string;
                        /** @description The fields at fault, each with why (present when the request's content is) */
                        fields?: {
                            field: string;
                            message: string;
                        }[];
                    };
                };
            };
            /** @description The deployment failed its health check; production is untouched */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable snake_case code, e.g. validation_failed, app_not_found */
                        error: string;
                        /** @description What went wrong, as a sentence for a person */
                        message: string;
                        /** @description The fields at fault, each with why (present when the request's content is) */
                        fields?: {
                            field: string;
                            message: string;
                        }[];
                    };
                };
            };
            /** @description Too many requests in the last minute; the message says when to retry */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable snake_case code, e.g. validation_failed, app_not_found */
                        error: string;
                        /** @description What went wrong, as a sentence for a person */
                        message: string;
                        /** @description The fields at fault, each with why (present when the request's content is) */
                        fields?: {
                            field: string;
                            message: string;
                        }[];
                    };
                };
            };
            /** @description Pier's database or job queue can't be reached right now; try again shortly */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable snake_case code, e.g. validation_failed, app_not_found */
                        error: string;
                        /** @description What went wrong, as a sentence for a person */
                        message: string;
                        /** @description The fields at fault, each with why (present when the request's content is) */
                        fields?: {
                            field: string;
                            message: string;
                        }[];
                    };
                };
            };
        };
    };
    listWebhookDeliveries: {
        parameters: {
            query?: {
                limit?: number;
            };
            header?: never;
            path: {
                name: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The deliveries, newest first */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        deliveries: {
                            id: string;
                            githubId: string | null;
                            event: string;
                            receivedAt: string;
                            /**
                             * @description deployed (a deployment was queued), ignored (with why), rejected (refused, with why), stopped (a deleted branch's preview), caught (no delivery came: the head check found the push and deployed it)
                             * @enum {string}
                             */
                            outcome: "deployed" | "ignored" | "rejected" | "stopped" | "caught";
                            reason: string | null;
                            branch: string | null;
                            commitSha: string | null;
                            /** @description The deployment it made or named, as it stands now (null when none or since deleted) */
                            deployment: {
                                id: string;
                                shortId: string;
                                status: string;
                                reason: string | null;
                            } | null;
                        }[];
                    };
                };
            };
            /** @description The request is invalid: malformed JSON, or fields that are wrong (each named, with why) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable snake_case code, e.g. validation_failed, app_not_found */
                        error: string;
                        /** @description What went wrong, as a sentence for a person */
                        message: string;
                        /** @description The fields at fault, each with why (present when the request's content is) */
                        fields?: {
                            field: string;
                            message: string;
                        }[];
                    };
                };
            };
            /** @description No bearer token, or one that is invalid, revoked or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable snake_case code, e.g. validation_failed, app_not_found */
                        error: string;
                        /** @description What went wrong, as a sentence for a person */
                        message: string;
                        /** @description The fields at fault, each with why (present when the request's content is) */
                        fields?: {
                            field: string;
                            message: string;
                        }[];
                    };
                };
            };
            /** @description The token's scope doesn't allow this route */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable snake_case code, e.g. validation_failed, app_not_found */
                        error: string;
                        /** @description What went wrong, as a sentence for a person */
                        message: string;
                        /** @description The fields at fault, each with why (present when the request's content is) */
                        fields?: {
                            field: string;
                            message: string;
                        }[];
                    };
                };
            };
            /** @description No app has this name */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable snake_case code, e.g. validation_failed, app_not_found */
                        error: string;
                        /** @description What went wrong, as a sentence for a person */
                        message: string;
                        /** @description The fields at fault, each with why (present when the request's content is) */
                        fields?: {
                            field: string;
                            message: string;
                        }[];
                    };
                };
            };
            /** @description Too many requests in the last minute; the message says when to retry */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable snake_case code, e.g. validation_failed, app_not_found */
                        error: string;
                        /** @description What went wrong, as a sentence for a person */
                        message: string;
                        /** @description The fields at fault, each with why (present when the request's content is) */
                        fields?: {
                            field: string;
                            message: string;
                        }[];
                    };
                };
            };
            /** @description Pier's database or job queue can't be reached right now; try again shortly */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable snake_case code, e.g. validation_failed, app_not_found */
                        error: string;
                        /** @description What went wrong, as a sentence for a person */
                        message: string;
                        /** @description The fields at fault, each with why (present when the request's content is) */
                        fields?: {
                            field: string;
                            message: string;
                        }[];
                    };
                };
            };
        };
    };
    getRuntimeLogs: {
        parameters: {
            query?: {
                tail?: number;
                follow?: "true" | "false";
            };
            header?: never;
            path: {
                name: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The log lines (text/plain) */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": string;
                };
            };
            /** @description The request is invalid: malformed JSON, or fields that are wrong (each named, with why) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable snake_case code, e.g. validation_failed, app_not_found */
                        error: string;
                        /** @description What went wrong, as a sentence for a person */
                        message: string;
                        /** @description The fields at fault, each with why (present when the request's content is) */
                        fields?: {
                            field: string;
                            message: string;
                        }[];
                    };
                };
            };
            /** @description No bearer token, or one that is invalid, revoked or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable snake_case code, e.g. validation_failed, app_not_found */
                        error: string;
                        /** @description What went wrong, as a sentence for a person */
                        message: string;
                        /** @description The fields at fault, each with why (present when the request's content is) */
                        fields?: {
                            field: string;
                            message: string;
                        }[];
                    };
                };
            };
            /** @description The token's scope doesn't allow this route */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable snake_case code, e.g. validation_failed, app_not_found */
                        error: string;
                        /** @description What went wrong, as a sentence for a person */
                        message: string;
                        /** @description The fields at fault, each with why (present when the request's content is) */
                        fields?: {
                            field: string;
                            message: string;
                        }[];
                    };
                };
            };
            /** @description No app has this name */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable snake_case code, e.g. validation_failed, app_not_found */
                        error: string;
                        /** @description What went wrong, as a sentence for a person */
                        message: string;
                        /** @description The fields at fault, each with why (present when the request's content is) */
                        fields?: {
                            field: string;
                            message: string;
                        }[];
                    };
                };
            };
            /** @description The app has no running production container */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable snake_case code, e.g. validation_failed, app_not_found */
                        error: string;
                        /** @description What went wrong, as a sentence for a person */
                        message: string;
                        /** @description The fields at fault, each with why (present when the request's content is) */
                        fields?: {
                            field: string;
                            message: string;
                        }[];
                    };
                };
            };
            /** @description Too many requests in the last minute; the message says when to retry */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable snake_case code, e.g. validation_failed, app_not_found */
                        error: string;
                        /** @description What went wrong, as a sentence for a person */
                        message: string;
                        /** @description The fields at fault, each with why (present when the request's content is) */
                        fields?: {
                            field: string;
                            message: string;
                        }[];
                    };
                };
            };
            /** @description Pier's database or job queue can't be reached right now; try again shortly */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable snake_case code, e.g. validation_failed, app_not_found */
                        error: string;
                        /** @description What went wrong, as a sentence for a person */
                        message: string;
                        /** @description The fields at fault, each with why (present when the request's content is) */
                        fields?: {
                            field: string;
                            message: string;
                        }[];
                    };
                };
            };
        };
    };
    streamRuntimeLogs: {
        parameters: {
            query?: {
                tail?: number;
                follow?: "true" | "false";
            };
            header?: never;
            path: {
                name: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The log as text/event-stream */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": string;
                };
            };
            /** @description The request is invalid: malformed JSON, or fields that are wrong (each named, with why) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable snake_case code, e.g. validation_failed, app_not_found */
                        error: string;
                        /** @description What went wrong, as a sentence for a person */
                        message: string;
                        /** @description The fields at fault, each with why (present when the request's content is) */
                        fields?: {
                            field: string;
                            message: string;
                        }[];
                    };
                };
            };
            /** @description No bearer token, or one that is invalid, revoked or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable snake_case code, e.g. validation_failed, app_not_found */
                        error: string;
                        /** @description What went wrong, as a sentence for a person */
                        message: string;
                        /** @description The fields at fault, each with why (present when the request's content is) */
                        fields?: {
                            field: string;
                            message: string;
                        }[];
                    };
                };
            };
            /** @description The token's scope doesn't allow this route */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable snake_case code, e.g. validation_failed, app_not_found */
                        error: string;
                        /** @description What went wrong, as a sentence for a person */
                        message: string;
                        /** @description The fields at fault, each with why (present when the request's content is) */
                        fields?: {
                            field: string;
                            message: string;
                        }[];
                    };
                };
            };
            /** @description No app has this name */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable snake_case code, e.g. validation_failed, app_not_found */
                        error: string;
                        /** @description What went wrong, as a sentence for a person */
                        message: string;
                        /** @description The fields at fault, each with why (present when the request's content is) */
                        fields?: {
                            field: string;
                            message: string;
                        }[];
                    };
                };
            };
            /** @description The app has no running production container */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable snake_case code, e.g. validation_failed, app_not_found */
                        error: string;
                        /** @description What went wrong, as a sentence for a person */
                        message: string;
                        /** @description The fields at fault, each with why (present when the request's content is) */
                        fields?: {
                            field: string;
                            message: string;
                        }[];
                    };
                };
            };
            /** @description Too many requests in the last minute; the message says when to retry */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable snake_case code, e.g. validation_failed, app_not_found */
                        error: string;
                        /** @description What went wrong, as a sentence for a person */
                        message: string;
                        /** @description The fields at fault, each with why (present when the request's content is) */
                        fields?: {
                            field: string;
                            message: string;
                        }[];
                    };
                };
            };
            /** @description Pier's database or job queue can't be reached right now; try again shortly */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable snake_case code, e.g. validation_failed, app_not_found */
                        error: string;
                        /** @description What went wrong, as a sentence for a person */
                        message: string;
                        /** @description The fields at fault, each with why (present when the request's content is) */
                        fields?: {
                            field: string;
                            message: string;
                        }[];
                    };
                };
            };
        };
    };
    runCommand: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                name: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    command: string[];
                    /** @default 300 */
                    timeoutSeconds?: number;
                };
            };
        };
        responses: {
            /** @description The command's exit code and output (stdout and stderr, env values redacted) */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        deploymentId: string;
                        exitCode: number;
                        output: string;
                        timedOut: boolean;
                        durationMs: number;
                    };
                };
            };
            /** @description The request is invalid: malformed JSON, or fields that are wrong (each named, with why) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable snake_case code, e.g. validation_failed, app_not_found */
                        error: string;
                        /** @description What went wrong, as a sentence for a person */
                        message: string;
                        /** @description The fields at fault, each with why (present when the request's content is) */
                        fields?: {
                            field: string;
                            message: string;
                        }[];
                    };
                };
            };
            /** @description No bearer token, or one that is invalid, revoked or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable snake_case code, e.g. validation_failed, app_not_found */
                        error: string;
                        /** @description What went wrong, as a sentence for a person */
                        message: string;
                        /** @description The fields at fault, each with why (present when the request's content is) */
                        fields?: {
                            field: string;
                            message: string;
                        }[];
                    };
                };
            };
            /** @description The token's scope doesn't allow this route */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable snake_case code, e.g. validation_failed, app_not_found */
                        error: string;
                        /** @description What went wrong, as a sentence for a person */
                        message: string;
                        /** @description The fields at fault, each with why (present when the request's content is) */
                        fields?: {
                            field: string;
                            message: string;
                        }[];
                    };
                };
            };
            /** @description No app has this name */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable snake_case code, e.g. validation_failed, app_not_found */
                        error: string;
                        /** @description What went wrong, as a sentence for a person */
                        message: string;
                        /** @description The fields at fault, each with why (present when the request's content is) */
                        fields?: {
                            field: string;
                            message: string;
                        }[];
                    };
                };
            };
            /** @description The app has no running production container */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable snake_case code, e.g. validation_failed, app_not_found */
                        error: string;
                        /** @description What went wrong, as a sentence for a person */
                        message: string;
                        /** @description The fields at fault, each with why (present when the request's content is) */
                        fields?: {
                            field: string;
                            message: string;
                        }[];
                    };
                };
            };
            /** @description The body is larger than this route accepts */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable snake_case code, e.g. validation_failed, app_not_found */
                        error: string;
                        /** @description What went wrong, as a sentence for a person */
                        message: string;
                        /** @description The fields at fault, each with why (present when the request's content is) */
                        fields?: {
                            field: string;
                            message: string;
                        }[];
                    };
                };
            };
            /** @description The body's Content-Type is not application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable snake_case code, e.g. validation_failed, app_not_found */
                        error: string;
                        /** @description What went wrong, as a sentence for a person */
                        message: string;
                        /** @description The fields at fault, each with why (present when the request's content is) */
                        fields?: {
                            field: string;
                            message: string;
                        }[];
                    };
                };
            };
            /** @description Too many requests in the last minute; the message says when to retry */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable snake_case code, e.g. validation_failed, app_not_found */
                        error: string;
                        /** @description What went wrong, as a sentence for a person */
                        message: string;
                        /** @description The fields at fault, each with why (present when the request's content is) */
                        fields?: {
                            field: string;
                            message: string;
                        }[];
                    };
                };
            };
            /** @description Pier's database or job queue can't be reached right now; try again shortly */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable snake_case code, e.g. validation_failed, app_not_found */
                        error: string;
                        /** @description What went wrong, as a sentence for a person */
                        message: string;
                        /** @description The fields at fault, each with why (present when the request's content is) */
                        fields?: {
                            field: string;
                            message: string;
                        }[];
                    };
                };
            };
        };
    };
    getAutoscale: {
        parameters: {
            query?: {
                limit?: number;
            };
            header?: never;
            path: {
                name: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The policy, the replicas wanted, and the decisions, newest first */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        policy: {
                            min: number;
                            max: number;
                            targetConcurrency: number;
                            targetRps?: number;
                            scaleDownDelaySeconds: number;
                            idleTimeoutSeconds: number;
                        } | null;
                        desired: number;
                        decisions: {
                            at: string;
                            from: number;
                            to: number;
                            /** @enum {string} */
                            by: "api" | "dashboard" | "autoscaler";
                            reason: string;
                            panic: boolean;
                            panicConcurrency: number;
                            stableConcurrency: number;
                            requestsPerSecond: number;
                        }[];
                    };
                };
            };
            /** @description The request is invalid: malformed JSON, or fields that are wrong (each named, with why) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable snake_case code, e.g. validation_failed, app_not_found */
                        error: string;
                        /** @description What went wrong, as a sentence for a person */
                        message: string;
                        /** @description The fields at fault, each with why (present when the request's content is) */
                        fields?: {
                            field: string;
                            message: string;
                        }[];
                    };
                };
            };
            /** @description No bearer token, or one that is invalid, revoked or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable snake_case code, e.g. validation_failed, app_not_found */
                        error: string;
                        /** @description What went wrong, as a sentence for a person */
                        message: string;
                        /** @description The fields at fault, each with why (present when the request's content is) */
                        fields?: {
                            field: string;
                            message: string;
                        }[];
                    };
                };
            };
            /** @description The token's scope doesn't allow this route */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable snake_case code, e.g. validation_failed, app_not_found */
                        error: string;
                        /** @description What went wrong, as a sentence for a person */
                        message: string;
                        /** @description The fields at fault, each with why (present when the request's content is) */
                        fields?: {
                            field: string;
                            message: string;
                        }[];
                    };
                };
            };
            /** @description No app has this name */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable snake_case code, e.g. validation_failed, app_not_found */
                        error: string;
                        /** @description What went wrong, as a sentence for a person */
                        message: string;
                        /** @description The fields at fault, each with why (present when the request's content is) */
                        fields?: {
                            field: string;
                            message: string;
                        }[];
                    };
                };
            };
            /** @description Too many requests in the last minute; the message says when to retry */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable snake_case code, e.g. validation_failed, app_not_found */
                        error: string;
                        /** @description What went wrong, as a sentence for a person */
                        message: string;
                        /** @description The fields at fault, each with why (present when the request's content is) */
                        fields?: {
                            field: string;
                            message: string;
                        }[];
                    };
                };
            };
            /** @description Pier's database or job queue can't be reached right now; try again shortly */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable snake_case code, e.g. validation_failed, app_not_found */
                        error: string;
                        /** @description What went wrong, as a sentence for a person */
                        message: string;
                        /** @description The fields at fault, each with why (present when the request's content is) */
                        fields?: {
                            field: string;
                            message: string;
                        }[];
                    };
                };
            };
        };
    };
    scaleApp: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                name: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description 0 … PIER_MAX_REPLICAS */
                    replicas?: number;
                    /** @description Memory limit of each replica, MB (16 … PIER_MAX_MEMORY_MB); null: the default */
                    memoryMb?: number | null;
                    /** @description CPUs of each replica (0.05 … PIER_MAX_CPUS); null: the default */
                    cpus?: number | null;
                };
            };
        };
        responses: {
            /** @description The replicas now, the indexes started and stopped, and the resources and their redeploy */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        replicas: {
                            desired: number;
                            running: number;
                            /**
                             * @description RUNNING: all serve. DEGRADED: fewer than desired. CRASH_LOOP: one keeps dying. ENGINE_UNAVAILABLE, IMAGE_MISSING, REBUILDING, NO_SPACE: one can't start because of the engine or the machine, not the app (the engine can't be reached, the deployment's image is gone, Pier is building that image again from its commit, the disk is full). STOPPED: 0 desired. NOT_DEPLOYED.
                             * @enum {string}
                             */
                            state: "RUNNING" | "DEGRADED" | "CRASH_LOOP" | "ENGINE_UNAVAILABLE" | "IMAGE_MISSING" | "REBUILDING" | "NO_SPACE" | "STOPPED" | "NOT_DEPLOYED";
                            replicas: {
                                index: number;
                                /**
                                 * @description STARTING; RUNNING; BACKOFF: waiting to start again after a loss; CRASH_LOOP: lost 3 times in a row; ENGINE_UNAVAILABLE, IMAGE_MISSING, NO_SPACE: can't start because of the engine or the machine, not counted against the app, tried again every few seconds; REBUILDING: its image was gone and is being built again from the deployment's commit, starts once it is there; LOST: its container stopped, not replaced yet; MISSING: not started yet.
                                 * @enum {string}
                                 */
                                phase: "STARTING" | "RUNNING" | "BACKOFF" | "CRASH_LOOP" | "ENGINE_UNAVAILABLE" | "IMAGE_MISSING" | "REBUILDING" | "NO_SPACE" | "LOST" | "MISSING";
                                containerId: string | null;
                                restarts: number;
                                lastReason: string | null;
                                nextAttemptAt: string | null;
                            }[];
                        };
                        started: number[];
                        stopped: number[];
                        /** @description The app's memory and CPU settings now (null values: the default); null: not changed */
                        resources: {
                            memoryMb: number | null;
                            cpus: number | null;
                            message: string;
                        } | null;
                        /** @description The redeploy that applies new resources, queued */
                        redeploy: {
                            id: string;
                            shortId: string;
                            app: string;
                            /** @enum {string} */
                            status: "QUEUED" | "BUILDING" | "DEPLOYING" | "READY" | "FAILED" | "CANCELLED";
                            reason: string | null;
                            trigger: string;
                            branch: string;
                            previewUrl: string | null;
                            commitSha: string | null;
                            commitMessage: string | null;
                            commitAuthor: string | null;
                            commitAuthorEmail: string | null;
                            committedAt: string | null;
                            imageTag: string | null;
                            isProduction: boolean;
                            url: string | null;
                            createdAt: string;
                            startedAt: string | null;
                            finishedAt: string | null;
                            durationMs: number | null;
                            port: number | null;
                            phases: {
                                [key: string]: number;
                            } | null;
                            promote: boolean;
                            staged: string | null;
                            /** @description The production deployment whose image it starts again */
                            redeployOf: string;
                            /** @description What it does, in words */
                            message: string;
                        } | null;
                    };
                };
            };
            /** @description The request is invalid: malformed JSON, or fields that are wrong (each named, with why) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable snake_case code, e.g. validation_failed, app_not_found */
                        error: string;
                        /** @description What went wrong, as a sentence for a person */
                        message: string;
                        /** @description The fields at fault, each with why (present when the request's content is) */
                        fields?: {
                            field: string;
                            message: string;
                        }[];
                    };
                };
            };
            /** @description No bearer token, or one that is invalid, revoked or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable snake_case code, e.g. validation_failed, app_not_found */
                        error: string;
                        /** @description What went wrong, as a sentence for a person */
                        message: string;
                        /** @description The fields at fault, each with why (present when the request's content is) */
                        fields?: {
                            field: string;
                            message: string;
                        }[];
                    };
                };
            };
            /** @description The token's scope doesn't allow this route */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable snake_case code, e.g. validation_failed, app_not_found */
                        error: string;
                        /** @description What went wrong, as a sentence for a person */
                        message: string;
                        /** @description The fields at fault, each with why (present when the request's content is) */
                        fields?: {
                            field: string;
                            message: string;
                        }[];
                    };
                };
            };
            /** @description No app has this name */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable snake_case code, e.g. validation_failed, app_not_found */
                        error: string;
                        /** @description What went wrong, as a sentence for a person */
                        message: string;
                        /** @description The fields at fault, each with why (present when the request's content is) */
                        fields?: {
                            field: string;
                            message: string;
                        }[];
                    };
                };
            };
            /** @description The app has an autoscale policy (which sets the count), or nothing live to run */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable snake_case code, e.g. validation_failed, app_not_found */
                        error: string;
                        /** @description What went wrong, as a sentence for a person */
                        message: string;
                        /** @description The fields at fault, each with why (present when the request's content is) */
                        fields?: {
                            field: string;
                            message: string;
                        }[];
                    };
                };
            };
            /** @description The body is larger than this route accepts */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable snake_case code, e.g. validation_failed, app_not_found */
                        error: string;
                        /** @description What went wrong, as a sentence for a person */
                        message: string;
                        /** @description The fields at fault, each with why (present when the request's content is) */
                        fields?: {
                            field: string;
                            message: string;
                        }[];
                    };
                };
            };
            /** @description The body's Content-Type is not application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable snake_case code, e.g. validation_failed, app_not_found */
                        error: string;
                        /** @description What went wrong, as a sentence for a person */
                        message: string;
                        /** @description The fields at fault, each with why (present when the request's content is) */
                        fields?: {
                            field: string;
                            message: string;
                        }[];
                    };
                };
            };
            /** @description Too many requests in the last minute; the message says when to retry */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable snake_case code, e.g. validation_failed, app_not_found */
                        error: string;
                        /** @description What went wrong, as a sentence for a person */
                        message: string;
                        /** @description The fields at fault, each with why (present when the request's content is) */
                        fields?: {
                            field: string;
                            message: string;
                        }[];
                    };
                };
            };
            /** @description Pier's database or job queue can't be reached right now; try again shortly */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable snake_case code, e.g. validation_failed, app_not_found */
                        error: string;
                        /** @description What went wrong, as a sentence for a person */
                        message: string;
                        /** @description The fields at fault, each with why (present when the request's content is) */
                        fields?: {
                            field: string;
                            message: string;
                        }[];
                    };
                };
            };
        };
    };
    redeployApp: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                name: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The redeploy, queued */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                        shortId: string;
                        app: string;
                        /** @enum {string} */
                        status: "QUEUED" | "BUILDING" | "DEPLOYING" | "READY" | "FAILED" | "CANCELLED";
                        reason: string | null;
                        trigger: string;
                        branch: string;
                        previewUrl: string | null;
                        commitSha: string | null;
                        commitMessage: string | null;
                        commitAuthor: string | null;
                        commitAuthorEmail: string | null;
                        committedAt: string | null;
                        imageTag: string | null;
                        isProduction: boolean;
                        url: string | null;
                        createdAt: string;
                        startedAt: string | null;
                        finishedAt: string | null;
                        durationMs: number | null;
                        port: number | null;
                        phases: {
                            [key: string]: number;
                        } | null;
                        promote: boolean;
                        staged: string | null;
                        /** @description The production deployment whose image it starts again */
                        redeployOf: string;
                        /** @description What it does, in words */
                        message: string;
                    };
                };
            };
            /** @description The request is invalid: malformed JSON, or fields that are wrong (each named, with why) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable snake_case code, e.g. validation_failed, app_not_found */
                        error: string;
                        /** @description What went wrong, as a sentence for a person */
                        message: string;
                        /** @description The fields at fault, each with why (present when the request's content is) */
                        fields?: {
                            field: string;
                            message: string;
                        }[];
                    };
                };
            };
            /** @description No bearer token, or one that is invalid, revoked or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable snake_case code, e.g. validation_failed, app_not_found */
                        error: string;
                        /** @description What went wrong, as a sentence for a person */
                        message: string;
                        /** @description The fields at fault, each with why (present when the request's content is) */
                        fields?: {
                            field: string;
                            message: string;
                        }[];
                    };
                };
            };
            /** @description The token's scope doesn't allow this route */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable snake_case code, e.g. validation_failed, app_not_found */
                        error: string;
                        /** @description What went wrong, as a sentence for a person */
                        message: string;
                        /** @description The fields at fault, each with why (present when the request's content is) */
                        fields?: {
                            field: string;
                            message: string;
                        }[];
                    };
                };
            };
            /** @description No app has this name */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable snake_case code, e.g. validation_failed, app_not_found */
                        error: string;
                        /** @description What went wrong, as a sentence for a person */
                        message: string;
                        /** @description The fields at fault, each with why (present when the request's content is) */
                        fields?: {
                            field: string;
                            message: string;
                        }[];
                    };
                };
            };
            /** @description The app has no production deployment, or its image was pruned (deploy again) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable snake_case code, e.g. validation_failed, app_not_found */
                        error: string;
                        /** @description What went wrong, as a sentence for a person */
                        message: string;
                        /** @description The fields at fault, each with why (present when the request's content is) */
                        fields?: {
                            field: string;
                            message: string;
                        }[];
                    };
                };
            };
            /** @description Too many requests in the last minute; the message says when to retry */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable snake_case code, e.g. validation_failed, app_not_found */
                        error: string;
                        /** @description What went wrong, as a sentence for a person */
                        message: string;
                        /** @description The fields at fault, each with why (present when the request's content is) */
                        fields?: {
                            field: string;
                            message: string;
                        }[];
                    };
                };
            };
            /** @description The job queue (Redis) or the database can't be reached */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable snake_case code, e.g. validation_failed, app_not_found */
                        error: string;
                        /** @description What went wrong, as a sentence for a person */
                        message: string;
                        /** @description The fields at fault, each with why (present when the request's content is) */
                        fields?: {
                            field: string;
                            message: string;
                        }[];
                    };
                };
            };
        };
    };
    getAppMetrics: {
        parameters: {
            query?: {
                window?: "15m" | "1h" | "6h" | "24h" | "7d";
            };
            header?: never;
            path: {
                name: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The series over the window, and its totals */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        window: string;
                        stepSeconds: number;
                        from: string;
                        to: string;
                        series: {
                            t: string;
                            requests: number;
                            requestsPerSecond: number;
                            errors: number;
                            errorRate: number | null;
                            p50Ms: number | null;
                            p95Ms: number | null;
                            p99Ms: number | null;
                            cpuPercent: number | null;
                            memoryMb: number | null;
                            replicas: number | null;
                        }[];
                        totals: {
                            requests: number;
                            status1xx: number;
                            status2xx: number;
                            status3xx: number;
                            status4xx: number;
                            status5xx: number;
                            errorRate: number | null;
                            p50Ms: number | null;
                            p95Ms: number | null;
                            p99Ms: number | null;
                            restarts: number;
                        };
                    };
                };
            };
            /** @description The request is invalid: malformed JSON, or fields that are wrong (each named, with why) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable snake_case code, e.g. validation_failed, app_not_found */
                        error: string;
                        /** @description What went wrong, as a sentence for a person */
                        message: string;
                        /** @description The fields at fault, each with why (present when the request's content is) */
                        fields?: {
                            field: string;
                            message: string;
                        }[];
                    };
                };
            };
            /** @description No bearer token, or one that is invalid, revoked or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable snake_case code, e.g. validation_failed, app_not_found */
                        error: string;
                        /** @description What went wrong, as a sentence for a person */
                        message: string;
                        /** @description The fields at fault, each with why (present when the request's content is) */
                        fields?: {
                            field: string;
                            message: string;
                        }[];
                    };
                };
            };
            /** @description The token's scope doesn't allow this route */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable snake_case code, e.g. validation_failed, app_not_found */
                        error: string;
                        /** @description What went wrong, as a sentence for a person */
                        message: string;
                        /** @description The fields at fault, each with why (present when the request's content is) */
                        fields?: {
                            field: string;
                            message: string;
                        }[];
                    };
                };
            };
            /** @description No app has this name */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable snake_case code, e.g. validation_failed, app_not_found */
                        error: string;
                        /** @description What went wrong, as a sentence for a person */
                        message: string;
                        /** @description The fields at fault, each with why (present when the request's content is) */
                        fields?: {
                            field: string;
                            message: string;
                        }[];
                    };
                };
            };
            /** @description Too many requests in the last minute; the message says when to retry */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable snake_case code, e.g. validation_failed, app_not_found */
                        error: string;
                        /** @description What went wrong, as a sentence for a person */
                        message: string;
                        /** @description The fields at fault, each with why (present when the request's content is) */
                        fields?: {
                            field: string;
                            message: string;
                        }[];
                    };
                };
            };
            /** @description Pier's database or job queue can't be reached right now; try again shortly */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable snake_case code, e.g. validation_failed, app_not_found */
                        error: string;
                        /** @description What went wrong, as a sentence for a person */
                        message: string;
                        /** @description The fields at fault, each with why (present when the request's content is) */
                        fields?: {
                            field: string;
                            message: string;
                        }[];
                    };
                };
            };
        };
    };
    getPrometheusMetrics: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The metrics (text/plain; version=0.0.4) */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": string;
                };
            };
            /** @description The request is invalid: malformed JSON, or fields that are wrong (each named, with why) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable snake_case code, e.g. validation_failed, app_not_found */
                        error: string;
                        /** @description What went wrong, as a sentence for a person */
                        message: string;
                        /** @description The fields at fault, each with why (present when the request's content is) */
                        fields?: {
                            field: string;
                            message: string;
                        }[];
                    };
                };
            };
            /** @description No bearer token, or one that is invalid, revoked or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable snake_case code, e.g. validation_failed, app_not_found */
                        error: string;
                        /** @description What went wrong, as a sentence for a person */
                        message: string;
                        /** @description The fields at fault, each with why (present when the request's content is) */
                        fields?: {
                            field: string;
                            message: string;
                        }[];
                    };
                };
            };
            /** @description The token's scope doesn't allow this route */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable snake_case code, e.g. validation_failed, app_not_found */
                        error: string;
                        /** @description What went wrong, as a sentence for a person */
                        message: string;
                        /** @description The fields at fault, each with why (present when the request's content is) */
                        fields?: {
                            field: string;
                            message: string;
                        }[];
                    };
                };
            };
            /** @description Too many requests in the last minute; the message says when to retry */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable snake_case code, e.g. validation_failed, app_not_found */
                        error: string;
                        /** @description What went wrong, as a sentence for a person */
                        message: string;
                        /** @description The fields at fault, each with why (present when the request's content is) */
                        fields?: {
                            field: string;
                            message: string;
                        }[];
                    };
                };
            };
            /** @description Pier's database or job queue can't be reached right now; try again shortly */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable snake_case code, e.g. validation_failed, app_not_found */
                        error: string;
                        /** @description What went wrong, as a sentence for a person */
                        message: string;
                        /** @description The fields at fault, each with why (present when the request's content is) */
                        fields?: {
                            field: string;
                            message: string;
                        }[];
                    };
                };
            };
        };
    };
    listDomains: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                name: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The app's domains */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        domains: {
                            name: string;
                            redirectTo: string | null;
                            redirectStatus: number;
                            /**
                             * @description API: added through the API or dashboard; CONFIG: listed in the live deployment's pier.json
                             * @enum {string}
                             */
                            source: "API" | "CONFIG";
                            url: string;
                            certificate: {
                                /**
                                 * @description pending: being issued; issued; failed: the CA's error, and when Pier tries again; operator: an operator certificate (PIER_TLS_CERT_DIR) serves it; none: no certificate (a wildcard no operator certificate covers)
                                 * @enum {string}
                                 */
                                status: "pending" | "issued" | "failed" | "operator" | "none";
                                expiresAt: string | null;
                                error: string | null;
                                nextAttemptAt: string | null;
                                serial: string | null;
                            };
                        }[];
                    };
                };
            };
            /** @description The request is invalid: malformed JSON, or fields that are wrong (each named, with why) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable snake_case code, e.g. validation_failed, app_not_found */
                        error: string;
                        /** @description What went wrong, as a sentence for a person */
                        message: string;
                        /** @description The fields at fault, each with why (present when the request's content is) */
                        fields?: {
                            field: string;
                            message: string;
                        }[];
                    };
                };
            };
            /** @description No bearer token, or one that is invalid, revoked or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable snake_case code, e.g. validation_failed, app_not_found */
                        error: string;
                        /** @description What went wrong, as a sentence for a person */
                        message: string;
                        /** @description The fields at fault, each with why (present when the request's content is) */
                        fields?: {
                            field: string;
                            message: string;
                        }[];
                    };
                };
            };
            /** @description The token's scope doesn't allow this route */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable snake_case code, e.g. validation_failed, app_not_found */
                        error: string;
                        /** @description What went wrong, as a sentence for a person */
                        message: string;
                        /** @description The fields at fault, each with why (present when the request's content is) */
                        fields?: {
                            field: string;
                            message: string;
                        }[];
                    };
                };
            };
            /** @description No app has this name */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable snake_case code, e.g. validation_failed, app_not_found */
                        error: string;
                        /** @description What went wrong, as a sentence for a person */
                        message: string;
                        /** @description The fields at fault, each with why (present when the request's content is) */
                        fields?: {
                            field: string;
                            message: string;
                        }[];
                    };
                };
            };
            /** @description Too many requests in the last minute; the message says when to retry */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable snake_case code, e.g. validation_failed, app_not_found */
                        error: string;
                        /** @description What went wrong, as a sentence for a person */
                        message: string;
                        /** @description The fields at fault, each with why (present when the request's content is) */
                        fields?: {
                            field: string;
                            message: string;
                        }[];
                    };
                };
            };
            /** @description Pier's database or job queue can't be reached right now; try again shortly */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable snake_case code, e.g. validation_failed, app_not_found */
                        error: string;
                        /** @description What went wrong, as a sentence for a person */
                        message: string;
                        /** @description The fields at fault, each with why (present when the request's content is) */
                        fields?: {
                            field: string;
                            message: string;
                        }[];
                    };
                };
            };
        };
    };
    addDomain: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                name: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description www.example.com; internationalized names are stored in punycode */
                    domain: string;
                    /** @description Another domain of this app that this one redirects to (keeping the path), e.g. the apex */
                    redirectTo?: string;
                    /** @default 308 */
                    redirectStatus?: 301 | 308;
                };
            };
        };
        responses: {
            /** @description The domain as added, its certificate pending */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        name: string;
                        redirectTo: string | null;
                        redirectStatus: number;
                        /**
                         * @description API: added through the API or dashboard; CONFIG: listed in the live deployment's pier.json
                         * @enum {string}
                         */
                        source: "API" | "CONFIG";
                        url: string;
                        certificate: {
                            /**
                             * @description pending: being issued; issued; failed: the CA's error, and when Pier tries again; operator: an operator certificate (PIER_TLS_CERT_DIR) serves it; none: no certificate (a wildcard no operator certificate covers)
                             * @enum {string}
                             */
                            status: "pending" | "issued" | "failed" | "operator" | "none";
                            expiresAt: string | null;
                            error: string | null;
                            nextAttemptAt: string | null;
                            serial: string | null;
                        };
                    };
                };
            };
            /** @description The request is invalid: malformed JSON, or fields that are wrong (each named, with why) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable snake_case code, e.g. validation_failed, app_not_found */
                        error: string;
                        /** @description What went wrong, as a sentence for a person */
                        message: string;
                        /** @description The fields at fault, each with why (present when the request's content is) */
                        fields?: {
                            field: string;
                            message: string;
                        }[];
                    };
                };
            };
            /** @description No bearer token, or one that is invalid, revoked or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable snake_case code, e.g. validation_failed, app_not_found */
                        error: string;
                        /** @description What went wrong, as a sentence for a person */
                        message: string;
                        /** @description The fields at fault, each with why (present when the request's content is) */
                        fields?: {
                            field: string;
                            message: string;
                        }[];
                    };
                };
            };
            /** @description The token's scope doesn't allow this route */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable snake_case code, e.g. validation_failed, app_not_found */
                        error: string;
                        /** @description What went wrong, as a sentence for a person */
                        message: string;
                        /** @description The fields at fault, each with why (present when the request's content is) */
                        fields?: {
                            field: string;
                            message: string;
                        }[];
                    };
                };
            };
            /** @description No app has this name */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable snake_case code, e.g. validation_failed, app_not_found */
                        error: string;
                        /** @description What went wrong, as a sentence for a person */
                        message: string;
                        /** @description The fields at fault, each with why (present when the request's content is) */
                        fields?: {
                            field: string;
                            message: string;
                        }[];
                    };
                };
            };
            /** @description Another app (or this one) has it, or it is one of Pier's own hosts */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable snake_case code, e.g. validation_failed, app_not_found */
                        error: string;
                        /** @description What went wrong, as a sentence for a person */
                        message: string;
                        /** @description The fields at fault, each with why (present when the request's content is) */
                        fields?: {
                            field: string;
                            message: string;
                        }[];
                    };
                };
            };
            /** @description The body is larger than this route accepts */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable snake_case code, e.g. validation_failed, app_not_found */
                        error: string;
                        /** @description What went wrong, as a sentence for a person */
                        message: string;
                        /** @description The fields at fault, each with why (present when the request's content is) */
                        fields?: {
                            field: string;
                            message: string;
                        }[];
                    };
                };
            };
            /** @description The body's Content-Type is not application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable snake_case code, e.g. validation_failed, app_not_found */
                        error: string;
                        /** @description What went wrong, as a sentence for a person */
                        message: string;
                        /** @description The fields at fault, each with why (present when the request's content is) */
                        fields?: {
                            field: string;
                            message: string;
                        }[];
                    };
                };
            };
            /** @description Too many requests in the last minute; the message says when to retry */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable snake_case code, e.g. validation_failed, app_not_found */
                        error: string;
                        /** @description What went wrong, as a sentence for a person */
                        message: string;
                        /** @description The fields at fault, each with why (present when the request's content is) */
                        fields?: {
                            field: string;
                            message: string;
                        }[];
                    };
                };
            };
            /** @description Pier's database or job queue can't be reached right now; try again shortly */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable snake_case code, e.g. validation_failed, app_not_found */
                        error: string;
                        /** @description What went wrong, as a sentence for a person */
                        message: string;
                        /** @description The fields at fault, each with why (present when the request's content is) */
                        fields?: {
                            field: string;
                            message: string;
                        }[];
                    };
                };
            };
        };
    };
    removeDomain: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                name: string;
                domain: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The domain removed */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        deleted: string;
                    };
                };
            };
            /** @description The request is invalid: malformed JSON, or fields that are wrong (each named, with why) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable snake_case code, e.g. validation_failed, app_not_found */
                        error: string;
                        /** @description What went wrong, as a sentence for a person */
                        message: string;
                        /** @description The fields at fault, each with why (present when the request's content is) */
                        fields?: {
                            field: string;
                            message: string;
                        }[];
                    };
                };
            };
            /** @description No bearer token, or one that is invalid, revoked or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable snake_case code, e.g. validation_failed, app_not_found */
                        error: string;
                        /** @description What went wrong, as a sentence for a person */
                        message: string;
                        /** @description The fields at fault, each with why (present when the request's content is) */
                        fields?: {
                            field: string;
                            message: string;
                        }[];
                    };
                };
            };
            /** @description The token's scope doesn't allow this route */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable snake_case code, e.g. validation_failed, app_not_found */
                        error: string;
                        /** @description What went wrong, as a sentence for a person */
                        message: string;
                        /** @description The fields at fault, each with why (present when the request's content is) */
                        fields?: {
                            field: string;
                            message: string;
                        }[];
                    };
                };
            };
            /** @description No app has this name, or the domain is not one of its domains */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable snake_case code, e.g. validation_failed, app_not_found */
                        error: string;
                        /** @description What went wrong, as a sentence for a person */
                        message: string;
                        /** @description The fields at fault, each with why (present when the request's content is) */
                        fields?: {
                            field: string;
                            message: string;
                        }[];
                    };
                };
            };
            /** @description Another domain redirects to it: remove that one first */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable snake_case code, e.g. validation_failed, app_not_found */
                        error: string;
                        /** @description What went wrong, as a sentence for a person */
                        message: string;
                        /** @description The fields at fault, each with why (present when the request's content is) */
                        fields?: {
                            field: string;
                            message: string;
                        }[];
                    };
                };
            };
            /** @description Too many requests in the last minute; the message says when to retry */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable snake_case code, e.g. validation_failed, app_not_found */
                        error: string;
                        /** @description What went wrong, as a sentence for a person */
                        message: string;
                        /** @description The fields at fault, each with why (present when the request's content is) */
                        fields?: {
                            field: string;
                            message: string;
                        }[];
                    };
                };
            };
            /** @description Pier's database or job queue can't be reached right now; try again shortly */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable snake_case code, e.g. validation_failed, app_not_found */
                        error: string;
                        /** @description What went wrong, as a sentence for a person */
                        message: string;
                        /** @description The fields at fault, each with why (present when the request's content is) */
                        fields?: {
                            field: string;
                            message: string;
                        }[];
                    };
                };
            };
        };
    };
    renewCertificate: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                name: string;
                domain: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The domain, its certificate pending */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        name: string;
                        redirectTo: string | null;
                        redirectStatus: number;
                        /**
                         * @description API: added through the API or dashboard; CONFIG: listed in the live deployment's pier.json
                         * @enum {string}
                         */
                        source: "API" | "CONFIG";
                        url: string;
                        certificate: {
                            /**
                             * @description pending: being issued; issued; failed: the CA's error, and when Pier tries again; operator: an operator certificate (PIER_TLS_CERT_DIR) serves it; none: no certificate (a wildcard no operator certificate covers)
                             * @enum {string}
                             */
                            status: "pending" | "issued" | "failed" | "operator" | "none";
                            expiresAt: string | null;
                            error: string | null;
                            nextAttemptAt: string | null;
                            serial: string | null;
                        };
                    };
                };
            };
            /** @description The request is invalid: malformed JSON, or fields that are wrong (each named, with why) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable snake_case code, e.g. validation_failed, app_not_found */
                        error: string;
                        /** @description What went wrong, as a sentence for a person */
                        message: string;
                        /** @description The fields at fault, each with why (present when the request's content is) */
                        fields?: {
                            field: string;
                            message: string;
                        }[];
                    };
                };
            };
            /** @description No bearer token, or one that is invalid, revoked or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable snake_case code, e.g. validation_failed, app_not_found */
                        error: string;
                        /** @description What went wrong, as a sentence for a person */
                        message: string;
                        /** @description The fields at fault, each with why (present when the request's content is) */
                        fields?: {
                            field: string;
                            message: string;
                        }[];
                    };
                };
            };
            /** @description The token's scope doesn't allow this route */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable snake_case code, e.g. validation_failed, app_not_found */
                        error: string;
                        /** @description What went wrong, as a sentence for a person */
                        message: string;
                        /** @description The fields at fault, each with why (present when the request's content is) */
                        fields?: {
                            field: string;
                            message: string;
                        }[];
                    };
                };
            };
            /** @description No app has this name, or the domain is not one of its domains */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable snake_case code, e.g. validation_failed, app_not_found */
                        error: string;
                        /** @description What went wrong, as a sentence for a person */
                        message: string;
                        /** @description The fields at fault, each with why (present when the request's content is) */
                        fields?: {
                            field: string;
                            message: string;
                        }[];
                    };
                };
            };
            /** @description An operator certificate serves it, or no CA can issue one */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable snake_case code, e.g. validation_failed, app_not_found */
                        error: string;
                        /** @description What went wrong, as a sentence for a person */
                        message: string;
                        /** @description The fields at fault, each with why (present when the request's content is) */
                        fields?: {
                            field: string;
                            message: string;
                        }[];
                    };
                };
            };
            /** @description Too many requests in the last minute; the message says when to retry */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable snake_case code, e.g. validation_failed, app_not_found */
                        error: string;
                        /** @description What went wrong, as a sentence for a person */
                        message: string;
                        /** @description The fields at fault, each with why (present when the request's content is) */
                        fields?: {
                            field: string;
                            message: string;
                        }[];
                    };
                };
            };
            /** @description Pier's database or job queue can't be reached right now; try again shortly */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable snake_case code, e.g. validation_failed, app_not_found */
                        error: string;
                        /** @description What went wrong, as a sentence for a person */
                        message: string;
                        /** @description The fields at fault, each with why (present when the request's content is) */
                        fields?: {
                            field: string;
                            message: string;
                        }[];
                    };
                };
            };
        };
    };
    listSchedules: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                name: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The schedules, oldest first */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        schedules: {
                            id: string;
                            cron: string;
                            timezone: string;
                            /** @enum {string} */
                            action: "deploy" | "redeploy";
                            createdAt: string;
                            /** @description The next 3 times it fires */
                            nextRuns: string[];
                            lastRunAt: string | null;
                            /** @description The deployment the last run queued, or why it skipped */
                            lastOutcome: string | null;
                            lastDeploymentId: string | null;
                        }[];
                    };
                };
            };
            /** @description The request is invalid: malformed JSON, or fields that are wrong (each named, with why) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable snake_case code, e.g. validation_failed, app_not_found */
                        error: string;
                        /** @description What went wrong, as a sentence for a person */
                        message: string;
                        /** @description The fields at fault, each with why (present when the request's content is) */
                        fields?: {
                            field: string;
                            message: string;
                        }[];
                    };
                };
            };
            /** @description No bearer token, or one that is invalid, revoked or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable snake_case code, e.g. validation_failed, app_not_found */
                        error: string;
                        /** @description What went wrong, as a sentence for a person */
                        message: string;
                        /** @description The fields at fault, each with why (present when the request's content is) */
                        fields?: {
                            field: string;
                            message: string;
                        }[];
                    };
                };
            };
            /** @description The token's scope doesn't allow this route */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable snake_case code, e.g. validation_failed, app_not_found */
                        error: string;
                        /** @description What went wrong, as a sentence for a person */
                        message: string;
                        /** @description The fields at fault, each with why (present when the request's content is) */
                        fields?: {
                            field: string;
                            message: string;
                        }[];
                    };
                };
            };
            /** @description No app has this name */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable snake_case code, e.g. validation_failed, app_not_found */
                        error: string;
                        /** @description What went wrong, as a sentence for a person */
                        message: string;
                        /** @description The fields at fault, each with why (present when the request's content is) */
                        fields?: {
                            field: string;
                            message: string;
                        }[];
                    };
                };
            };
            /** @description Too many requests in the last minute; the message says when to retry */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable snake_case code, e.g. validation_failed, app_not_found */
                        error: string;
                        /** @description What went wrong, as a sentence for a person */
                        message: string;
                        /** @description The fields at fault, each with why (present when the request's content is) */
                        fields?: {
                            field: string;
                            message: string;
                        }[];
                    };
                };
            };
            /** @description Pier's database or job queue can't be reached right now; try again shortly */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable snake_case code, e.g. validation_failed, app_not_found */
                        error: string;
                        /** @description What went wrong, as a sentence for a person */
                        message: string;
                        /** @description The fields at fault, each with why (present when the request's content is) */
                        fields?: {
                            field: string;
                            message: string;
                        }[];
                    };
                };
            };
        };
    };
    createSchedule: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                name: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description 5 fields (minute hour day month weekday), or 6 with seconds first: 0 3 * * *, *\/30 * * * * * */
                    cron: string;
                    /**
                     * @description IANA time zone the cron is read in (default UTC)
                     * @default UTC
                     */
                    timezone?: string;
                    /**
                     * @description deploy: build the branch head and deploy it; redeploy: production's image again, no build
                     * @default deploy
                     * @enum {string}
                     */
                    action?: "deploy" | "redeploy";
                };
            };
        };
        responses: {
            /** @description The schedule, with its next runs */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                        cron: string;
                        timezone: string;
                        /** @enum {string} */
                        action: "deploy" | "redeploy";
                        createdAt: string;
                        /** @description The next 3 times it fires */
                        nextRuns: string[];
                        lastRunAt: string | null;
                        /** @description The deployment the last run queued, or why it skipped */
                        lastOutcome: string | null;
                        lastDeploymentId: string | null;
                    };
                };
            };
            /** @description The request is invalid: malformed JSON, or fields that are wrong (each named, with why) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable snake_case code, e.g. validation_failed, app_not_found */
                        error: string;
                        /** @description What went wrong, as a sentence for a person */
                        message: string;
                        /** @description The fields at fault, each with why (present when the request's content is) */
                        fields?: {
                            field: string;
                            message: string;
                        }[];
                    };
                };
            };
            /** @description No bearer token, or one that is invalid, revoked or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable snake_case code, e.g. validation_failed, app_not_found */
                        error: string;
                        /** @description What went wrong, as a sentence for a person */
                        message: string;
                        /** @description The fields at fault, each with why (present when the request's content is) */
                        fields?: {
                            field: string;
                            message: string;
                        }[];
                    };
                };
            };
            /** @description The token's scope doesn't allow this route */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable snake_case code, e.g. validation_failed, app_not_found */
                        error: string;
                        /** @description What went wrong, as a sentence for a person */
                        message: string;
                        /** @description The fields at fault, each with why (present when the request's content is) */
                        fields?: {
                            field: string;
                            message: string;
                        }[];
                    };
                };
            };
            /** @description No app has this name */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable snake_case code, e.g. validation_failed, app_not_found */
                        error: string;
                        /** @description What went wrong, as a sentence for a person */
                        message: string;
                        /** @description The fields at fault, each with why (present when the request's content is) */
                        fields?: {
                            field: string;
                            message: string;
                        }[];
                    };
                };
            };
            /** @description The app has the most schedules it may have */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable snake_case code, e.g. validation_failed, app_not_found */
                        error: string;
                        /** @description What went wrong, as a sentence for a person */
                        message: string;
                        /** @description The fields at fault, each with why (present when the request's content is) */
                        fields?: {
                            field: string;
                            message: string;
                        }[];
                    };
                };
            };
            /** @description The body is larger than this route accepts */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable snake_case code, e.g. validation_failed, app_not_found */
                        error: string;
                        /** @description What went wrong, as a sentence for a person */
                        message: string;
                        /** @description The fields at fault, each with why (present when the request's content is) */
                        fields?: {
                            field: string;
                            message: string;
                        }[];
                    };
                };
            };
            /** @description The body's Content-Type is not application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable snake_case code, e.g. validation_failed, app_not_found */
                        error: string;
                        /** @description What went wrong, as a sentence for a person */
                        message: string;
                        /** @description The fields at fault, each with why (present when the request's content is) */
                        fields?: {
                            field: string;
                            message: string;
                        }[];
                    };
                };
            };
            /** @description Too many requests in the last minute; the message says when to retry */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable snake_case code, e.g. validation_failed, app_not_found */
                        error: string;
                        /** @description What went wrong, as a sentence for a person */
                        message: string;
                        /** @description The fields at fault, each with why (present when the request's content is) */
                        fields?: {
                            field: string;
                            message: string;
                        }[];
                    };
                };
            };
            /** @description Redis can't be reached: the schedule was not created */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable snake_case code, e.g. validation_failed, app_not_found */
                        error: string;
                        /** @description What went wrong, as a sentence for a person */
                        message: string;
                        /** @description The fields at fault, each with why (present when the request's content is) */
                        fields?: {
                            field: string;
                            message: string;
                        }[];
                    };
                };
            };
        };
    };
    deleteSchedule: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                name: string;
                /** @description The schedule's id */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The schedule deleted */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                        cron: string;
                        timezone: string;
                        /** @enum {string} */
                        action: "deploy" | "redeploy";
                        createdAt: string;
                        /** @description The next 3 times it fires */
                        nextRuns: string[];
                        lastRunAt: string | null;
                        /** @description The deployment the last run queued, or why it skipped */
                        lastOutcome: string | null;
                        lastDeploymentId: string | null;
                    };
                };
            };
            /** @description The request is invalid: malformed JSON, or fields that are wrong (each named, with why) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable snake_case code, e.g. validation_failed, app_not_found */
                        error: string;
                        /** @description What went wrong, as a sentence for a person */
                        message: string;
                        /** @description The fields at fault, each with why (present when the request's content is) */
                        fields?: {
                            field: string;
                            message: string;
                        }[];
                    };
                };
            };
            /** @description No bearer token, or one that is invalid, revoked or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable snake_case code, e.g. validation_failed, app_not_found */
                        error: string;
                        /** @description What went wrong, as a sentence for a person */
                        message: string;
                        /** @description The fields at fault, each with why (present when the request's content is) */
                        fields?: {
                            field: string;
                            message: string;
                        }[];
                    };
                };
            };
            /** @description The token's scope doesn't allow this route */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable snake_case code, e.g. validation_failed, app_not_found */
                        error: string;
                        /** @description What went wrong, as a sentence for a person */
                        message: string;
                        /** @description The fields at fault, each with why (present when the request's content is) */
                        fields?: {
                            field: string;
                            message: string;
                        }[];
                    };
                };
            };
            /** @description No app has this name, or it has no schedule with this id */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable snake_case code, e.g. validation_failed, app_not_found */
                        error: string;
                        /** @description What went wrong, as a sentence for a person */
                        message: string;
                        /** @description The fields at fault, each with why (present when the request's content is) */
                        fields?: {
                            field: string;
                            message: string;
                        }[];
                    };
                };
            };
            /** @description Too many requests in the last minute; the message says when to retry */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable snake_case code, e.g. validation_failed, app_not_found */
                        error: string;
                        /** @description What went wrong, as a sentence for a person */
                        message: string;
                        /** @description The fields at fault, each with why (present when the request's content is) */
                        fields?: {
                            field: string;
                            message: string;
                        }[];
                    };
                };
            };
            /** @description Pier's database or job queue can't be reached right now; try again shortly */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable snake_case code, e.g. validation_failed, app_not_found */
                        error: string;
                        /** @description What went wrong, as a sentence for a person */
                        message: string;
                        /** @description The fields at fault, each with why (present when the request's content is) */
                        fields?: {
                            field: string;
                            message: string;
                        }[];
                    };
                };
            };
        };
    };
    listRollouts: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                name: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The rollout now and earlier ones */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description The running or paused rollout, if any */
                        current: {
                            id: string;
                            /** @enum {string} */
                            state: "RUNNING" | "PAUSED" | "SUCCEEDED" | "ABORTED";
                            steps: number[];
                            /** @description Index into steps of the step served now */
                            stepIndex: number;
                            /** @description The candidate's share of new clients now, in % (0 once aborted) */
                            weight: number;
                            intervalSeconds: number;
                            gate: {
                                /** @description Highest share of 5xx answers (0.01 = 1 %) */
                                maxErrorRate?: number;
                                /** @description Highest p95 latency in milliseconds */
                                maxP95Ms?: number;
                                /** @description Requests needed before the gate judges a step (default 20) */
                                minRequests?: number;
                            } | null;
                            candidate: {
                                id: string;
                                shortId: string;
                            };
                            /** @description Production when the rollout started: it serves the rest */
                            base: {
                                id: string;
                                shortId: string;
                            };
                            /** @description Why it paused, waits, ended or was aborted (the gate's figures vs limits) */
                            reason: string | null;
                            /** @enum {string} */
                            cause: "PUSH" | "API" | "DASHBOARD" | "AUTO" | "SCHEDULE";
                            stepStartedAt: string;
                            /** @description When the current step's interval ends (null: paused or ended) */
                            nextStepAt: string | null;
                            createdAt: string;
                            finishedAt: string | null;
                            /** @description The candidate's traffic since the step started: what the gate judges */
                            gateFigures: {
                                requests: number;
                                /** @description 5xx answers */
                                errors: number;
                                /** @description errors / requests; null without requests */
                                errorRate: number | null;
                                /** @description p95 latency in ms; null without requests */
                                p95Ms: number | null;
                            };
                            /** @description Each version's own traffic over the last minute */
                            versions: {
                                candidate: {
                                    requests: number;
                                    /** @description 5xx answers */
                                    errors: number;
                                    /** @description errors / requests; null without requests */
                                    errorRate: number | null;
                                    /** @description p95 latency in ms; null without requests */
                                    p95Ms: number | null;
                                };
                                base: {
                                    requests: number;
                                    /** @description 5xx answers */
                                    errors: number;
                                    /** @description errors / requests; null without requests */
                                    errorRate: number | null;
                                    /** @description p95 latency in ms; null without requests */
                                    p95Ms: number | null;
                                };
                            };
                        } | null;
                        /** @description Earlier rollouts, newest first (the last 20) */
                        history: {
                            id: string;
                            /** @enum {string} */
                            state: "RUNNING" | "PAUSED" | "SUCCEEDED" | "ABORTED";
                            steps: number[];
                            /** @description Index into steps of the step served now */
                            stepIndex: number;
                            /** @description The candidate's share of new clients now, in % (0 once aborted) */
                            weight: number;
                            intervalSeconds: number;
                            gate: {
                                /** @description Highest share of 5xx answers (0.01 = 1 %) */
                                maxErrorRate?: number;
                                /** @description Highest p95 latency in milliseconds */
                                maxP95Ms?: number;
                                /** @description Requests needed before the gate judges a step (default 20) */
                                minRequests?: number;
                            } | null;
                            candidate: {
                                id: string;
                                shortId: string;
                            };
                            /** @description Production when the rollout started: it serves the rest */
                            base: {
                                id: string;
                                shortId: string;
                            };
                            /** @description Why it paused, waits, ended or was aborted (the gate's figures vs limits) */
                            reason: string | null;
                            /** @enum {string} */
                            cause: "PUSH" | "API" | "DASHBOARD" | "AUTO" | "SCHEDULE";
                            stepStartedAt: string;
                            /** @description When the current step's interval ends (null: paused or ended) */
                            nextStepAt: string | null;
                            createdAt: string;
                            finishedAt: string | null;
                        }[];
                    };
                };
            };
            /** @description The request is invalid: malformed JSON, or fields that are wrong (each named, with why) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable snake_case code, e.g. validation_failed, app_not_found */
                        error: string;
                        /** @description What went wrong, as a sentence for a person */
                        message: string;
                        /** @description The fields at fault, each with why (present when the request's content is) */
                        fields?: {
                            field: string;
                            message: string;
                        }[];
                    };
                };
            };
            /** @description No bearer token, or one that is invalid, revoked or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable snake_case code, e.g. validation_failed, app_not_found */
                        error: string;
                        /** @description What went wrong, as a sentence for a person */
                        message: string;
                        /** @description The fields at fault, each with why (present when the request's content is) */
                        fields?: {
                            field: string;
                            message: string;
                        }[];
                    };
                };
            };
            /** @description The token's scope doesn't allow this route */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable snake_case code, e.g. validation_failed, app_not_found */
                        error: string;
                        /** @description What went wrong, as a sentence for a person */
                        message: string;
                        /** @description The fields at fault, each with why (present when the request's content is) */
                        fields?: {
                            field: string;
                            message: string;
                        }[];
                    };
                };
            };
            /** @description No app has this name */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable snake_case code, e.g. validation_failed, app_not_found */
                        error: string;
                        /** @description What went wrong, as a sentence for a person */
                        message: string;
                        /** @description The fields at fault, each with why (present when the request's content is) */
                        fields?: {
                            field: string;
                            message: string;
                        }[];
                    };
                };
            };
            /** @description Too many requests in the last minute; the message says when to retry */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable snake_case code, e.g. validation_failed, app_not_found */
                        error: string;
                        /** @description What went wrong, as a sentence for a person */
                        message: string;
                        /** @description The fields at fault, each with why (present when the request's content is) */
                        fields?: {
                            field: string;
                            message: string;
                        }[];
                    };
                };
            };
            /** @description Pier's database or job queue can't be reached right now; try again shortly */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable snake_case code, e.g. validation_failed, app_not_found */
                        error: string;
                        /** @description What went wrong, as a sentence for a person */
                        message: string;
                        /** @description The fields at fault, each with why (present when the request's content is) */
                        fields?: {
                            field: string;
                            message: string;
                        }[];
                    };
                };
            };
        };
    };
    startRollout: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                name: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description The candidate: a READY deployment of the app, running, not production */
                    deploymentId: string;
                    /** @description The candidate's share of new clients per step, in %: ascending, ending at 100 */
                    steps: number[];
                    /** @description How long each step lasts before the gate lets it go on */
                    intervalSeconds: number;
                    /** @description Limits on the candidate's own traffic; a step over one aborts the rollout (absent: timer only) */
                    gate?: {
                        /** @description Highest share of 5xx answers (0.01 = 1 %) */
                        maxErrorRate?: number;
                        /** @description Highest p95 latency in milliseconds */
                        maxP95Ms?: number;
                        /** @description Requests needed before the gate judges a step (default 20) */
                        minRequests?: number;
                    } | null;
                };
            };
        };
        responses: {
            /** @description The rollout, started */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                        /** @enum {string} */
                        state: "RUNNING" | "PAUSED" | "SUCCEEDED" | "ABORTED";
                        steps: number[];
                        /** @description Index into steps of the step served now */
                        stepIndex: number;
                        /** @description The candidate's share of new clients now, in % (0 once aborted) */
                        weight: number;
                        intervalSeconds: number;
                        gate: {
                            /** @description Highest share of 5xx answers (0.01 = 1 %) */
                            maxErrorRate?: number;
                            /** @description Highest p95 latency in milliseconds */
                            maxP95Ms?: number;
                            /** @description Requests needed before the gate judges a step (default 20) */
                            minRequests?: number;
                        } | null;
                        candidate: {
                            id: string;
                            shortId: string;
                        };
                        /** @description Production when the rollout started: it serves the rest */
                        base: {
                            id: string;
                            shortId: string;
                        };
                        /** @description Why it paused, waits, ended or was aborted (the gate's figures vs limits) */
                        reason: string | null;
                        /** @enum {string} */
                        cause: "PUSH" | "API" | "DASHBOARD" | "AUTO" | "SCHEDULE";
                        stepStartedAt: string;
                        /** @description When the current step's interval ends (null: paused or ended) */
                        nextStepAt: string | null;
                        createdAt: string;
                        finishedAt: string | null;
                        /** @description The candidate's traffic since the step started: what the gate judges */
                        gateFigures: {
                            requests: number;
                            /** @description 5xx answers */
                            errors: number;
                            /** @description errors / requests; null without requests */
                            errorRate: number | null;
                            /** @description p95 latency in ms; null without requests */
                            p95Ms: number | null;
                        };
                        /** @description Each version's own traffic over the last minute */
                        versions: {
                            candidate: {
                                requests: number;
                                /** @description 5xx answers */
                                errors: number;
                                /** @description errors / requests; null without requests */
                                errorRate: number | null;
                                /** @description p95 latency in ms; null without requests */
                                p95Ms: number | null;
                            };
                            base: {
                                requests: number;
                                /** @description 5xx answers */
                                errors: number;
                                /** @description errors / requests; null without requests */
                                errorRate: number | null;
                                /** @description p95 latency in ms; null without requests */
                                p95Ms: number | null;
                            };
                        };
                    };
                };
            };
            /** @description The request is invalid: malformed JSON, or fields that are wrong (each named, with why) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable snake_case code, e.g. validation_failed, app_not_found */
                        error: string;
                        /** @description What went wrong, as a sentence for a person */
                        message: string;
                        /** @description The fields at fault, each with why (present when the request's content is) */
                        fields?: {
                            field: string;
                            message: string;
                        }[];
                    };
                };
            };
            /** @description No bearer token, or one that is invalid, revoked or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable snake_case code, e.g. validation_failed, app_not_found */
                        error: string;
                        /** @description What went wrong, as a sentence for a person */
                        message: string;
                        /** @description The fields at fault, each with why (present when the request's content is) */
                        fields?: {
                            field: string;
                            message: string;
                        }[];
                    };
                };
            };
            /** @description The token's scope doesn't allow this route */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable snake_case code, e.g. validation_failed, app_not_found */
                        error: string;
                        /** @description What went wrong, as a sentence for a person */
                        message: string;
                        /** @description The fields at fault, each with why (present when the request's content is) */
                        fields?: {
                            field: string;
                            message: string;
                        }[];
                    };
                };
            };
            /** @description No app has this name, or it has no deployment with this id (deploymentId) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable snake_case code, e.g. validation_failed, app_not_found */
                        error: string;
                        /** @description What went wrong, as a sentence for a person */
                        message: string;
                        /** @description The fields at fault, each with why (present when the request's content is) */
                        fields?: {
                            field: string;
                            message: string;
                        }[];
                    };
                };
            };
            /** @description The app already has a running rollout, or the deployment can't be rolled out (not READY, production, not running) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable snake_case code, e.g. validation_failed, app_not_found */
                        error: string;
                        /** @description What went wrong, as a sentence for a person */
                        message: string;
                        /** @description The fields at fault, each with why (present when the request's content is) */
                        fields?: {
                            field: string;
                            message: string;
                        }[];
                    };
                };
            };
            /** @description The body is larger than this route accepts */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable snake_case code, e.g. validation_failed, app_not_found */
                        error: string;
                        /** @description What went wrong, as a sentence for a person */
                        message: string;
                        /** @description The fields at fault, each with why (present when the request's content is) */
                        fields?: {
                            field: string;
                            message: string;
                        }[];
                    };
                };
            };
            /** @description The body's Content-Type is not application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable snake_case code, e.g. validation_failed, app_not_found */
                        error: string;
                        /** @description What went wrong, as a sentence for a person */
                        message: string;
                        /** @description The fields at fault, each with why (present when the request's content is) */
                        fields?: {
                            field: string;
                            message: string;
                        }[];
                    };
                };
            };
            /** @description Too many requests in the last minute; the message says when to retry */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable snake_case code, e.g. validation_failed, app_not_found */
                        error: string;
                        /** @description What went wrong, as a sentence for a person */
                        message: string;
                        /** @description The fields at fault, each with why (present when the request's content is) */
                        fields?: {
                            field: string;
                            message: string;
                        }[];
                    };
                };
            };
            /** @description Pier's database or job queue can't be reached right now; try again shortly */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable snake_case code, e.g. validation_failed, app_not_found */
                        error: string;
                        /** @description What went wrong, as a sentence for a person */
                        message: string;
                        /** @description The fields at fault, each with why (present when the request's content is) */
                        fields?: {
                            field: string;
                            message: string;
                        }[];
                    };
                };
            };
        };
    };
    pauseRollout: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                name: string;
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The rollout after the change */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                        /** @enum {string} */
                        state: "RUNNING" | "PAUSED" | "SUCCEEDED" | "ABORTED";
                        steps: number[];
                        /** @description Index into steps of the step served now */
                        stepIndex: number;
                        /** @description The candidate's share of new clients now, in % (0 once aborted) */
                        weight: number;
                        intervalSeconds: number;
                        gate: {
                            /** @description Highest share of 5xx answers (0.01 = 1 %) */
                            maxErrorRate?: number;
                            /** @description Highest p95 latency in milliseconds */
                            maxP95Ms?: number;
                            /** @description Requests needed before the gate judges a step (default 20) */
                            minRequests?: number;
                        } | null;
                        candidate: {
                            id: string;
                            shortId: string;
                        };
                        /** @description Production when the rollout started: it serves the rest */
                        base: {
                            id: string;
                            shortId: string;
                        };
                        /** @description Why it paused, waits, ended or was aborted (the gate's figures vs limits) */
                        reason: string | null;
                        /** @enum {string} */
                        cause: "PUSH" | "API" | "DASHBOARD" | "AUTO" | "SCHEDULE";
                        stepStartedAt: string;
                        /** @description When the current step's interval ends (null: paused or ended) */
                        nextStepAt: string | null;
                        createdAt: string;
                        finishedAt: string | null;
                    };
                };
            };
            /** @description The request is invalid: malformed JSON, or fields that are wrong (each named, with why) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable snake_case code, e.g. validation_failed, app_not_found */
                        error: string;
                        /** @description What went wrong, as a sentence for a person */
                        message: string;
                        /** @description The fields at fault, each with why (present when the request's content is) */
                        fields?: {
                            field: string;
                            message: string;
                        }[];
                    };
                };
            };
            /** @description No bearer token, or one that is invalid, revoked or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable snake_case code, e.g. validation_failed, app_not_found */
                        error: string;
                        /** @description What went wrong, as a sentence for a person */
                        message: string;
                        /** @description The fields at fault, each with why (present when the request's content is) */
                        fields?: {
                            field: string;
                            message: string;
                        }[];
                    };
                };
            };
            /** @description The token's scope doesn't allow this route */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable snake_case code, e.g. validation_failed, app_not_found */
                        error: string;
                        /** @description What went wrong, as a sentence for a person */
                        message: string;
                        /** @description The fields at fault, each with why (present when the request's content is) */
                        fields?: {
                            field: string;
                            message: string;
                        }[];
                    };
                };
            };
            /** @description No app has this name, or it has no rollout with this id */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable snake_case code, e.g. validation_failed, app_not_found */
                        error: string;
                        /** @description What went wrong, as a sentence for a person */
                        message: string;
                        /** @description The fields at fault, each with why (present when the request's content is) */
                        fields?: {
                            field: string;
                            message: string;
                        }[];
                    };
                };
            };
            /** @description The rollout is not in a state that allows this (it ended, or is not paused) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable snake_case code, e.g. validation_failed, app_not_found */
                        error: string;
                        /** @description What went wrong, as a sentence for a person */
                        message: string;
                        /** @description The fields at fault, each with why (present when the request's content is) */
                        fields?: {
                            field: string;
                            message: string;
                        }[];
                    };
                };
            };
            /** @description Too many requests in the last minute; the message says when to retry */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable snake_case code, e.g. validation_failed, app_not_found */
                        error: string;
                        /** @description What went wrong, as a sentence for a person */
                        message: string;
                        /** @description The fields at fault, each with why (present when the request's content is) */
                        fields?: {
                            field: string;
                            message: string;
                        }[];
                    };
                };
            };
            /** @description Pier's database or job queue can't be reached right now; try again shortly */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable snake_case code, e.g. validation_failed, app_not_found */
                        error: string;
                        /** @description What went wrong, as a sentence for a person */
                        message: string;
                        /** @description The fields at fault, each with why (present when the request's content is) */
                        fields?: {
                            field: string;
                            message: string;
                        }[];
                    };
                };
            };
        };
    };
    resumeRollout: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                name: string;
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The rollout after the change */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                        /** @enum {string} */
                        state: "RUNNING" | "PAUSED" | "SUCCEEDED" | "ABORTED";
                        steps: number[];
                        /** @description Index into steps of the step served now */
                        stepIndex: number;
                        /** @description The candidate's share of new clients now, in % (0 once aborted) */
                        weight: number;
                        intervalSeconds: number;
                        gate: {
                            /** @description Highest share of 5xx answers (0.01 = 1 %) */
                            maxErrorRate?: number;
                            /** @description Highest p95 latency in milliseconds */
                            maxP95Ms?: number;
                            /** @description Requests needed before the gate judges a step (default 20) */
                            minRequests?: number;
                        } | null;
                        candidate: {
                            id: string;
                            shortId: string;
                        };
                        /** @description Production when the rollout started: it serves the rest */
                        base: {
                            id: string;
                            shortId: string;
                        };
                        /** @description Why it paused, waits, ended or was aborted (the gate's figures vs limits) */
                        reason: string | null;
                        /** @enum {string} */
                        cause: "PUSH" | "API" | "DASHBOARD" | "AUTO" | "SCHEDULE";
                        stepStartedAt: string;
                        /** @description When the current step's interval ends (null: paused or ended) */
                        nextStepAt: string | null;
                        createdAt: string;
                        finishedAt: string | null;
                    };
                };
            };
            /** @description The request is invalid: malformed JSON, or fields that are wrong (each named, with why) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable snake_case code, e.g. validation_failed, app_not_found */
                        error: string;
                        /** @description What went wrong, as a sentence for a person */
                        message: string;
                        /** @description The fields at fault, each with why (present when the request's content is) */
                        fields?: {
                            field: string;
                            message: string;
                        }[];
                    };
                };
            };
            /** @description No bearer token, or one that is invalid, revoked or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable snake_case code, e.g. validation_failed, app_not_found */
                        error: string;
                        /** @description What went wrong, as a sentence for a person */
                        message: string;
                        /** @description The fields at fault, each with why (present when the request's content is) */
                        fields?: {
                            field: string;
                            message: string;
                        }[];
                    };
                };
            };
            /** @description The token's scope doesn't allow this route */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable snake_case code, e.g. validation_failed, app_not_found */
                        error: string;
                        /** @description What went wrong, as a sentence for a person */
                        message: string;
                        /** @description The fields at fault, each with why (present when the request's content is) */
                        fields?: {
                            field: string;
                            message: string;
                        }[];
                    };
                };
            };
            /** @description No app has this name, or it has no rollout with this id */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable snake_case code, e.g. validation_failed, app_not_found */
                        error: string;
                        /** @description What went wrong, as a sentence for a person */
                        message: string;
                        /** @description The fields at fault, each with why (present when the request's content is) */
                        fields?: {
                            field: string;
                            message: string;
                        }[];
                    };
                };
            };
            /** @description The rollout is not in a state that allows this (it ended, or is not paused) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable snake_case code, e.g. validation_failed, app_not_found */
                        error: string;
                        /** @description What went wrong, as a sentence for a person */
                        message: string;
                        /** @description The fields at fault, each with why (present when the request's content is) */
                        fields?: {
                            field: string;
                            message: string;
                        }[];
                    };
                };
            };
            /** @description Too many requests in the last minute; the message says when to retry */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable snake_case code, e.g. validation_failed, app_not_found */
                        error: string;
                        /** @description What went wrong, as a sentence for a person */
                        message: string;
                        /** @description The fields at fault, each with why (present when the request's content is) */
                        fields?: {
                            field: string;
                            message: string;
                        }[];
                    };
                };
            };
            /** @description Pier's database or job queue can't be reached right now; try again shortly */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable snake_case code, e.g. validation_failed, app_not_found */
                        error: string;
                        /** @description What went wrong, as a sentence for a person */
                        message: string;
                        /** @description The fields at fault, each with why (present when the request's content is) */
                        fields?: {
                            field: string;
                            message: string;
                        }[];
                    };
                };
            };
        };
    };
    promoteRollout: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                name: string;
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The rollout after the change */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                        /** @enum {string} */
                        state: "RUNNING" | "PAUSED" | "SUCCEEDED" | "ABORTED";
                        steps: number[];
                        /** @description Index into steps of the step served now */
                        stepIndex: number;
                        /** @description The candidate's share of new clients now, in % (0 once aborted) */
                        weight: number;
                        intervalSeconds: number;
                        gate: {
                            /** @description Highest share of 5xx answers (0.01 = 1 %) */
                            maxErrorRate?: number;
                            /** @description Highest p95 latency in milliseconds */
                            maxP95Ms?: number;
                            /** @description Requests needed before the gate judges a step (default 20) */
                            minRequests?: number;
                        } | null;
                        candidate: {
                            id: string;
                            shortId: string;
                        };
                        /** @description Production when the rollout started: it serves the rest */
                        base: {
                            id: string;
                            shortId: string;
                        };
                        /** @description Why it paused, waits, ended or was aborted (the gate's figures vs limits) */
                        reason: string | null;
                        /** @enum {string} */
                        cause: "PUSH" | "API" | "DASHBOARD" | "AUTO" | "SCHEDULE";
                        stepStartedAt: string;
                        /** @description When the current step's interval ends (null: paused or ended) */
                        nextStepAt: string | null;
                        createdAt: string;
                        finishedAt: string | null;
                    };
                };
            };
            /** @description The request is invalid: malformed JSON, or fields that are wrong (each named, with why) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable snake_case code, e.g. validation_failed, app_not_found */
                        error: string;
                        /** @description What went wrong, as a sentence for a person */
                        message: string;
                        /** @description The fields at fault, each with why (present when the request's content is) */
                        fields?: {
                            field: string;
                            message: string;
                        }[];
                    };
                };
            };
            /** @description No bearer token, or one that is invalid, revoked or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable snake_case code, e.g. validation_failed, app_not_found */
                        error: string;
                        /** @description What went wrong, as a sentence for a person */
                        message: string;
                        /** @description The fields at fault, each with why (present when the request's content is) */
                        fields?: {
                            field: string;
                            message: string;
                        }[];
                    };
                };
            };
            /** @description The token's scope doesn't allow this route */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable snake_case code, e.g. validation_failed, app_not_found */
                        error: string;
                        /** @description What went wrong, as a sentence for a person */
                        message: string;
                        /** @description The fields at fault, each with why (present when the request's content is) */
                        fields?: {
                            field: string;
                            message: string;
                        }[];
                    };
                };
            };
            /** @description No app has this name, or it has no rollout with this id */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable snake_case code, e.g. validation_failed, app_not_found */
                        error: string;
                        /** @description What went wrong, as a sentence for a person */
                        message: string;
                        /** @description The fields at fault, each with why (present when the request's content is) */
                        fields?: {
                            field: string;
                            message: string;
                        }[];
                    };
                };
            };
            /** @description The rollout is not in a state that allows this (it ended, or is not paused) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable snake_case code, e.g. validation_failed, app_not_found */
                        error: string;
                        /** @description What went wrong, as a sentence for a person */
                        message: string;
                        /** @description The fields at fault, each with why (present when the request's content is) */
                        fields?: {
                            field: string;
                            message: string;
                        }[];
                    };
                };
            };
            /** @description Too many requests in the last minute; the message says when to retry */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable snake_case code, e.g. validation_failed, app_not_found */
                        error: string;
                        /** @description What went wrong, as a sentence for a person */
                        message: string;
                        /** @description The fields at fault, each with why (present when the request's content is) */
                        fields?: {
                            field: string;
                            message: string;
                        }[];
                    };
                };
            };
            /** @description Pier's database or job queue can't be reached right now; try again shortly */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable snake_case code, e.g. validation_failed, app_not_found */
                        error: string;
                        /** @description What went wrong, as a sentence for a person */
                        message: string;
                        /** @description The fields at fault, each with why (present when the request's content is) */
                        fields?: {
                            field: string;
                            message: string;
                        }[];
                    };
                };
            };
        };
    };
    abortRollout: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                name: string;
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The rollout after the change */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                        /** @enum {string} */
                        state: "RUNNING" | "PAUSED" | "SUCCEEDED" | "ABORTED";
                        steps: number[];
                        /** @description Index into steps of the step served now */
                        stepIndex: number;
                        /** @description The candidate's share of new clients now, in % (0 once aborted) */
                        weight: number;
                        intervalSeconds: number;
                        gate: {
                            /** @description Highest share of 5xx answers (0.01 = 1 %) */
                            maxErrorRate?: number;
                            /** @description Highest p95 latency in milliseconds */
                            maxP95Ms?: number;
                            /** @description Requests needed before the gate judges a step (default 20) */
                            minRequests?: number;
                        } | null;
                        candidate: {
                            id: string;
                            shortId: string;
                        };
                        /** @description Production when the rollout started: it serves the rest */
                        base: {
                            id: string;
                            shortId: string;
                        };
                        /** @description Why it paused, waits, ended or was aborted (the gate's figures vs limits) */
                        reason: string | null;
                        /** @enum {string} */
                        cause: "PUSH" | "API" | "DASHBOARD" | "AUTO" | "SCHEDULE";
                        stepStartedAt: string;
                        /** @description When the current step's interval ends (null: paused or ended) */
                        nextStepAt: string | null;
                        createdAt: string;
                        finishedAt: string | null;
                    };
                };
            };
            /** @description The request is invalid: malformed JSON, or fields that are wrong (each named, with why) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable snake_case code, e.g. validation_failed, app_not_found */
                        error: string;
                        /** @description What went wrong, as a sentence for a person */
                        message: string;
                        /** @description The fields at fault, each with why (present when the request's content is) */
                        fields?: {
                            field: string;
                            message: string;
                        }[];
                    };
                };
            };
            /** @description No bearer token, or one that is invalid, revoked or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable snake_case code, e.g. validation_failed, app_not_found */
                        error: string;
                        /** @description What went wrong, as a sentence for a person */
                        message: string;
                        /** @description The fields at fault, each with why (present when the request's content is) */
                        fields?: {
                            field: string;
                            message: string;
                        }[];
                    };
                };
            };
            /** @description The token's scope doesn't allow this route */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable snake_case code, e.g. validation_failed, app_not_found */
                        error: string;
                        /** @description What went wrong, as a sentence for a person */
                        message: string;
                        /** @description The fields at fault, each with why (present when the request's content is) */
                        fields?: {
                            field: string;
                            message: string;
                        }[];
                    };
                };
            };
            /** @description No app has this name, or it has no rollout with this id */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable snake_case code, e.g. validation_failed, app_not_found */
                        error: string;
                        /** @description What went wrong, as a sentence for a person */
                        message: string;
                        /** @description The fields at fault, each with why (present when the request's content is) */
                        fields?: {
                            field: string;
                            message: string;
                        }[];
                    };
                };
            };
            /** @description The rollout is not in a state that allows this (it ended, or is not paused) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable snake_case code, e.g. validation_failed, app_not_found */
                        error: string;
                        /** @description What went wrong, as a sentence for a person */
                        message: string;
                        /** @description The fields at fault, each with why (present when the request's content is) */
                        fields?: {
                            field: string;
                            message: string;
                        }[];
                    };
                };
            };
            /** @description Too many requests in the last minute; the message says when to retry */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable snake_case code, e.g. validation_failed, app_not_found */
                        error: string;
                        /** @description What went wrong, as a sentence for a person */
                        message: string;
                        /** @description The fields at fault, each with why (present when the request's content is) */
                        fields?: {
                            field: string;
                            message: string;
                        }[];
                    };
                };
            };
            /** @description Pier's database or job queue can't be reached right now; try again shortly */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable snake_case code, e.g. validation_failed, app_not_found */
                        error: string;
                        /** @description What went wrong, as a sentence for a person */
                        message: string;
                        /** @description The fields at fault, each with why (present when the request's content is) */
                        fields?: {
                            field: string;
                            message: string;
                        }[];
                    };
                };
            };
        };
    };
    getDeployment: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The deployment */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                        shortId: string;
                        app: string;
                        /** @enum {string} */
                        status: "QUEUED" | "BUILDING" | "DEPLOYING" | "READY" | "FAILED" | "CANCELLED";
                        reason: string | null;
                        trigger: string;
                        branch: string;
                        previewUrl: string | null;
                        commitSha: string | null;
                        commitMessage: string | null;
                        commitAuthor: string | null;
                        commitAuthorEmail: string | null;
                        committedAt: string | null;
                        imageTag: string | null;
                        isProduction: boolean;
                        url: string | null;
                        createdAt: string;
                        startedAt: string | null;
                        finishedAt: string | null;
                        durationMs: number | null;
                        port: number | null;
                        phases: {
                            [key: string]: number;
                        } | null;
                        promote: boolean;
                        staged: string | null;
                    };
                };
            };
            /** @description The request is invalid: malformed JSON, or fields that are wrong (each named, with why) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable snake_case code, e.g. validation_failed, app_not_found */
                        error: string;
                        /** @description What went wrong, as a sentence for a person */
                        message: string;
                        /** @description The fields at fault, each with why (present when the request's content is) */
                        fields?: {
                            field: string;
                            message: string;
                        }[];
                    };
                };
            };
            /** @description No bearer token, or one that is invalid, revoked or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable snake_case code, e.g. validation_failed, app_not_found */
                        error: string;
                        /** @description What went wrong, as a sentence for a person */
                        message: string;
                        /** @description The fields at fault, each with why (present when the request's content is) */
                        fields?: {
                            field: string;
                            message: string;
                        }[];
                    };
                };
            };
            /** @description The token's scope doesn't allow this route */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable snake_case code, e.g. validation_failed, app_not_found */
                        error: string;
                        /** @description What went wrong, as a sentence for a person */
                        message: string;
                        /** @description The fields at fault, each with why (present when the request's content is) */
                        fields?: {
                            field: string;
                            message: string;
                        }[];
                    };
                };
            };
            /** @description No deployment has this id */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable snake_case code, e.g. validation_failed, app_not_found */
                        error: string;
                        /** @description What went wrong, as a sentence for a person */
                        message: string;
                        /** @description The fields at fault, each with why (present when the request's content is) */
                        fields?: {
                            field: string;
                            message: string;
                        }[];
                    };
                };
            };
            /** @description Too many requests in the last minute; the message says when to retry */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable snake_case code, e.g. validation_failed, app_not_found */
                        error: string;
                        /** @description What went wrong, as a sentence for a person */
                        message: string;
                        /** @description The fields at fault, each with why (present when the request's content is) */
                        fields?: {
                            field: string;
                            message: string;
                        }[];
                    };
                };
            };
            /** @description Pier's database or job queue can't be reached right now; try again shortly */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable snake_case code, e.g. validation_failed, app_not_found */
                        error: string;
                        /** @description What went wrong, as a sentence for a person */
                        message: string;
                        /** @description The fields at fault, each with why (present when the request's content is) */
                        fields?: {
                            field: string;
                            message: string;
                        }[];
                    };
                };
            };
        };
    };
    getDeploymentLog: {
        parameters: {
            query?: {
                /** @description Only the lines after this line id */
                after?: unknown;
                limit?: number;
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The lines, and the deployment's status */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        deploymentId: string;
                        /** @enum {string} */
                        status: "QUEUED" | "BUILDING" | "DEPLOYING" | "READY" | "FAILED" | "CANCELLED";
                        lines: {
                            id: string;
                            stream: string;
                            line: string;
                            at: string;
                        }[];
                    };
                };
            };
            /** @description The request is invalid: malformed JSON, or fields that are wrong (each named, with why) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable snake_case code, e.g. validation_failed, app_not_found */
                        error: string;
                        /** @description What went wrong, as a sentence for a person */
                        message: string;
                        /** @description The fields at fault, each with why (present when the request's content is) */
                        fields?: {
                            field: string;
                            message: string;
                        }[];
                    };
                };
            };
            /** @description No bearer token, or one that is invalid, revoked or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable snake_case code, e.g. validation_failed, app_not_found */
                        error: string;
                        /** @description What went wrong, as a sentence for a person */
                        message: string;
                        /** @description The fields at fault, each with why (present when the request's content is) */
                        fields?: {
                            field: string;
                            message: string;
                        }[];
                    };
                };
            };
            /** @description The token's scope doesn't allow this route */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable snake_case code, e.g. validation_failed, app_not_found */
                        error: string;
                        /** @description What went wrong, as a sentence for a person */
                        message: string;
                        /** @description The fields at fault, each with why (present when the request's content is) */
                        fields?: {
                            field: string;
                            message: string;
                        }[];
                    };
                };
            };
            /** @description No deployment has this id */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable snake_case code, e.g. validation_failed, app_not_found */
                        error: string;
                        /** @description What went wrong, as a sentence for a person */
                        message: string;
                        /** @description The fields at fault, each with why (present when the request's content is) */
                        fields?: {
                            field: string;
                            message: string;
                        }[];
                    };
                };
            };
            /** @description Too many requests in the last minute; the message says when to retry */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable snake_case code, e.g. validation_failed, app_not_found */
                        error: string;
                        /** @description What went wrong, as a sentence for a person */
                        message: string;
                        /** @description The fields at fault, each with why (present when the request's content is) */
                        fields?: {
                            field: string;
                            message: string;
                        }[];
                    };
                };
            };
            /** @description Pier's database or job queue can't be reached right now; try again shortly */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable snake_case code, e.g. validation_failed, app_not_found */
                        error: string;
                        /** @description What went wrong, as a sentence for a person */
                        message: string;
                        /** @description The fields at fault, each with why (present when the request's content is) */
                        fields?: {
                            field: string;
                            message: string;
                        }[];
                    };
                };
            };
        };
    };
    streamDeploymentLog: {
        parameters: {
            query?: {
                after?: unknown;
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The log as text/event-stream */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": string;
                };
            };
            /** @description The request is invalid: malformed JSON, or fields that are wrong (each named, with why) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable snake_case code, e.g. validation_failed, app_not_found */
                        error: string;
                        /** @description What went wrong, as a sentence for a person */
                        message: string;
                        /** @description The fields at fault, each with why (present when the request's content is) */
                        fields?: {
                            field: string;
                            message: string;
                        }[];
                    };
                };
            };
            /** @description No bearer token, or one that is invalid, revoked or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable snake_case code, e.g. validation_failed, app_not_found */
                        error: string;
                        /** @description What went wrong, as a sentence for a person */
                        message: string;
                        /** @description The fields at fault, each with why (present when the request's content is) */
                        fields?: {
                            field: string;
                            message: string;
                        }[];
                    };
                };
            };
            /** @description The token's scope doesn't allow this route */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable snake_case code, e.g. validation_failed, app_not_found */
                        error: string;
                        /** @description What went wrong, as a sentence for a person */
                        message: string;
                        /** @description The fields at fault, each with why (present when the request's content is) */
                        fields?: {
                            field: string;
                            message: string;
                        }[];
                    };
                };
            };
            /** @description No deployment has this id */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable snake_case code, e.g. validation_failed, app_not_found */
                        error: string;
                        /** @description What went wrong, as a sentence for a person */
                        message: string;
                        /** @description The fields at fault, each with why (present when the request's content is) */
                        fields?: {
                            field: string;
                            message: string;
                        }[];
                    };
                };
            };
            /** @description Too many requests in the last minute; the message says when to retry */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable snake_case code, e.g. validation_failed, app_not_found */
                        error: string;
                        /** @description What went wrong, as a sentence for a person */
                        message: string;
                        /** @description The fields at fault, each with why (present when the request's content is) */
                        fields?: {
                            field: string;
                            message: string;
                        }[];
                    };
                };
            };
            /** @description Pier's database or job queue can't be reached right now; try again shortly */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable snake_case code, e.g. validation_failed, app_not_found */
                        error: string;
                        /** @description What went wrong, as a sentence for a person */
                        message: string;
                        /** @description The fields at fault, each with why (present when the request's content is) */
                        fields?: {
                            field: string;
                            message: string;
                        }[];
                    };
                };
            };
        };
    };
    redeployDeployment: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The new deployment, queued */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                        shortId: string;
                        app: string;
                        /** @enum {string} */
                        status: "QUEUED" | "BUILDING" | "DEPLOYING" | "READY" | "FAILED" | "CANCELLED";
                        reason: string | null;
                        trigger: string;
                        branch: string;
                        previewUrl: string | null;
                        commitSha: string | null;
                        commitMessage: string | null;
                        commitAuthor: string | null;
                        commitAuthorEmail: string | null;
                        committedAt: string | null;
                        imageTag: string | null;
                        isProduction: boolean;
                        url: string | null;
                        createdAt: string;
                        startedAt: string | null;
                        finishedAt: string | null;
                        durationMs: number | null;
                        port: number | null;
                        phases: {
                            [key: string]: number;
                        } | null;
                        promote: boolean;
                        staged: string | null;
                        /** @description The deployment whose commit it builds */
                        redeployOf: string;
                        /** @description Which commit it builds, in words */
                        message: string;
                    };
                };
            };
            /** @description The request is invalid: malformed JSON, or fields that are wrong (each named, with why) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable snake_case code, e.g. validation_failed, app_not_found */
                        error: string;
                        /** @description What went wrong, as a sentence for a person */
                        message: string;
                        /** @description The fields at fault, each with why (present when the request's content is) */
                        fields?: {
                            field: string;
                            message: string;
                        }[];
                    };
                };
            };
            /** @description No bearer token, or one that is invalid, revoked or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable snake_case code, e.g. validation_failed, app_not_found */
                        error: string;
                        /** @description What went wrong, as a sentence for a person */
                        message: string;
                        /** @description The fields at fault, each with why (present when the request's content is) */
                        fields?: {
                            field: string;
                            message: string;
                        }[];
                    };
                };
            };
            /** @description The token's scope doesn't allow this route */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable snake_case code, e.g. validation_failed, app_not_found */
                        error: string;
                        /** @description What went wrong, as a sentence for a person */
                        message: string;
                        /** @description The fields at fault, each with why (present when the request's content is) */
                        fields?: {
                            field: string;
                            message: string;
                        }[];
                    };
                };
            };
            /** @description No deployment has this id */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable snake_case code, e.g. validation_failed, app_not_found */
                        error: string;
                        /** @description What went wrong, as a sentence for a person */
                        message: string;
                        /** @description The fields at fault, each with why (present when the request's content is) */
                        fields?: {
                            field: string;
                            message: string;
                        }[];
                    };
                };
            };
            /** @description Its commit can't be built again (none recorded) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable snake_case code, e.g. validation_failed, app_not_found */
                        error: string;
                        /** @description What went wrong, as a sentence for a person */
                        message: string;
                        /** @description The fields at fault, each with why (present when the request's content is) */
                        fields?: {
                            field: string;
                            message: string;
                        }[];
                    };
                };
            };
            /** @description Too many requests in the last minute; the message says when to retry */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable snake_case code, e.g. validation_failed, app_not_found */
                        error: string;
                        /** @description What went wrong, as a sentence for a person */
                        message: string;
                        /** @description The fields at fault, each with why (present when the request's content is) */
                        fields?: {
                            field: string;
                            message: string;
                        }[];
                    };
                };
            };
            /** @description Pier's database or job queue can't be reached right now; try again shortly */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable snake_case code, e.g. validation_failed, app_not_found */
                        error: string;
                        /** @description What went wrong, as a sentence for a person */
                        message: string;
                        /** @description The fields at fault, each with why (present when the request's content is) */
                        fields?: {
                            field: string;
                            message: string;
                        }[];
                    };
                };
            };
        };
    };
    listAuditEvents: {
        parameters: {
            query?: {
                /** @description Only changes to this app */
                app?: string;
                limit?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The events, newest first */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        events: {
                            id: string;
                            at: string;
                            actor: string;
                            /** @enum {string} */
                            actorKind: "admin" | "token" | "session" | "webhook" | "anonymous";
                            tokenId: string | null;
                            method: string;
                            route: string;
                            path: string;
                            target: string | null;
                            status: number;
                            ip: string | null;
                            changes: {
                                field: string;
                                from: string | number | boolean | (null);
                                to: string | number | boolean | (null);
                            }[];
                        }[];
                    };
                };
            };
            /** @description The request is invalid: malformed JSON, or fields that are wrong (each named, with why) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable snake_case code, e.g. validation_failed, app_not_found */
                        error: string;
                        /** @description What went wrong, as a sentence for a person */
                        message: string;
                        /** @description The fields at fault, each with why (present when the request's content is) */
                        fields?: {
                            field: string;
                            message: string;
                        }[];
                    };
                };
            };
            /** @description No bearer token, or one that is invalid, revoked or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable snake_case code, e.g. validation_failed, app_not_found */
                        error: string;
                        /** @description What went wrong, as a sentence for a person */
                        message: string;
                        /** @description The fields at fault, each with why (present when the request's content is) */
                        fields?: {
                            field: string;
                            message: string;
                        }[];
                    };
                };
            };
            /** @description The token's scope doesn't allow this route */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable snake_case code, e.g. validation_failed, app_not_found */
                        error: string;
                        /** @description What went wrong, as a sentence for a person */
                        message: string;
                        /** @description The fields at fault, each with why (present when the request's content is) */
                        fields?: {
                            field: string;
                            message: string;
                        }[];
                    };
                };
            };
            /** @description Too many requests in the last minute; the message says when to retry */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable snake_case code, e.g. validation_failed, app_not_found */
                        error: string;
                        /** @description What went wrong, as a sentence for a person */
                        message: string;
                        /** @description The fields at fault, each with why (present when the request's content is) */
                        fields?: {
                            field: string;
                            message: string;
                        }[];
                    };
                };
            };
            /** @description Pier's database or job queue can't be reached right now; try again shortly */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable snake_case code, e.g. validation_failed, app_not_found */
                        error: string;
                        /** @description What went wrong, as a sentence for a person */
                        message: string;
                        /** @description The fields at fault, each with why (present when the request's content is) */
                        fields?: {
                            field: string;
                            message: string;
                        }[];
                    };
                };
            };
        };
    };
    getRepoCredential: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                name: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The credential, or null */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        credential: {
                            /** @enum {string} */
                            kind: "TOKEN" | "DEPLOY_KEY";
                            hint: string;
                            updatedAt: string;
                        } | null;
                    };
                };
            };
            /** @description The request is invalid: malformed JSON, or fields that are wrong (each named, with why) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable snake_case code, e.g. validation_failed, app_not_found */
                        error: string;
                        /** @description What went wrong, as a sentence for a person */
                        message: string;
                        /** @description The fields at fault, each with why (present when the request's content is) */
                        fields?: {
                            field: string;
                            message: string;
                        }[];
                    };
                };
            };
            /** @description No bearer token, or one that is invalid, revoked or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable snake_case code, e.g. validation_failed, app_not_found */
                        error: string;
                        /** @description What went wrong, as a sentence for a person */
                        message: string;
                        /** @description The fields at fault, each with why (present when the request's content is) */
                        fields?: {
                            field: string;
                            message: string;
                        }[];
                    };
                };
            };
            /** @description The token's scope doesn't allow this route */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable snake_case code, e.g. validation_failed, app_not_found */
                        error: string;
                        /** @description What went wrong, as a sentence for a person */
                        message: string;
                        /** @description The fields at fault, each with why (present when the request's content is) */
                        fields?: {
                            field: string;
                            message: string;
                        }[];
                    };
                };
            };
            /** @description No app has this name */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable snake_case code, e.g. validation_failed, app_not_found */
                        error: string;
                        /** @description What went wrong, as a sentence for a person */
                        message: string;
                        /** @description The fields at fault, each with why (present when the request's content is) */
                        fields?: {
                            field: string;
                            message: string;
                        }[];
                    };
                };
            };
            /** @description Too many requests in the last minute; the message says when to retry */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable snake_case code, e.g. validation_failed, app_not_found */
                        error: string;
                        /** @description What went wrong, as a sentence for a person */
                        message: string;
                        /** @description The fields at fault, each with why (present when the request's content is) */
                        fields?: {
                            field: string;
                            message: string;
                        }[];
                    };
                };
            };
            /** @description Pier's database or job queue can't be reached right now; try again shortly */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable snake_case code, e.g. validation_failed, app_not_found */
                        error: string;
                        /** @description What went wrong, as a sentence for a person */
                        message: string;
                        /** @description The fields at fault, each with why (present when the request's content is) */
                        fields?: {
                            field: string;
                            message: string;
                        }[];
                    };
                };
            };
        };
    };
    setRepoCredential: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                name: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description An access token for HTTPS clones (GitHub, GitLab, Gitea…), sent as the basic-auth password */
                    token?: string;
                    /** @description An SSH private key (OpenSSH or PEM, without a passphrase) for ssh:// or git@host:path URLs */
                    deployKey?: string;
                };
            };
        };
        responses: {
            /** @description The credential set */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        credential: {
                            /** @enum {string} */
                            kind: "TOKEN" | "DEPLOY_KEY";
                            hint: string;
                            updatedAt: string;
                        } | null;
                    };
                };
            };
            /** @description The request is invalid: malformed JSON, or fields that are wrong (each named, with why) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable snake_case code, e.g. validation_failed, app_not_found */
                        error: string;
                        /** @description What went wrong, as a sentence for a person */
                        message: string;
                        /** @description The fields at fault, each with why (present when the request's content is) */
                        fields?: {
                            field: string;
                            message: string;
                        }[];
                    };
                };
            };
            /** @description No bearer token, or one that is invalid, revoked or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable snake_case code, e.g. validation_failed, app_not_found */
                        error: string;
                        /** @description What went wrong, as a sentence for a person */
                        message: string;
                        /** @description The fields at fault, each with why (present when the request's content is) */
                        fields?: {
                            field: string;
                            message: string;
                        }[];
                    };
                };
            };
            /** @description The token's scope doesn't allow this route */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable snake_case code, e.g. validation_failed, app_not_found */
                        error: string;
                        /** @description What went wrong, as a sentence for a person */
                        message: string;
                        /** @description The fields at fault, each with why (present when the request's content is) */
                        fields?: {
                            field: string;
                            message: string;
                        }[];
                    };
                };
            };
            /** @description No app has this name */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable snake_case code, e.g. validation_failed, app_not_found */
                        error: string;
                        /** @description What went wrong, as a sentence for a person */
                        message: string;
                        /** @description The fields at fault, each with why (present when the request's content is) */
                        fields?: {
                            field: string;
                            message: string;
                        }[];
                    };
                };
            };
            /** @description The body is larger than this route accepts */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable snake_case code, e.g. validation_failed, app_not_found */
                        error: string;
                        /** @description What went wrong, as a sentence for a person */
                        message: string;
                        /** @description The fields at fault, each with why (present when the request's content is) */
                        fields?: {
                            field: string;
                            message: string;
                        }[];
                    };
                };
            };
            /** @description The body's Content-Type is not application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable snake_case code, e.g. validation_failed, app_not_found */
                        error: string;
                        /** @description What went wrong, as a sentence for a person */
                        message: string;
                        /** @description The fields at fault, each with why (present when the request's content is) */
                        fields?: {
                            field: string;
                            message: string;
                        }[];
                    };
                };
            };
            /** @description Too many requests in the last minute; the message says when to retry */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable snake_case code, e.g. validation_failed, app_not_found */
                        error: string;
                        /** @description What went wrong, as a sentence for a person */
                        message: string;
                        /** @description The fields at fault, each with why (present when the request's content is) */
                        fields?: {
                            field: string;
                            message: string;
                        }[];
                    };
                };
            };
            /** @description Pier's database or job queue can't be reached right now; try again shortly */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable snake_case code, e.g. validation_failed, app_not_found */
                        error: string;
                        /** @description What went wrong, as a sentence for a person */
                        message: string;
                        /** @description The fields at fault, each with why (present when the request's content is) */
                        fields?: {
                            field: string;
                            message: string;
                        }[];
                    };
                };
            };
        };
    };
    removeRepoCredential: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                name: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description null: no credential now */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        credential: {
                            /** @enum {string} */
                            kind: "TOKEN" | "DEPLOY_KEY";
                            hint: string;
                            updatedAt: string;
                        } | null;
                    };
                };
            };
            /** @description The request is invalid: malformed JSON, or fields that are wrong (each named, with why) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable snake_case code, e.g. validation_failed, app_not_found */
                        error: string;
                        /** @description What went wrong, as a sentence for a person */
                        message: string;
                        /** @description The fields at fault, each with why (present when the request's content is) */
                        fields?: {
                            field: string;
                            message: string;
                        }[];
                    };
                };
            };
            /** @description No bearer token, or one that is invalid, revoked or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable snake_case code, e.g. validation_failed, app_not_found */
                        error: string;
                        /** @description What went wrong, as a sentence for a person */
                        message: string;
                        /** @description The fields at fault, each with why (present when the request's content is) */
                        fields?: {
                            field: string;
                            message: string;
                        }[];
                    };
                };
            };
            /** @description The token's scope doesn't allow this route */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable snake_case code, e.g. validation_failed, app_not_found */
                        error: string;
                        /** @description What went wrong, as a sentence for a person */
                        message: string;
                        /** @description The fields at fault, each with why (present when the request's content is) */
                        fields?: {
                            field: string;
                            message: string;
                        }[];
                    };
                };
            };
            /** @description No app has this name, or it has no credential */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable snake_case code, e.g. validation_failed, app_not_found */
                        error: string;
                        /** @description What went wrong, as a sentence for a person */
                        message: string;
                        /** @description The fields at fault, each with why (present when the request's content is) */
                        fields?: {
                            field: string;
                            message: string;
                        }[];
                    };
                };
            };
            /** @description Too many requests in the last minute; the message says when to retry */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable snake_case code, e.g. validation_failed, app_not_found */
                        error: string;
                        /** @description What went wrong, as a sentence for a person */
                        message: string;
                        /** @description The fields at fault, each with why (present when the request's content is) */
                        fields?: {
                            field: string;
                            message: string;
                        }[];
                    };
                };
            };
            /** @description Pier's database or job queue can't be reached right now; try again shortly */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable snake_case code, e.g. validation_failed, app_not_found */
                        error: string;
                        /** @description What went wrong, as a sentence for a person */
                        message: string;
                        /** @description The fields at fault, each with why (present when the request's content is) */
                        fields?: {
                            field: string;
                            message: string;
                        }[];
                    };
                };
            };
        };
    };
    getGithubApp: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The GitHub App's settings */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "configured": true,
                     *       "appId": "123456",
                     *       "updatedAt": "2026-01-05T09:30:00.000Z"
                     *     }
                     */
                    "application/json": {
                        configured: boolean;
                        appId: string | null;
                        updatedAt: string | null;
                    };
                };
            };
            /** @description The request is invalid: malformed JSON, or fields that are wrong (each named, with why) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable snake_case code, e.g. validation_failed, app_not_found */
                        error: string;
                        /** @description What went wrong, as a sentence for a person */
                        message: string;
                        /** @description The fields at fault, each with why (present when the request's content is) */
                        fields?: {
                            field: string;
                            message: string;
                        }[];
                    };
                };
            };
            /** @description No bearer token, or one that is invalid, revoked or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable snake_case code, e.g. validation_failed, app_not_found */
                        error: string;
                        /** @description What went wrong, as a sentence for a person */
                        message: string;
                        /** @description The fields at fault, each with why (present when the request's content is) */
                        fields?: {
                            field: string;
                            message: string;
                        }[];
                    };
                };
            };
            /** @description The token's scope doesn't allow this route */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable snake_case code, e.g. validation_failed, app_not_found */
                        error: string;
                        /** @description What went wrong, as a sentence for a person */
                        message: string;
                        /** @description The fields at fault, each with why (present when the request's content is) */
                        fields?: {
                            field: string;
                            message: string;
                        }[];
                    };
                };
            };
            /** @description Too many requests in the last minute; the message says when to retry */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable snake_case code, e.g. validation_failed, app_not_found */
                        error: string;
                        /** @description What went wrong, as a sentence for a person */
                        message: string;
                        /** @description The fields at fault, each with why (present when the request's content is) */
                        fields?: {
                            field: string;
                            message: string;
                        }[];
                    };
                };
            };
            /** @description Pier's database or job queue can't be reached right now; try again shortly */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable snake_case code, e.g. validation_failed, app_not_found */
                        error: string;
                        /** @description What went wrong, as a sentence for a person */
                        message: string;
                        /** @description The fields at fault, each with why (present when the request's content is) */
                        fields?: {
                            field: string;
                            message: string;
                        }[];
                    };
                };
            };
        };
    };
    setGithubApp: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    appId: string | number;
                    /** @description The GitHub App's private key (PEM, as GitHub downloads it) */
                    privateKey: string;
                };
            };
        };
        responses: {
            /** @description The GitHub App's settings */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "configured": true,
                     *       "appId": "123456",
                     *       "updatedAt": "2026-01-05T09:30:00.000Z"
                     *     }
                     */
                    "application/json": {
                        configured: boolean;
                        appId: string | null;
                        updatedAt: string | null;
                    };
                };
            };
            /** @description The request is invalid: malformed JSON, or fields that are wrong (each named, with why) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable snake_case code, e.g. validation_failed, app_not_found */
                        error: string;
                        /** @description What went wrong, as a sentence for a person */
                        message: string;
                        /** @description The fields at fault, each with why (present when the request's content is) */
                        fields?: {
                            field: string;
                            message: string;
                        }[];
                    };
                };
            };
            /** @description No bearer token, or one that is invalid, revoked or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable snake_case code, e.g. validation_failed, app_not_found */
                        error: string;
                        /** @description What went wrong, as a sentence for a person */
                        message: string;
                        /** @description The fields at fault, each with why (present when the request's content is) */
                        fields?: {
                            field: string;
                            message: string;
                        }[];
                    };
                };
            };
            /** @description The token's scope doesn't allow this route */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable snake_case code, e.g. validation_failed, app_not_found */
                        error: string;
                        /** @description What went wrong, as a sentence for a person */
                        message: string;
                        /** @description The fields at fault, each with why (present when the request's content is) */
                        fields?: {
                            field: string;
                            message: string;
                        }[];
                    };
                };
            };
            /** @description The body is larger than this route accepts */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable snake_case code, e.g. validation_failed, app_not_found */
                        error: string;
                        /** @description What went wrong, as a sentence for a person */
                        message: string;
                        /** @description The fields at fault, each with why (present when the request's content is) */
                        fields?: {
                            field: string;
                            message: string;
                        }[];
                    };
                };
            };
            /** @description The body's Content-Type is not application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable snake_case code, e.g. validation_failed, app_not_found */
                        error: string;
                        /** @description What went wrong, as a sentence for a person */
                        message: string;
                        /** @description The fields at fault, each with why (present when the request's content is) */
                        fields?: {
                            field: string;
                            message: string;
                        }[];
                    };
                };
            };
            /** @description Too many requests in the last minute; the message says when to retry */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable snake_case code, e.g. validation_failed, app_not_found */
                        error: string;
                        /** @description What went wrong, as a sentence for a person */
                        message: string;
                        /** @description The fields at fault, each with why (present when the request's content is) */
                        fields?: {
                            field: string;
                            message: string;
                        }[];
                    };
                };
            };
            /** @description Pier's database or job queue can't be reached right now; try again shortly */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable snake_case code, e.g. validation_failed, app_not_found */
                        error: string;
                        /** @description What went wrong, as a sentence for a person */
                        message: string;
                        /** @description The fields at fault, each with why (present when the request's content is) */
                        fields?: {
                            field: string;
                            message: string;
                        }[];
                    };
                };
            };
        };
    };
    removeGithubApp: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description configured: false */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "configured": false,
                     *       "appId": null,
                     *       "updatedAt": null
                     *     }
                     */
                    "application/json": {
                        configured: boolean;
                        appId: string | null;
                        updatedAt: string | null;
                    };
                };
            };
            /** @description The request is invalid: malformed JSON, or fields that are wrong (each named, with why) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable snake_case code, e.g. validation_failed, app_not_found */
                        error: string;
                        /** @description What went wrong, as a sentence for a person */
                        message: string;
                        /** @description The fields at fault, each with why (present when the request's content is) */
                        fields?: {
                            field: string;
                            message: string;
                        }[];
                    };
                };
            };
            /** @description No bearer token, or one that is invalid, revoked or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable snake_case code, e.g. validation_failed, app_not_found */
                        error: string;
                        /** @description What went wrong, as a sentence for a person */
                        message: string;
                        /** @description The fields at fault, each with why (present when the request's content is) */
                        fields?: {
                            field: string;
                            message: string;
                        }[];
                    };
                };
            };
            /** @description The token's scope doesn't allow this route */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable snake_case code, e.g. validation_failed, app_not_found */
                        error: string;
                        /** @description What went wrong, as a sentence for a person */
                        message: string;
                        /** @description The fields at fault, each with why (present when the request's content is) */
                        fields?: {
                            field: string;
                            message: string;
                        }[];
                    };
                };
            };
            /** @description No GitHub App is configured */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable snake_case code, e.g. validation_failed, app_not_found */
                        error: string;
                        /** @description What went wrong, as a sentence for a person */
                        message: string;
                        /** @description The fields at fault, each with why (present when the request's content is) */
                        fields?: {
                            field: string;
                            message: string;
                        }[];
                    };
                };
            };
            /** @description Too many requests in the last minute; the message says when to retry */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable snake_case code, e.g. validation_failed, app_not_found */
                        error: string;
                        /** @description What went wrong, as a sentence for a person */
                        message: string;
                        /** @description The fields at fault, each with why (present when the request's content is) */
                        fields?: {
                            field: string;
                            message: string;
                        }[];
                    };
                };
            };
            /** @description Pier's database or job queue can't be reached right now; try again shortly */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable snake_case code, e.g. validation_failed, app_not_found */
                        error: string;
                        /** @description What went wrong, as a sentence for a person */
                        message: string;
                        /** @description The fields at fault, each with why (present when the request's content is) */
                        fields?: {
                            field: string;
                            message: string;
                        }[];
                    };
                };
            };
        };
    };
    listNodes: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Every node */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        nodes: {
                            id: string;
                            /** @description Its hostname */
                            name: string;
                            /** @enum {string} */
                            role: "manager" | "worker";
                            /** @description "ready", "down", "unknown" or "disconnected" (Swarm's node states) */
                            state: string;
                            /**
                             * @description drain: its replicas move away and none start there
                             * @enum {string}
                             */
                            availability: "active" | "pause" | "drain";
                            /** @description The address the router and the other nodes reach it on */
                            address: string;
                            cpus: number;
                            memoryBytes: number;
                            /** @description Pier's containers running on it now (replicas, one-off runs) */
                            runningTasks: number;
                            /** @description Node labels (Swarm), e.g. pier.build=true on a build server */
                            labels: {
                                [key: string]: string;
                            };
                            /** @description The apps' replicas running on it now */
                            replicas: {
                                /** @description The app the replica serves */
                                app: string;
                                /** @description The deployment it runs (null if its record is gone) */
                                deploymentShortId: string | null;
                                /** @description Which replica of the deployment (1, 2, …) */
                                replica: number;
                                /** @description Its container's name (on Swarm, its service's) */
                                container: string;
                                /** @description The branch label a preview serves; null for production and candidates */
                                preview: string | null;
                                /** @description It mounts a volume, which lives on one node: it runs there and never moves to another node */
                                pinnedByVolume: boolean;
                            }[];
                        }[];
                        /**
                         * @description docker: one machine, nothing to drain; swarm: every node of the swarm
                         * @enum {string}
                         */
                        runtime: "docker" | "swarm";
                    };
                };
            };
            /** @description The request is invalid: malformed JSON, or fields that are wrong (each named, with why) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable snake_case code, e.g. validation_failed, app_not_found */
                        error: string;
                        /** @description What went wrong, as a sentence for a person */
                        message: string;
                        /** @description The fields at fault, each with why (present when the request's content is) */
                        fields?: {
                            field: string;
                            message: string;
                        }[];
                    };
                };
            };
            /** @description No bearer token, or one that is invalid, revoked or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable snake_case code, e.g. validation_failed, app_not_found */
                        error: string;
                        /** @description What went wrong, as a sentence for a person */
                        message: string;
                        /** @description The fields at fault, each with why (present when the request's content is) */
                        fields?: {
                            field: string;
                            message: string;
                        }[];
                    };
                };
            };
            /** @description The token's scope doesn't allow this route */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable snake_case code, e.g. validation_failed, app_not_found */
                        error: string;
                        /** @description What went wrong, as a sentence for a person */
                        message: string;
                        /** @description The fields at fault, each with why (present when the request's content is) */
                        fields?: {
                            field: string;
                            message: string;
                        }[];
                    };
                };
            };
            /** @description Too many requests in the last minute; the message says when to retry */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable snake_case code, e.g. validation_failed, app_not_found */
                        error: string;
                        /** @description What went wrong, as a sentence for a person */
                        message: string;
                        /** @description The fields at fault, each with why (present when the request's content is) */
                        fields?: {
                            field: string;
                            message: string;
                        }[];
                    };
                };
            };
            /** @description Pier's database or job queue can't be reached right now; try again shortly */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable snake_case code, e.g. validation_failed, app_not_found */
                        error: string;
                        /** @description What went wrong, as a sentence for a person */
                        message: string;
                        /** @description The fields at fault, each with why (present when the request's content is) */
                        fields?: {
                            field: string;
                            message: string;
                        }[];
                    };
                };
            };
        };
    };
    getNodeJoinCommand: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The join command */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description What a new machine runs to join the swarm as a worker (holds the join token) */
                        command: string;
                    };
                };
            };
            /** @description The request is invalid: malformed JSON, or fields that are wrong (each named, with why) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable snake_case code, e.g. validation_failed, app_not_found */
                        error: string;
                        /** @description What went wrong, as a sentence for a person */
                        message: string;
                        /** @description The fields at fault, each with why (present when the request's content is) */
                        fields?: {
                            field: string;
                            message: string;
                        }[];
                    };
                };
            };
            /** @description No bearer token, or one that is invalid, revoked or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable snake_case code, e.g. validation_failed, app_not_found */
                        error: string;
                        /** @description What went wrong, as a sentence for a person */
                        message: string;
                        /** @description The fields at fault, each with why (present when the request's content is) */
                        fields?: {
                            field: string;
                            message: string;
                        }[];
                    };
                };
            };
            /** @description The token's scope doesn't allow this route */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable snake_case code, e.g. validation_failed, app_not_found */
                        error: string;
                        /** @description What went wrong, as a sentence for a person */
                        message: string;
                        /** @description The fields at fault, each with why (present when the request's content is) */
                        fields?: {
                            field: string;
                            message: string;
                        }[];
                    };
                };
            };
            /** @description Single Docker (PIER_RUNTIME=docker): one machine, no cluster (error no_cluster) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable snake_case code, e.g. validation_failed, app_not_found */
                        error: string;
                        /** @description What went wrong, as a sentence for a person */
                        message: string;
                        /** @description The fields at fault, each with why (present when the request's content is) */
                        fields?: {
                            field: string;
                            message: string;
                        }[];
                    };
                };
            };
            /** @description Too many requests in the last minute; the message says when to retry */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable snake_case code, e.g. validation_failed, app_not_found */
                        error: string;
                        /** @description What went wrong, as a sentence for a person */
                        message: string;
                        /** @description The fields at fault, each with why (present when the request's content is) */
                        fields?: {
                            field: string;
                            message: string;
                        }[];
                    };
                };
            };
            /** @description Pier's database or job queue can't be reached right now; try again shortly */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable snake_case code, e.g. validation_failed, app_not_found */
                        error: string;
                        /** @description What went wrong, as a sentence for a person */
                        message: string;
                        /** @description The fields at fault, each with why (present when the request's content is) */
                        fields?: {
                            field: string;
                            message: string;
                        }[];
                    };
                };
            };
        };
    };
    drainNode: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The node's id or its name (hostname) */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The node, changed */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        node: {
                            id: string;
                            /** @description Its hostname */
                            name: string;
                            /** @enum {string} */
                            role: "manager" | "worker";
                            /** @description "ready", "down", "unknown" or "disconnected" (Swarm's node states) */
                            state: string;
                            /**
                             * @description drain: its replicas move away and none start there
                             * @enum {string}
                             */
                            availability: "active" | "pause" | "drain";
                            /** @description The address the router and the other nodes reach it on */
                            address: string;
                            cpus: number;
                            memoryBytes: number;
                            /** @description Pier's containers running on it now (replicas, one-off runs) */
                            runningTasks: number;
                            /** @description Node labels (Swarm), e.g. pier.build=true on a build server */
                            labels: {
                                [key: string]: string;
                            };
                            /** @description The apps' replicas running on it now */
                            replicas: {
                                /** @description The app the replica serves */
                                app: string;
                                /** @description The deployment it runs (null if its record is gone) */
                                deploymentShortId: string | null;
                                /** @description Which replica of the deployment (1, 2, …) */
                                replica: number;
                                /** @description Its container's name (on Swarm, its service's) */
                                container: string;
                                /** @description The branch label a preview serves; null for production and candidates */
                                preview: string | null;
                                /** @description It mounts a volume, which lives on one node: it runs there and never moves to another node */
                                pinnedByVolume: boolean;
                            }[];
                        };
                    };
                };
            };
            /** @description The request is invalid: malformed JSON, or fields that are wrong (each named, with why) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable snake_case code, e.g. validation_failed, app_not_found */
                        error: string;
                        /** @description What went wrong, as a sentence for a person */
                        message: string;
                        /** @description The fields at fault, each with why (present when the request's content is) */
                        fields?: {
                            field: string;
                            message: string;
                        }[];
                    };
                };
            };
            /** @description No bearer token, or one that is invalid, revoked or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable snake_case code, e.g. validation_failed, app_not_found */
                        error: string;
                        /** @description What went wrong, as a sentence for a person */
                        message: string;
                        /** @description The fields at fault, each with why (present when the request's content is) */
                        fields?: {
                            field: string;
                            message: string;
                        }[];
                    };
                };
            };
            /** @description The token's scope doesn't allow this route */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable snake_case code, e.g. validation_failed, app_not_found */
                        error: string;
                        /** @description What went wrong, as a sentence for a person */
                        message: string;
                        /** @description The fields at fault, each with why (present when the request's content is) */
                        fields?: {
                            field: string;
                            message: string;
                        }[];
                    };
                };
            };
            /** @description No node has this id or name */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable snake_case code, e.g. validation_failed, app_not_found */
                        error: string;
                        /** @description What went wrong, as a sentence for a person */
                        message: string;
                        /** @description The fields at fault, each with why (present when the request's content is) */
                        fields?: {
                            field: string;
                            message: string;
                        }[];
                    };
                };
            };
            /** @description Single Docker (PIER_RUNTIME=docker): one machine, no cluster (error no_cluster) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable snake_case code, e.g. validation_failed, app_not_found */
                        error: string;
                        /** @description What went wrong, as a sentence for a person */
                        message: string;
                        /** @description The fields at fault, each with why (present when the request's content is) */
                        fields?: {
                            field: string;
                            message: string;
                        }[];
                    };
                };
            };
            /** @description Too many requests in the last minute; the message says when to retry */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable snake_case code, e.g. validation_failed, app_not_found */
                        error: string;
                        /** @description What went wrong, as a sentence for a person */
                        message: string;
                        /** @description The fields at fault, each with why (present when the request's content is) */
                        fields?: {
                            field: string;
                            message: string;
                        }[];
                    };
                };
            };
            /** @description Pier's database or job queue can't be reached right now; try again shortly */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable snake_case code, e.g. validation_failed, app_not_found */
                        error: string;
                        /** @description What went wrong, as a sentence for a person */
                        message: string;
                        /** @description The fields at fault, each with why (present when the request's content is) */
                        fields?: {
                            field: string;
                            message: string;
                        }[];
                    };
                };
            };
        };
    };
    activateNode: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The node's id or its name (hostname) */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The node, changed */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        node: {
                            id: string;
                            /** @description Its hostname */
                            name: string;
                            /** @enum {string} */
                            role: "manager" | "worker";
                            /** @description "ready", "down", "unknown" or "disconnected" (Swarm's node states) */
                            state: string;
                            /**
                             * @description drain: its replicas move away and none start there
                             * @enum {string}
                             */
                            availability: "active" | "pause" | "drain";
                            /** @description The address the router and the other nodes reach it on */
                            address: string;
                            cpus: number;
                            memoryBytes: number;
                            /** @description Pier's containers running on it now (replicas, one-off runs) */
                            runningTasks: number;
                            /** @description Node labels (Swarm), e.g. pier.build=true on a build server */
                            labels: {
                                [key: string]: string;
                            };
                            /** @description The apps' replicas running on it now */
                            replicas: {
                                /** @description The app the replica serves */
                                app: string;
                                /** @description The deployment it runs (null if its record is gone) */
                                deploymentShortId: string | null;
                                /** @description Which replica of the deployment (1, 2, …) */
                                replica: number;
                                /** @description Its container's name (on Swarm, its service's) */
                                container: string;
                                /** @description The branch label a preview serves; null for production and candidates */
                                preview: string | null;
                                /** @description It mounts a volume, which lives on one node: it runs there and never moves to another node */
                                pinnedByVolume: boolean;
                            }[];
                        };
                    };
                };
            };
            /** @description The request is invalid: malformed JSON, or fields that are wrong (each named, with why) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable snake_case code, e.g. validation_failed, app_not_found */
                        error: string;
                        /** @description What went wrong, as a sentence for a person */
                        message: string;
                        /** @description The fields at fault, each with why (present when the request's content is) */
                        fields?: {
                            field: string;
                            message: string;
                        }[];
                    };
                };
            };
            /** @description No bearer token, or one that is invalid, revoked or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable snake_case code, e.g. validation_failed, app_not_found */
                        error: string;
                        /** @description What went wrong, as a sentence for a person */
                        message: string;
                        /** @description The fields at fault, each with why (present when the request's content is) */
                        fields?: {
                            field: string;
                            message: string;
                        }[];
                    };
                };
            };
            /** @description The token's scope doesn't allow this route */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable snake_case code, e.g. validation_failed, app_not_found */
                        error: string;
                        /** @description What went wrong, as a sentence for a person */
                        message: string;
                        /** @description The fields at fault, each with why (present when the request's content is) */
                        fields?: {
                            field: string;
                            message: string;
                        }[];
                    };
                };
            };
            /** @description No node has this id or name */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable snake_case code, e.g. validation_failed, app_not_found */
                        error: string;
                        /** @description What went wrong, as a sentence for a person */
                        message: string;
                        /** @description The fields at fault, each with why (present when the request's content is) */
                        fields?: {
                            field: string;
                            message: string;
                        }[];
                    };
                };
            };
            /** @description Single Docker (PIER_RUNTIME=docker): one machine, no cluster (error no_cluster) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable snake_case code, e.g. validation_failed, app_not_found */
                        error: string;
                        /** @description What went wrong, as a sentence for a person */
                        message: string;
                        /** @description The fields at fault, each with why (present when the request's content is) */
                        fields?: {
                            field: string;
                            message: string;
                        }[];
                    };
                };
            };
            /** @description Too many requests in the last minute; the message says when to retry */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable snake_case code, e.g. validation_failed, app_not_found */
                        error: string;
                        /** @description What went wrong, as a sentence for a person */
                        message: string;
                        /** @description The fields at fault, each with why (present when the request's content is) */
                        fields?: {
                            field: string;
                            message: string;
                        }[];
                    };
                };
            };
            /** @description Pier's database or job queue can't be reached right now; try again shortly */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable snake_case code, e.g. validation_failed, app_not_found */
                        error: string;
                        /** @description What went wrong, as a sentence for a person */
                        message: string;
                        /** @description The fields at fault, each with why (present when the request's content is) */
                        fields?: {
                            field: string;
                            message: string;
                        }[];
                    };
                };
            };
        };
    };
}
