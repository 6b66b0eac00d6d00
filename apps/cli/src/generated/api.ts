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
        /** Health of the database, Redis and Docker */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
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
                /** @description Default Response */
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
        /** JSON Schema of pier.json */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
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
        /** GitHub webhook (push, pull_request, ping) for one app */
        post: {
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
                /** @description Default Response */
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
                /** @description Default Response */
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
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            message: string;
                            field?: string;
                            fields?: {
                                field: string;
                                in: string;
                                message: string;
                            }[];
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            message: string;
                            field?: string;
                            fields?: {
                                field: string;
                                in: string;
                                message: string;
                            }[];
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            message: string;
                            field?: string;
                            fields?: {
                                field: string;
                                in: string;
                                message: string;
                            }[];
                        };
                    };
                };
                /** @description Default Response */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            message: string;
                            field?: string;
                            fields?: {
                                field: string;
                                in: string;
                                message: string;
                            }[];
                        };
                    };
                };
                /** @description Default Response */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            message: string;
                            field?: string;
                            fields?: {
                                field: string;
                                in: string;
                                message: string;
                            }[];
                        };
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            message: string;
                            field?: string;
                            fields?: {
                                field: string;
                                in: string;
                                message: string;
                            }[];
                        };
                    };
                };
                /** @description Default Response */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            message: string;
                            field?: string;
                            fields?: {
                                field: string;
                                in: string;
                                message: string;
                            }[];
                        };
                    };
                };
            };
        };
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
        /** List API tokens (never their values) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
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
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            message: string;
                            field?: string;
                            fields?: {
                                field: string;
                                in: string;
                                message: string;
                            }[];
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            message: string;
                            field?: string;
                            fields?: {
                                field: string;
                                in: string;
                                message: string;
                            }[];
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            message: string;
                            field?: string;
                            fields?: {
                                field: string;
                                in: string;
                                message: string;
                            }[];
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            message: string;
                            field?: string;
                            fields?: {
                                field: string;
                                in: string;
                                message: string;
                            }[];
                        };
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            message: string;
                            field?: string;
                            fields?: {
                                field: string;
                                in: string;
                                message: string;
                            }[];
                        };
                    };
                };
                /** @description Default Response */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            message: string;
                            field?: string;
                            fields?: {
                                field: string;
                                in: string;
                                message: string;
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        /** Create a named API token (shown once) */
        post: {
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
                /** @description Default Response */
                201: {
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
                            /** @description Shown once; store it now */
                            token: string;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            message: string;
                            field?: string;
                            fields?: {
                                field: string;
                                in: string;
                                message: string;
                            }[];
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            message: string;
                            field?: string;
                            fields?: {
                                field: string;
                                in: string;
                                message: string;
                            }[];
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            message: string;
                            field?: string;
                            fields?: {
                                field: string;
                                in: string;
                                message: string;
                            }[];
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            message: string;
                            field?: string;
                            fields?: {
                                field: string;
                                in: string;
                                message: string;
                            }[];
                        };
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            message: string;
                            field?: string;
                            fields?: {
                                field: string;
                                in: string;
                                message: string;
                            }[];
                        };
                    };
                };
                /** @description Default Response */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            message: string;
                            field?: string;
                            fields?: {
                                field: string;
                                in: string;
                                message: string;
                            }[];
                        };
                    };
                };
            };
        };
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
        /** Revoke an API token */
        delete: {
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
                /** @description Default Response */
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
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            message: string;
                            field?: string;
                            fields?: {
                                field: string;
                                in: string;
                                message: string;
                            }[];
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            message: string;
                            field?: string;
                            fields?: {
                                field: string;
                                in: string;
                                message: string;
                            }[];
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            message: string;
                            field?: string;
                            fields?: {
                                field: string;
                                in: string;
                                message: string;
                            }[];
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            message: string;
                            field?: string;
                            fields?: {
                                field: string;
                                in: string;
                                message: string;
                            }[];
                        };
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            message: string;
                            field?: string;
                            fields?: {
                                field: string;
                                in: string;
                                message: string;
                            }[];
                        };
                    };
                };
                /** @description Default Response */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            message: string;
                            field?: string;
                            fields?: {
                                field: string;
                                in: string;
                                message: string;
                            }[];
                        };
                    };
                };
            };
        };
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
        /** List notification channels (never their secrets) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
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
                            }[];
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            message: string;
                            field?: string;
                            fields?: {
                                field: string;
                                in: string;
                                message: string;
                            }[];
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            message: string;
                            field?: string;
                            fields?: {
                                field: string;
                                in: string;
                                message: string;
                            }[];
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            message: string;
                            field?: string;
                            fields?: {
                                field: string;
                                in: string;
                                message: string;
                            }[];
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            message: string;
                            field?: string;
                            fields?: {
                                field: string;
                                in: string;
                                message: string;
                            }[];
                        };
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            message: string;
                            field?: string;
                            fields?: {
                                field: string;
                                in: string;
                                message: string;
                            }[];
                        };
                    };
                };
                /** @description Default Response */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            message: string;
                            field?: string;
                            fields?: {
                                field: string;
                                in: string;
                                message: string;
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        /** Add a notification channel (its signing secret is shown once) */
        post: {
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
                        events?: ("deployment.ready" | "deployment.failed" | "container.replaced" | "app.crash_loop" | "app.down" | "app.recovered" | "alert.error_rate" | "alert.latency" | "app.scaled" | "image.rebuilding" | "image.rebuilt" | "image.rebuild_failed" | "certificate.issued" | "certificate.failed" | "certificate.expiring")[];
                        /**
                         * @description The apps whose events it receives (names); empty or missing: every app
                         * @default []
                         */
                        apps?: string[];
                    };
                };
            };
            responses: {
                /** @description Default Response */
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
                            /** @description Signs JSON deliveries (X-Pier-Signature-256); shown once, store it now */
                            secret: string;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            message: string;
                            field?: string;
                            fields?: {
                                field: string;
                                in: string;
                                message: string;
                            }[];
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            message: string;
                            field?: string;
                            fields?: {
                                field: string;
                                in: string;
                                message: string;
                            }[];
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            message: string;
                            field?: string;
                            fields?: {
                                field: string;
                                in: string;
                                message: string;
                            }[];
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            message: string;
                            field?: string;
                            fields?: {
                                field: string;
                                in: string;
                                message: string;
                            }[];
                        };
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            message: string;
                            field?: string;
                            fields?: {
                                field: string;
                                in: string;
                                message: string;
                            }[];
                        };
                    };
                };
                /** @description Default Response */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            message: string;
                            field?: string;
                            fields?: {
                                field: string;
                                in: string;
                                message: string;
                            }[];
                        };
                    };
                };
            };
        };
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
        /** Remove a notification channel and its delivery history */
        delete: {
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
                /** @description Default Response */
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
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            message: string;
                            field?: string;
                            fields?: {
                                field: string;
                                in: string;
                                message: string;
                            }[];
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            message: string;
                            field?: string;
                            fields?: {
                                field: string;
                                in: string;
                                message: string;
                            }[];
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            message: string;
                            field?: string;
                            fields?: {
                                field: string;
                                in: string;
                                message: string;
                            }[];
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            message: string;
                            field?: string;
                            fields?: {
                                field: string;
                                in: string;
                                message: string;
                            }[];
                        };
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            message: string;
                            field?: string;
                            fields?: {
                                field: string;
                                in: string;
                                message: string;
                            }[];
                        };
                    };
                };
                /** @description Default Response */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            message: string;
                            field?: string;
                            fields?: {
                                field: string;
                                in: string;
                                message: string;
                            }[];
                        };
                    };
                };
            };
        };
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
        /** A channel's deliveries, newest first */
        get: {
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
                /** @description Default Response */
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
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            message: string;
                            field?: string;
                            fields?: {
                                field: string;
                                in: string;
                                message: string;
                            }[];
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            message: string;
                            field?: string;
                            fields?: {
                                field: string;
                                in: string;
                                message: string;
                            }[];
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            message: string;
                            field?: string;
                            fields?: {
                                field: string;
                                in: string;
                                message: string;
                            }[];
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            message: string;
                            field?: string;
                            fields?: {
                                field: string;
                                in: string;
                                message: string;
                            }[];
                        };
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            message: string;
                            field?: string;
                            fields?: {
                                field: string;
                                in: string;
                                message: string;
                            }[];
                        };
                    };
                };
                /** @description Default Response */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            message: string;
                            field?: string;
                            fields?: {
                                field: string;
                                in: string;
                                message: string;
                            }[];
                        };
                    };
                };
            };
        };
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
        /** Send the test event (channel.test) to a channel, whatever events it subscribes to */
        post: {
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
                /** @description Default Response */
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
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            message: string;
                            field?: string;
                            fields?: {
                                field: string;
                                in: string;
                                message: string;
                            }[];
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            message: string;
                            field?: string;
                            fields?: {
                                field: string;
                                in: string;
                                message: string;
                            }[];
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            message: string;
                            field?: string;
                            fields?: {
                                field: string;
                                in: string;
                                message: string;
                            }[];
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            message: string;
                            field?: string;
                            fields?: {
                                field: string;
                                in: string;
                                message: string;
                            }[];
                        };
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            message: string;
                            field?: string;
                            fields?: {
                                field: string;
                                in: string;
                                message: string;
                            }[];
                        };
                    };
                };
                /** @description Default Response */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            message: string;
                            field?: string;
                            fields?: {
                                field: string;
                                in: string;
                                message: string;
                            }[];
                        };
                    };
                };
            };
        };
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
        /** List apps */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
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
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            message: string;
                            field?: string;
                            fields?: {
                                field: string;
                                in: string;
                                message: string;
                            }[];
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            message: string;
                            field?: string;
                            fields?: {
                                field: string;
                                in: string;
                                message: string;
                            }[];
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            message: string;
                            field?: string;
                            fields?: {
                                field: string;
                                in: string;
                                message: string;
                            }[];
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            message: string;
                            field?: string;
                            fields?: {
                                field: string;
                                in: string;
                                message: string;
                            }[];
                        };
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            message: string;
                            field?: string;
                            fields?: {
                                field: string;
                                in: string;
                                message: string;
                            }[];
                        };
                    };
                };
                /** @description Default Response */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            message: string;
                            field?: string;
                            fields?: {
                                field: string;
                                in: string;
                                message: string;
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        /** Create an app */
        post: {
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
                /** @description Default Response */
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
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            message: string;
                            field?: string;
                            fields?: {
                                field: string;
                                in: string;
                                message: string;
                            }[];
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            message: string;
                            field?: string;
                            fields?: {
                                field: string;
                                in: string;
                                message: string;
                            }[];
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            message: string;
                            field?: string;
                            fields?: {
                                field: string;
                                in: string;
                                message: string;
                            }[];
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            message: string;
                            field?: string;
                            fields?: {
                                field: string;
                                in: string;
                                message: string;
                            }[];
                        };
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            message: string;
                            field?: string;
                            fields?: {
                                field: string;
                                in: string;
                                message: string;
                            }[];
                        };
                    };
                };
                /** @description Default Response */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            message: string;
                            field?: string;
                            fields?: {
                                field: string;
                                in: string;
                                message: string;
                            }[];
                        };
                    };
                };
            };
        };
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
        /** Get an app */
        get: {
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
                /** @description Default Response */
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
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            message: string;
                            field?: string;
                            fields?: {
                                field: string;
                                in: string;
                                message: string;
                            }[];
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            message: string;
                            field?: string;
                            fields?: {
                                field: string;
                                in: string;
                                message: string;
                            }[];
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            message: string;
                            field?: string;
                            fields?: {
                                field: string;
                                in: string;
                                message: string;
                            }[];
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            message: string;
                            field?: string;
                            fields?: {
                                field: string;
                                in: string;
                                message: string;
                            }[];
                        };
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            message: string;
                            field?: string;
                            fields?: {
                                field: string;
                                in: string;
                                message: string;
                            }[];
                        };
                    };
                };
                /** @description Default Response */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            message: string;
                            field?: string;
                            fields?: {
                                field: string;
                                in: string;
                                message: string;
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        /** Delete an app and stop its containers (its volumes only with ?volumes=true) */
        delete: {
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
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            deleted: string;
                            removedContainers: number;
                            removedVolumes: string[];
                            keptVolumes: string[];
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            message: string;
                            field?: string;
                            fields?: {
                                field: string;
                                in: string;
                                message: string;
                            }[];
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            message: string;
                            field?: string;
                            fields?: {
                                field: string;
                                in: string;
                                message: string;
                            }[];
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            message: string;
                            field?: string;
                            fields?: {
                                field: string;
                                in: string;
                                message: string;
                            }[];
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            message: string;
                            field?: string;
                            fields?: {
                                field: string;
                                in: string;
                                message: string;
                            }[];
                        };
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            message: string;
                            field?: string;
                            fields?: {
                                field: string;
                                in: string;
                                message: string;
                            }[];
                        };
                    };
                };
                /** @description Default Response */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            message: string;
                            field?: string;
                            fields?: {
                                field: string;
                                in: string;
                                message: string;
                            }[];
                        };
                    };
                };
            };
        };
        options?: never;
        head?: never;
        /** Change an app's settings: build and run settings apply to the next deploy; autoscale, httpsRedirect and hsts at once */
        patch: {
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
                            /** @default 1 */
                            min?: number;
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
                /** @description Default Response */
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
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            message: string;
                            field?: string;
                            fields?: {
                                field: string;
                                in: string;
                                message: string;
                            }[];
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            message: string;
                            field?: string;
                            fields?: {
                                field: string;
                                in: string;
                                message: string;
                            }[];
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            message: string;
                            field?: string;
                            fields?: {
                                field: string;
                                in: string;
                                message: string;
                            }[];
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            message: string;
                            field?: string;
                            fields?: {
                                field: string;
                                in: string;
                                message: string;
                            }[];
                        };
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            message: string;
                            field?: string;
                            fields?: {
                                field: string;
                                in: string;
                                message: string;
                            }[];
                        };
                    };
                };
                /** @description Default Response */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            message: string;
                            field?: string;
                            fields?: {
                                field: string;
                                in: string;
                                message: string;
                            }[];
                        };
                    };
                };
            };
        };
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
        /** Deploy the head of the app's branch now */
        post: {
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
                /** @description Default Response */
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
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            message: string;
                            field?: string;
                            fields?: {
                                field: string;
                                in: string;
                                message: string;
                            }[];
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            message: string;
                            field?: string;
                            fields?: {
                                field: string;
                                in: string;
                                message: string;
                            }[];
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            message: string;
                            field?: string;
                            fields?: {
                                field: string;
                                in: string;
                                message: string;
                            }[];
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            message: string;
                            field?: string;
                            fields?: {
                                field: string;
                                in: string;
                                message: string;
                            }[];
                        };
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            message: string;
                            field?: string;
                            fields?: {
                                field: string;
                                in: string;
                                message: string;
                            }[];
                        };
                    };
                };
                /** @description Default Response */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            message: string;
                            field?: string;
                            fields?: {
                                field: string;
                                in: string;
                                message: string;
                            }[];
                        };
                    };
                };
            };
        };
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
        /** An app's deployments, newest first */
        get: {
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
                /** @description Default Response */
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
                            }[];
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            message: string;
                            field?: string;
                            fields?: {
                                field: string;
                                in: string;
                                message: string;
                            }[];
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            message: string;
                            field?: string;
                            fields?: {
                                field: string;
                                in: string;
                                message: string;
                            }[];
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            message: string;
                            field?: string;
                            fields?: {
                                field: string;
                                in: string;
                                message: string;
                            }[];
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            message: string;
                            field?: string;
                            fields?: {
                                field: string;
                                in: string;
                                message: string;
                            }[];
                        };
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            message: string;
                            field?: string;
                            fields?: {
                                field: string;
                                in: string;
                                message: string;
                            }[];
                        };
                    };
                };
                /** @description Default Response */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            message: string;
                            field?: string;
                            fields?: {
                                field: string;
                                in: string;
                                message: string;
                            }[];
                        };
                    };
                };
            };
        };
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
        /** A docker-compose file that runs the current release without Pier */
        get: {
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
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": string;
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            message: string;
                            field?: string;
                            fields?: {
                                field: string;
                                in: string;
                                message: string;
                            }[];
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            message: string;
                            field?: string;
                            fields?: {
                                field: string;
                                in: string;
                                message: string;
                            }[];
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            message: string;
                            field?: string;
                            fields?: {
                                field: string;
                                in: string;
                                message: string;
                            }[];
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            message: string;
                            field?: string;
                            fields?: {
                                field: string;
                                in: string;
                                message: string;
                            }[];
                        };
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            message: string;
                            field?: string;
                            fields?: {
                                field: string;
                                in: string;
                                message: string;
                            }[];
                        };
                    };
                };
                /** @description Default Response */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            message: string;
                            field?: string;
                            fields?: {
                                field: string;
                                in: string;
                                message: string;
                            }[];
                        };
                    };
                };
            };
        };
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
        /** List env vars */
        get: {
            parameters: {
                query?: {
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
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
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
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            message: string;
                            field?: string;
                            fields?: {
                                field: string;
                                in: string;
                                message: string;
                            }[];
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            message: string;
                            field?: string;
                            fields?: {
                                field: string;
                                in: string;
                                message: string;
                            }[];
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            message: string;
                            field?: string;
                            fields?: {
                                field: string;
                                in: string;
                                message: string;
                            }[];
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            message: string;
                            field?: string;
                            fields?: {
                                field: string;
                                in: string;
                                message: string;
                            }[];
                        };
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            message: string;
                            field?: string;
                            fields?: {
                                field: string;
                                in: string;
                                message: string;
                            }[];
                        };
                    };
                };
                /** @description Default Response */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            message: string;
                            field?: string;
                            fields?: {
                                field: string;
                                in: string;
                                message: string;
                            }[];
                        };
                    };
                };
            };
        };
        /** Set env vars for production, preview or both (default both); merged with existing ones */
        put: {
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
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
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
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            message: string;
                            field?: string;
                            fields?: {
                                field: string;
                                in: string;
                                message: string;
                            }[];
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            message: string;
                            field?: string;
                            fields?: {
                                field: string;
                                in: string;
                                message: string;
                            }[];
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            message: string;
                            field?: string;
                            fields?: {
                                field: string;
                                in: string;
                                message: string;
                            }[];
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            message: string;
                            field?: string;
                            fields?: {
                                field: string;
                                in: string;
                                message: string;
                            }[];
                        };
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            message: string;
                            field?: string;
                            fields?: {
                                field: string;
                                in: string;
                                message: string;
                            }[];
                        };
                    };
                };
                /** @description Default Response */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            message: string;
                            field?: string;
                            fields?: {
                                field: string;
                                in: string;
                                message: string;
                            }[];
                        };
                    };
                };
            };
        };
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
        /** Remove an env var (from one target with ?target=) */
        delete: {
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
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
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
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            message: string;
                            field?: string;
                            fields?: {
                                field: string;
                                in: string;
                                message: string;
                            }[];
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            message: string;
                            field?: string;
                            fields?: {
                                field: string;
                                in: string;
                                message: string;
                            }[];
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            message: string;
                            field?: string;
                            fields?: {
                                field: string;
                                in: string;
                                message: string;
                            }[];
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            message: string;
                            field?: string;
                            fields?: {
                                field: string;
                                in: string;
                                message: string;
                            }[];
                        };
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            message: string;
                            field?: string;
                            fields?: {
                                field: string;
                                in: string;
                                message: string;
                            }[];
                        };
                    };
                };
                /** @description Default Response */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            message: string;
                            field?: string;
                            fields?: {
                                field: string;
                                in: string;
                                message: string;
                            }[];
                        };
                    };
                };
            };
        };
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
        /** Every change of the app's production, newest first */
        get: {
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
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            releases: {
                                version: number;
                                name: string;
                                /** @enum {string} */
                                kind: "DEPLOY" | "ROLLBACK" | "PROMOTE";
                                /**
                                 * @description Who asked: a push, the API, the dashboard, or Pier itself (AUTO, with a reason)
                                 * @enum {string}
                                 */
                                cause: "PUSH" | "API" | "DASHBOARD" | "AUTO";
                                reason: string | null;
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
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            message: string;
                            field?: string;
                            fields?: {
                                field: string;
                                in: string;
                                message: string;
                            }[];
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            message: string;
                            field?: string;
                            fields?: {
                                field: string;
                                in: string;
                                message: string;
                            }[];
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            message: string;
                            field?: string;
                            fields?: {
                                field: string;
                                in: string;
                                message: string;
                            }[];
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            message: string;
                            field?: string;
                            fields?: {
                                field: string;
                                in: string;
                                message: string;
                            }[];
                        };
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            message: string;
                            field?: string;
                            fields?: {
                                field: string;
                                in: string;
                                message: string;
                            }[];
                        };
                    };
                };
                /** @description Default Response */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            message: string;
                            field?: string;
                            fields?: {
                                field: string;
                                in: string;
                                message: string;
                            }[];
                        };
                    };
                };
            };
        };
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
        /** Put an earlier deployment back live (default: the previous production), without rebuilding */
        post: {
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
                        deploymentId?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            release: {
                                version: number;
                                name: string;
                                /** @enum {string} */
                                kind: "DEPLOY" | "ROLLBACK" | "PROMOTE";
                                /**
                                 * @description Who asked: a push, the API, the dashboard, or Pier itself (AUTO, with a reason)
                                 * @enum {string}
                                 */
                                cause: "PUSH" | "API" | "DASHBOARD" | "AUTO";
                                reason: string | null;
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
                            };
                            started: boolean;
                            routed: boolean;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            message: string;
                            field?: string;
                            fields?: {
                                field: string;
                                in: string;
                                message: string;
                            }[];
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            message: string;
                            field?: string;
                            fields?: {
                                field: string;
                                in: string;
                                message: string;
                            }[];
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            message: string;
                            field?: string;
                            fields?: {
                                field: string;
                                in: string;
                                message: string;
                            }[];
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            message: string;
                            field?: string;
                            fields?: {
                                field: string;
                                in: string;
                                message: string;
                            }[];
                        };
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            message: string;
                            field?: string;
                            fields?: {
                                field: string;
                                in: string;
                                message: string;
                            }[];
                        };
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            message: string;
                            field?: string;
                            fields?: {
                                field: string;
                                in: string;
                                message: string;
                            }[];
                        };
                    };
                };
                /** @description Default Response */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            message: string;
                            field?: string;
                            fields?: {
                                field: string;
                                in: string;
                                message: string;
                            }[];
                        };
                    };
                };
            };
        };
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
        /** Make a deployment production, without rebuilding */
        post: {
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
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            release: {
                                version: number;
                                name: string;
                                /** @enum {string} */
                                kind: "DEPLOY" | "ROLLBACK" | "PROMOTE";
                                /**
                                 * @description Who asked: a push, the API, the dashboard, or Pier itself (AUTO, with a reason)
                                 * @enum {string}
                                 */
                                cause: "PUSH" | "API" | "DASHBOARD" | "AUTO";
                                reason: string | null;
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
                            };
                            started: boolean;
                            routed: boolean;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            message: string;
                            field?: string;
                            fields?: {
                                field: string;
                                in: string;
                                message: string;
                            }[];
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            message: string;
                            field?: string;
                            fields?: {
                                field: string;
                                in: string;
                                message: string;
                            }[];
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            message: string;
                            field?: string;
                            fields?: {
                                field: string;
                                in: string;
                                message: string;
                            }[];
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            message: string;
                            field?: string;
                            fields?: {
                                field: string;
                                in: string;
                                message: string;
                            }[];
                        };
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            message: string;
                            field?: string;
                            fields?: {
                                field: string;
                                in: string;
                                message: string;
                            }[];
                        };
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            message: string;
                            field?: string;
                            fields?: {
                                field: string;
                                in: string;
                                message: string;
                            }[];
                        };
                    };
                };
                /** @description Default Response */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            message: string;
                            field?: string;
                            fields?: {
                                field: string;
                                in: string;
                                message: string;
                            }[];
                        };
                    };
                };
            };
        };
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
        /** The app's last webhook deliveries and what Pier did with each (pushes the head check caught too) */
        get: {
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
                /** @description Default Response */
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
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            message: string;
                            field?: string;
                            fields?: {
                                field: string;
                                in: string;
                                message: string;
                            }[];
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            message: string;
                            field?: string;
                            fields?: {
                                field: string;
                                in: string;
                                message: string;
                            }[];
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            message: string;
                            field?: string;
                            fields?: {
                                field: string;
                                in: string;
                                message: string;
                            }[];
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            message: string;
                            field?: string;
                            fields?: {
                                field: string;
                                in: string;
                                message: string;
                            }[];
                        };
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            message: string;
                            field?: string;
                            fields?: {
                                field: string;
                                in: string;
                                message: string;
                            }[];
                        };
                    };
                };
                /** @description Default Response */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            message: string;
                            field?: string;
                            fields?: {
                                field: string;
                                in: string;
                                message: string;
                            }[];
                        };
                    };
                };
            };
        };
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
        /** Runtime logs of the app's production container (text; follow=true streams) */
        get: {
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
                /** @description text/plain */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": string;
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            message: string;
                            field?: string;
                            fields?: {
                                field: string;
                                in: string;
                                message: string;
                            }[];
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            message: string;
                            field?: string;
                            fields?: {
                                field: string;
                                in: string;
                                message: string;
                            }[];
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            message: string;
                            field?: string;
                            fields?: {
                                field: string;
                                in: string;
                                message: string;
                            }[];
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            message: string;
                            field?: string;
                            fields?: {
                                field: string;
                                in: string;
                                message: string;
                            }[];
                        };
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            message: string;
                            field?: string;
                            fields?: {
                                field: string;
                                in: string;
                                message: string;
                            }[];
                        };
                    };
                };
                /** @description Default Response */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            message: string;
                            field?: string;
                            fields?: {
                                field: string;
                                in: string;
                                message: string;
                            }[];
                        };
                    };
                };
            };
        };
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
        /** Run a one-off command in the production image (with the app's env and volumes) and return its output */
        post: {
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
                /** @description Default Response */
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
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            message: string;
                            field?: string;
                            fields?: {
                                field: string;
                                in: string;
                                message: string;
                            }[];
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            message: string;
                            field?: string;
                            fields?: {
                                field: string;
                                in: string;
                                message: string;
                            }[];
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            message: string;
                            field?: string;
                            fields?: {
                                field: string;
                                in: string;
                                message: string;
                            }[];
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            message: string;
                            field?: string;
                            fields?: {
                                field: string;
                                in: string;
                                message: string;
                            }[];
                        };
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            message: string;
                            field?: string;
                            fields?: {
                                field: string;
                                in: string;
                                message: string;
                            }[];
                        };
                    };
                };
                /** @description Default Response */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            message: string;
                            field?: string;
                            fields?: {
                                field: string;
                                in: string;
                                message: string;
                            }[];
                        };
                    };
                };
            };
        };
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
        /** The app's autoscale policy and every change of its replica count (and why), newest first */
        get: {
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
                /** @description Default Response */
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
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            message: string;
                            field?: string;
                            fields?: {
                                field: string;
                                in: string;
                                message: string;
                            }[];
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            message: string;
                            field?: string;
                            fields?: {
                                field: string;
                                in: string;
                                message: string;
                            }[];
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            message: string;
                            field?: string;
                            fields?: {
                                field: string;
                                in: string;
                                message: string;
                            }[];
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            message: string;
                            field?: string;
                            fields?: {
                                field: string;
                                in: string;
                                message: string;
                            }[];
                        };
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            message: string;
                            field?: string;
                            fields?: {
                                field: string;
                                in: string;
                                message: string;
                            }[];
                        };
                    };
                };
                /** @description Default Response */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            message: string;
                            field?: string;
                            fields?: {
                                field: string;
                                in: string;
                                message: string;
                            }[];
                        };
                    };
                };
            };
        };
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
        /** Set the number of production replicas (0 … PIER_MAX_REPLICAS): starts or drains containers of the live deployment, no build */
        post: {
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
                        replicas: number;
                    };
                };
            };
            responses: {
                /** @description Default Response */
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
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            message: string;
                            field?: string;
                            fields?: {
                                field: string;
                                in: string;
                                message: string;
                            }[];
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            message: string;
                            field?: string;
                            fields?: {
                                field: string;
                                in: string;
                                message: string;
                            }[];
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            message: string;
                            field?: string;
                            fields?: {
                                field: string;
                                in: string;
                                message: string;
                            }[];
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            message: string;
                            field?: string;
                            fields?: {
                                field: string;
                                in: string;
                                message: string;
                            }[];
                        };
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            message: string;
                            field?: string;
                            fields?: {
                                field: string;
                                in: string;
                                message: string;
                            }[];
                        };
                    };
                };
                /** @description Default Response */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            message: string;
                            field?: string;
                            fields?: {
                                field: string;
                                in: string;
                                message: string;
                            }[];
                        };
                    };
                };
            };
        };
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
        /** An app's requests, error rate, latency percentiles, CPU, memory and replicas over a window (series and totals) */
        get: {
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
                /** @description Default Response */
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
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            message: string;
                            field?: string;
                            fields?: {
                                field: string;
                                in: string;
                                message: string;
                            }[];
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            message: string;
                            field?: string;
                            fields?: {
                                field: string;
                                in: string;
                                message: string;
                            }[];
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            message: string;
                            field?: string;
                            fields?: {
                                field: string;
                                in: string;
                                message: string;
                            }[];
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            message: string;
                            field?: string;
                            fields?: {
                                field: string;
                                in: string;
                                message: string;
                            }[];
                        };
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            message: string;
                            field?: string;
                            fields?: {
                                field: string;
                                in: string;
                                message: string;
                            }[];
                        };
                    };
                };
                /** @description Default Response */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            message: string;
                            field?: string;
                            fields?: {
                                field: string;
                                in: string;
                                message: string;
                            }[];
                        };
                    };
                };
            };
        };
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
        /** Every app's metrics in the Prometheus text format (token auth) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": string;
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            message: string;
                            field?: string;
                            fields?: {
                                field: string;
                                in: string;
                                message: string;
                            }[];
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            message: string;
                            field?: string;
                            fields?: {
                                field: string;
                                in: string;
                                message: string;
                            }[];
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            message: string;
                            field?: string;
                            fields?: {
                                field: string;
                                in: string;
                                message: string;
                            }[];
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            message: string;
                            field?: string;
                            fields?: {
                                field: string;
                                in: string;
                                message: string;
                            }[];
                        };
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            message: string;
                            field?: string;
                            fields?: {
                                field: string;
                                in: string;
                                message: string;
                            }[];
                        };
                    };
                };
                /** @description Default Response */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            message: string;
                            field?: string;
                            fields?: {
                                field: string;
                                in: string;
                                message: string;
                            }[];
                        };
                    };
                };
            };
        };
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
        /** An app's domains, each with its certificate's state */
        get: {
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
                /** @description Default Response */
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
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            message: string;
                            field?: string;
                            fields?: {
                                field: string;
                                in: string;
                                message: string;
                            }[];
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            message: string;
                            field?: string;
                            fields?: {
                                field: string;
                                in: string;
                                message: string;
                            }[];
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            message: string;
                            field?: string;
                            fields?: {
                                field: string;
                                in: string;
                                message: string;
                            }[];
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            message: string;
                            field?: string;
                            fields?: {
                                field: string;
                                in: string;
                                message: string;
                            }[];
                        };
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            message: string;
                            field?: string;
                            fields?: {
                                field: string;
                                in: string;
                                message: string;
                            }[];
                        };
                    };
                };
                /** @description Default Response */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            message: string;
                            field?: string;
                            fields?: {
                                field: string;
                                in: string;
                                message: string;
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        /** Add a domain (served at once; its certificate is issued in the background), or one that redirects to another of the app's domains */
        post: {
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
                /** @description Default Response */
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
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            message: string;
                            field?: string;
                            fields?: {
                                field: string;
                                in: string;
                                message: string;
                            }[];
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            message: string;
                            field?: string;
                            fields?: {
                                field: string;
                                in: string;
                                message: string;
                            }[];
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            message: string;
                            field?: string;
                            fields?: {
                                field: string;
                                in: string;
                                message: string;
                            }[];
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            message: string;
                            field?: string;
                            fields?: {
                                field: string;
                                in: string;
                                message: string;
                            }[];
                        };
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            message: string;
                            field?: string;
                            fields?: {
                                field: string;
                                in: string;
                                message: string;
                            }[];
                        };
                    };
                };
                /** @description Default Response */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            message: string;
                            field?: string;
                            fields?: {
                                field: string;
                                in: string;
                                message: string;
                            }[];
                        };
                    };
                };
            };
        };
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
        /** Remove a domain: it stops being served at once */
        delete: {
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
                /** @description Default Response */
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
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            message: string;
                            field?: string;
                            fields?: {
                                field: string;
                                in: string;
                                message: string;
                            }[];
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            message: string;
                            field?: string;
                            fields?: {
                                field: string;
                                in: string;
                                message: string;
                            }[];
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            message: string;
                            field?: string;
                            fields?: {
                                field: string;
                                in: string;
                                message: string;
                            }[];
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            message: string;
                            field?: string;
                            fields?: {
                                field: string;
                                in: string;
                                message: string;
                            }[];
                        };
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            message: string;
                            field?: string;
                            fields?: {
                                field: string;
                                in: string;
                                message: string;
                            }[];
                        };
                    };
                };
                /** @description Default Response */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            message: string;
                            field?: string;
                            fields?: {
                                field: string;
                                in: string;
                                message: string;
                            }[];
                        };
                    };
                };
            };
        };
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
        /** Issue the domain's certificate again now, whatever its state (the current one serves until replaced) */
        post: {
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
                /** @description Default Response */
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
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            message: string;
                            field?: string;
                            fields?: {
                                field: string;
                                in: string;
                                message: string;
                            }[];
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            message: string;
                            field?: string;
                            fields?: {
                                field: string;
                                in: string;
                                message: string;
                            }[];
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            message: string;
                            field?: string;
                            fields?: {
                                field: string;
                                in: string;
                                message: string;
                            }[];
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            message: string;
                            field?: string;
                            fields?: {
                                field: string;
                                in: string;
                                message: string;
                            }[];
                        };
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            message: string;
                            field?: string;
                            fields?: {
                                field: string;
                                in: string;
                                message: string;
                            }[];
                        };
                    };
                };
                /** @description Default Response */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            message: string;
                            field?: string;
                            fields?: {
                                field: string;
                                in: string;
                                message: string;
                            }[];
                        };
                    };
                };
            };
        };
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
        /** Get a deployment */
        get: {
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
                /** @description Default Response */
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
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            message: string;
                            field?: string;
                            fields?: {
                                field: string;
                                in: string;
                                message: string;
                            }[];
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            message: string;
                            field?: string;
                            fields?: {
                                field: string;
                                in: string;
                                message: string;
                            }[];
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            message: string;
                            field?: string;
                            fields?: {
                                field: string;
                                in: string;
                                message: string;
                            }[];
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            message: string;
                            field?: string;
                            fields?: {
                                field: string;
                                in: string;
                                message: string;
                            }[];
                        };
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            message: string;
                            field?: string;
                            fields?: {
                                field: string;
                                in: string;
                                message: string;
                            }[];
                        };
                    };
                };
                /** @description Default Response */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            message: string;
                            field?: string;
                            fields?: {
                                field: string;
                                in: string;
                                message: string;
                            }[];
                        };
                    };
                };
            };
        };
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
        /** A deployment's build and deploy log */
        get: {
            parameters: {
                query?: {
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
                /** @description Default Response */
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
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            message: string;
                            field?: string;
                            fields?: {
                                field: string;
                                in: string;
                                message: string;
                            }[];
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            message: string;
                            field?: string;
                            fields?: {
                                field: string;
                                in: string;
                                message: string;
                            }[];
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            message: string;
                            field?: string;
                            fields?: {
                                field: string;
                                in: string;
                                message: string;
                            }[];
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            message: string;
                            field?: string;
                            fields?: {
                                field: string;
                                in: string;
                                message: string;
                            }[];
                        };
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            message: string;
                            field?: string;
                            fields?: {
                                field: string;
                                in: string;
                                message: string;
                            }[];
                        };
                    };
                };
                /** @description Default Response */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            message: string;
                            field?: string;
                            fields?: {
                                field: string;
                                in: string;
                                message: string;
                            }[];
                        };
                    };
                };
            };
        };
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
        /** The log as Server-Sent Events (line, status, end), live while it builds */
        get: {
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
                /** @description text/event-stream */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": string;
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            message: string;
                            field?: string;
                            fields?: {
                                field: string;
                                in: string;
                                message: string;
                            }[];
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            message: string;
                            field?: string;
                            fields?: {
                                field: string;
                                in: string;
                                message: string;
                            }[];
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            message: string;
                            field?: string;
                            fields?: {
                                field: string;
                                in: string;
                                message: string;
                            }[];
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            message: string;
                            field?: string;
                            fields?: {
                                field: string;
                                in: string;
                                message: string;
                            }[];
                        };
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            message: string;
                            field?: string;
                            fields?: {
                                field: string;
                                in: string;
                                message: string;
                            }[];
                        };
                    };
                };
                /** @description Default Response */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            message: string;
                            field?: string;
                            fields?: {
                                field: string;
                                in: string;
                                message: string;
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
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
        /** Changes asked of Pier (who, what, when, the answer's status), newest first */
        get: {
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
                /** @description Default Response */
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
                            }[];
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            message: string;
                            field?: string;
                            fields?: {
                                field: string;
                                in: string;
                                message: string;
                            }[];
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            message: string;
                            field?: string;
                            fields?: {
                                field: string;
                                in: string;
                                message: string;
                            }[];
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            message: string;
                            field?: string;
                            fields?: {
                                field: string;
                                in: string;
                                message: string;
                            }[];
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            message: string;
                            field?: string;
                            fields?: {
                                field: string;
                                in: string;
                                message: string;
                            }[];
                        };
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            message: string;
                            field?: string;
                            fields?: {
                                field: string;
                                in: string;
                                message: string;
                            }[];
                        };
                    };
                };
                /** @description Default Response */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            message: string;
                            field?: string;
                            fields?: {
                                field: string;
                                in: string;
                                message: string;
                            }[];
                        };
                    };
                };
            };
        };
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
        /** The app's repository credential: its kind and hint, never the secret (null: none) */
        get: {
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
                /** @description Default Response */
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
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            message: string;
                            field?: string;
                            fields?: {
                                field: string;
                                in: string;
                                message: string;
                            }[];
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            message: string;
                            field?: string;
                            fields?: {
                                field: string;
                                in: string;
                                message: string;
                            }[];
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            message: string;
                            field?: string;
                            fields?: {
                                field: string;
                                in: string;
                                message: string;
                            }[];
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            message: string;
                            field?: string;
                            fields?: {
                                field: string;
                                in: string;
                                message: string;
                            }[];
                        };
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            message: string;
                            field?: string;
                            fields?: {
                                field: string;
                                in: string;
                                message: string;
                            }[];
                        };
                    };
                };
                /** @description Default Response */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            message: string;
                            field?: string;
                            fields?: {
                                field: string;
                                in: string;
                                message: string;
                            }[];
                        };
                    };
                };
            };
        };
        /** Set the repository credential: {"token"} or {"deployKey"} (replaces the one set before) */
        put: {
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
                /** @description Default Response */
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
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            message: string;
                            field?: string;
                            fields?: {
                                field: string;
                                in: string;
                                message: string;
                            }[];
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            message: string;
                            field?: string;
                            fields?: {
                                field: string;
                                in: string;
                                message: string;
                            }[];
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            message: string;
                            field?: string;
                            fields?: {
                                field: string;
                                in: string;
                                message: string;
                            }[];
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            message: string;
                            field?: string;
                            fields?: {
                                field: string;
                                in: string;
                                message: string;
                            }[];
                        };
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            message: string;
                            field?: string;
                            fields?: {
                                field: string;
                                in: string;
                                message: string;
                            }[];
                        };
                    };
                };
                /** @description Default Response */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            message: string;
                            field?: string;
                            fields?: {
                                field: string;
                                in: string;
                                message: string;
                            }[];
                        };
                    };
                };
            };
        };
        post?: never;
        /** Remove the repository credential (clones are then anonymous) */
        delete: {
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
                /** @description Default Response */
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
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            message: string;
                            field?: string;
                            fields?: {
                                field: string;
                                in: string;
                                message: string;
                            }[];
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            message: string;
                            field?: string;
                            fields?: {
                                field: string;
                                in: string;
                                message: string;
                            }[];
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            message: string;
                            field?: string;
                            fields?: {
                                field: string;
                                in: string;
                                message: string;
                            }[];
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            message: string;
                            field?: string;
                            fields?: {
                                field: string;
                                in: string;
                                message: string;
                            }[];
                        };
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            message: string;
                            field?: string;
                            fields?: {
                                field: string;
                                in: string;
                                message: string;
                            }[];
                        };
                    };
                };
                /** @description Default Response */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            message: string;
                            field?: string;
                            fields?: {
                                field: string;
                                in: string;
                                message: string;
                            }[];
                        };
                    };
                };
            };
        };
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
        /** Whether a GitHub App is configured, and its id (never its key) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            configured: boolean;
                            appId: string | null;
                            updatedAt: string | null;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            message: string;
                            field?: string;
                            fields?: {
                                field: string;
                                in: string;
                                message: string;
                            }[];
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            message: string;
                            field?: string;
                            fields?: {
                                field: string;
                                in: string;
                                message: string;
                            }[];
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            message: string;
                            field?: string;
                            fields?: {
                                field: string;
                                in: string;
                                message: string;
                            }[];
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            message: string;
                            field?: string;
                            fields?: {
                                field: string;
                                in: string;
                                message: string;
                            }[];
                        };
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            message: string;
                            field?: string;
                            fields?: {
                                field: string;
                                in: string;
                                message: string;
                            }[];
                        };
                    };
                };
                /** @description Default Response */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            message: string;
                            field?: string;
                            fields?: {
                                field: string;
                                in: string;
                                message: string;
                            }[];
                        };
                    };
                };
            };
        };
        /** Configure the GitHub App: its id and private key (PEM) */
        put: {
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
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            configured: boolean;
                            appId: string | null;
                            updatedAt: string | null;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            message: string;
                            field?: string;
                            fields?: {
                                field: string;
                                in: string;
                                message: string;
                            }[];
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            message: string;
                            field?: string;
                            fields?: {
                                field: string;
                                in: string;
                                message: string;
                            }[];
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            message: string;
                            field?: string;
                            fields?: {
                                field: string;
                                in: string;
                                message: string;
                            }[];
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            message: string;
                            field?: string;
                            fields?: {
                                field: string;
                                in: string;
                                message: string;
                            }[];
                        };
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            message: string;
                            field?: string;
                            fields?: {
                                field: string;
                                in: string;
                                message: string;
                            }[];
                        };
                    };
                };
                /** @description Default Response */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            message: string;
                            field?: string;
                            fields?: {
                                field: string;
                                in: string;
                                message: string;
                            }[];
                        };
                    };
                };
            };
        };
        post?: never;
        /** Forget the GitHub App (apps fall back to their own credentials) */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            configured: boolean;
                            appId: string | null;
                            updatedAt: string | null;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            message: string;
                            field?: string;
                            fields?: {
                                field: string;
                                in: string;
                                message: string;
                            }[];
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            message: string;
                            field?: string;
                            fields?: {
                                field: string;
                                in: string;
                                message: string;
                            }[];
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            message: string;
                            field?: string;
                            fields?: {
                                field: string;
                                in: string;
                                message: string;
                            }[];
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            message: string;
                            field?: string;
                            fields?: {
                                field: string;
                                in: string;
                                message: string;
                            }[];
                        };
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            message: string;
                            field?: string;
                            fields?: {
                                field: string;
                                in: string;
                                message: string;
                            }[];
                        };
                    };
                };
                /** @description Default Response */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            message: string;
                            field?: string;
                            fields?: {
                                field: string;
                                in: string;
                                message: string;
                            }[];
                        };
                    };
                };
            };
        };
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
export type operations = Record<string, never>;
