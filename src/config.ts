import { z } from "zod";
import type { GraphConfig } from "./graph/graph-config.js";

const optionalText = z
  .string()
  .trim()
  .transform((v) => (v === "" ? undefined : v))
  .optional();

export const DEFAULT_TOKEN_TTL_DAYS = 90;

/** Every setting the service reads, in one schema. The only place that interprets the environment. */
const ConfigSchema = z
  .object({
    PORT: z.coerce.number().int().min(0).max(65535).default(8787),
    HOST: z.string().default("0.0.0.0"),
    DATABASE_PATH: z.string().min(1).default("./data/samrad.sqlite"),
    PUBLIC_BASE_URL: z.url({ protocol: /^https?$/ }).optional(),
    /** How often the Node server delivers pending outbox commands and advances the lifecycle. */
    OUTBOX_INTERVAL_MS: z.coerce.number().int().min(100).max(3_600_000).default(5000),
    LOG_LEVEL: z.enum(["debug", "info", "warn", "error", "silent"]).default("info"),
    /** The Node server's limits on slow clients: a whole request, its headers, an idle keep-alive connection. */
    REQUEST_TIMEOUT_MS: z.coerce.number().int().min(1000).max(300_000).default(10_000),
    HEADERS_TIMEOUT_MS: z.coerce.number().int().min(1000).max(300_000).default(5_000),
    KEEP_ALIVE_TIMEOUT_MS: z.coerce.number().int().min(100).max(300_000).default(5_000),
    /** At most this many open connections; 0 for no cap. */
    MAX_CONNECTIONS: z.coerce.number().int().min(0).max(1_000_000).default(0),
    AZURE_TENANT_ID: optionalText,
    AZURE_CLIENT_ID: optionalText,
    AZURE_CLIENT_SECRET: optionalText,
    GRAPH_ORGANIZER: optionalText,
    GRAPH_BASE_URL: z.url({ protocol: /^https$/ }).default("https://graph.microsoft.com"),
    AZURE_AUTHORITY_HOST: z.url({ protocol: /^https$/ }).default("https://login.microsoftonline.com"),
    // Sign-in, sessions, tokens and rate limits (README "Sign-in, sessions and limits").
    OIDC_ISSUER: z.url({ protocol: /^https?$/ }).optional(),
    OIDC_CLIENT_ID: optionalText,
    OIDC_CLIENT_SECRET: optionalText,
    COORDINATOR_EMAILS: optionalText,
    SESSION_IDLE_HOURS: z.coerce.number().min(0.05).max(24 * 30).default(8),
    SESSION_ABSOLUTE_DAYS: z.coerce.number().min(0.01).max(365).default(7),
    TOKEN_TTL_DAYS: z.coerce.number().int().min(1).max(3650).default(DEFAULT_TOKEN_TTL_DAYS),
    CLIENT_ADDRESS_HEADER: optionalText,
    RATE_LIMIT_SIGN_IN_FAILURES: z.coerce.number().int().min(1).default(10),
    RATE_LIMIT_EMAIL_LINKS: z.coerce.number().int().min(1).default(20),
    RATE_LIMIT_EMAIL_LINKS_PER_RECIPIENT: z.coerce.number().int().min(1).default(3),
    RATE_LIMIT_BEARER_FAILURES: z.coerce.number().int().min(1).default(20),
    RATE_LIMIT_EXPERT_LINK_FAILURES: z.coerce.number().int().min(1).default(20),
    RATE_LIMIT_FEEDBACK: z.coerce.number().int().min(1).default(10),
    /** 32 bytes, base64url: seals secrets the service must use again (webhook signing secrets). On Node a key file beside the database is made when unset. */
    SECRET_KEY: z
      .string()
      .trim()
      .regex(/^[A-Za-z0-9_-]{43}=?$/, "must be 32 bytes in base64url (make one with: openssl rand -base64 32 | tr '+/' '-_' | tr -d '=')")
      .optional(),
    /** SMTP relay for mail (Node only), e.g. smtp://user:pass@mail.example.fi:587 or smtps://…:465. */
    SMTP_URL: z
      .url({ protocol: /^smtps?$/, message: "must be an smtp:// or smtps:// URL" })
      .optional()
      .or(z.literal("").transform(() => undefined)),
    /** The sender of every message, e.g. "Samråd <samrad@example.fi>"; needed with SMTP_URL. */
    MAIL_FROM: optionalText,
    /** Development and tests only: lets webhooks go to http://127.0.0.1. */
    WEBHOOK_ALLOW_LOOPBACK: z.enum(["true", "false"]).default("false"),
    /** Closed consultations are anonymised, and answered accessibility feedback deleted, this long after. */
    RETENTION_MONTHS: z.coerce.number().int().min(1).max(120).default(24),
    /** The privacy notice names the controller and how to reach it; the organisation fills these in. */
    PRIVACY_CONTROLLER_NAME: optionalText.pipe(z.string().max(200).optional()),
    PRIVACY_CONTACT: optionalText.pipe(z.string().max(500).optional()),
    /** How long one webhook POST may take before it counts as failed (and is retried). */
    WEBHOOK_TIMEOUT_MS: z.coerce.number().int().min(500).max(30_000).default(10_000),
  })
  .superRefine((env, ctx) => {
    if (env.SMTP_URL && !env.MAIL_FROM) ctx.addIssue({ code: "custom", path: ["MAIL_FROM"], message: "SMTP_URL is set: MAIL_FROM must name the sender too" });
    const oidcKeys = ["OIDC_ISSUER", "OIDC_CLIENT_ID", "OIDC_CLIENT_SECRET"] as const;
    const oidcMissing = oidcKeys.filter((k) => !env[k]);
    if (oidcMissing.length > 0 && oidcMissing.length < oidcKeys.length) {
      ctx.addIssue({
        code: "custom",
        path: [oidcMissing[0]!],
        message: `OpenID Connect sign-in is half configured: set ${oidcMissing.join(", ")} too, or unset all of ${oidcKeys.join(", ")}`,
      });
    }
    for (const email of (env.COORDINATOR_EMAILS ?? "").split(",").map((e) => e.trim()).filter(Boolean)) {
      if (!z.email().safeParse(email).success) ctx.addIssue({ code: "custom", path: ["COORDINATOR_EMAILS"], message: "Must be e-mail addresses separated by commas" });
    }
    const graphKeys = ["AZURE_TENANT_ID", "AZURE_CLIENT_ID", "AZURE_CLIENT_SECRET", "GRAPH_ORGANIZER"] as const;
    const missing = graphKeys.filter((k) => !env[k]);
    if (missing.length > 0 && missing.length < graphKeys.length) {
      ctx.addIssue({
        code: "custom",
        path: [missing[0]!],
        message: `Microsoft Graph is half configured: set ${missing.join(", ")} too, or unset all of ${graphKeys.join(", ")}`,
      });
    }
  });

/** The Microsoft 365 connection: the shape src/graph expects. */
export type GraphSettings = GraphConfig;

/** A fixed-window limit: at most `limit` counted events per `windowSeconds`. */
export interface RateLimit {
  limit: number;
  windowSeconds: number;
}

export interface SignInSettings {
  /** Present when OpenID Connect (Microsoft Entra ID) sign-in is configured. */
  oidc: { issuer: string; clientId: string; clientSecret: string } | null;
  /** Lower-case addresses that sign in as the coordinator (OpenID Connect or e-mail link). */
  coordinatorEmails: string[];
  sessionIdleMs: number;
  sessionAbsoluteMs: number;
  tokenTtlMs: number;
  /** A header set by a trusted proxy that carries the client address; null: the socket's address. */
  clientAddressHeader: string | null;
  rateLimits: {
    /** Failed page sign-ins (token form, e-mail link, refused OpenID Connect) per client address. */
    signInFailures: RateLimit;
    /** E-mail link requests per client address. */
    emailLinks: RateLimit;
    /** E-mail link requests per e-mail address asked for. */
    emailLinksPerRecipient: RateLimit;
    /** Refused bearer tokens per client address. */
    bearerFailures: RateLimit;
    /** Unknown expert links per client address. */
    expertLinkFailures: RateLimit;
    /** Accessibility feedback sent per client address. */
    feedback: RateLimit;
  };
}

export interface AppConfig {
  port: number;
  host: string;
  databasePath: string;
  publicBaseUrl: string;
  outboxIntervalMs: number;
  logLevel: "debug" | "info" | "warn" | "error" | "silent";
  /** Node only: timeouts against slow clients, and an optional cap on connections (null: none). */
  server: { requestTimeoutMs: number; headersTimeoutMs: number; keepAliveTimeoutMs: number; maxConnections: number | null };
  /** Present only when the whole Microsoft 365 set is configured; otherwise meetings are ICS. */
  graph: GraphSettings | null;
  signIn: SignInSettings;
  /** The server key (SECRET_KEY) in base64url; on Node filled from the key file when unset. */
  secretKey: string | null;
  webhookAllowLoopback: boolean;
  privacy: PrivacySettings;
  webhookTimeoutMs: number;
  /** SMTP_URL and MAIL_FROM, when mail goes through an SMTP relay (Node only). */
  smtp: { url: string; from: string } | null;
}

/** What the privacy notice and the retention sweep read (issue 14). */
export interface PrivacySettings {
  retentionMonths: number;
  /** Null until the organisation sets PRIVACY_CONTROLLER_NAME; the notice then says so. */
  controllerName: string | null;
  contact: string | null;
}

export class ConfigError extends Error {
  override name = "ConfigError";
}

/** Parses settings from an environment-like record; throws ConfigError naming each bad setting. */
export function loadConfig(env: Record<string, string | undefined>): AppConfig {
  const parsed = ConfigSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join(".") || "(settings)"}: ${i.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join("\n")}`);
  }
  const e = parsed.data;
  const graph: GraphSettings | null =
    e.AZURE_TENANT_ID && e.AZURE_CLIENT_ID && e.AZURE_CLIENT_SECRET && e.GRAPH_ORGANIZER
      ? {
          tenantId: e.AZURE_TENANT_ID,
          clientId: e.AZURE_CLIENT_ID,
          clientSecret: e.AZURE_CLIENT_SECRET,
          organizer: e.GRAPH_ORGANIZER,
          graphBaseUrl: e.GRAPH_BASE_URL.replace(/\/+$/, ""),
          authorityHost: e.AZURE_AUTHORITY_HOST.replace(/\/+$/, ""),
        }
      : null;
  return {
    port: e.PORT,
    host: e.HOST,
    databasePath: e.DATABASE_PATH,
    publicBaseUrl: (e.PUBLIC_BASE_URL ?? `http://localhost:${e.PORT}`).replace(/\/+$/, ""),
    outboxIntervalMs: e.OUTBOX_INTERVAL_MS,
    logLevel: e.LOG_LEVEL,
    server: {
      requestTimeoutMs: e.REQUEST_TIMEOUT_MS,
      // Node requires the headers timeout not to exceed the request timeout.
      headersTimeoutMs: Math.min(e.HEADERS_TIMEOUT_MS, e.REQUEST_TIMEOUT_MS),
      keepAliveTimeoutMs: e.KEEP_ALIVE_TIMEOUT_MS,
      maxConnections: e.MAX_CONNECTIONS > 0 ? e.MAX_CONNECTIONS : null,
    },
    graph,
    signIn: {
      oidc:
        e.OIDC_ISSUER && e.OIDC_CLIENT_ID && e.OIDC_CLIENT_SECRET
          ? { issuer: e.OIDC_ISSUER, clientId: e.OIDC_CLIENT_ID, clientSecret: e.OIDC_CLIENT_SECRET }
          : null,
      coordinatorEmails: (e.COORDINATOR_EMAILS ?? "")
        .split(",")
        .map((x) => x.trim().toLowerCase())
        .filter(Boolean),
      sessionIdleMs: Math.round(e.SESSION_IDLE_HOURS * 3_600_000),
      sessionAbsoluteMs: Math.round(e.SESSION_ABSOLUTE_DAYS * 86_400_000),
      tokenTtlMs: e.TOKEN_TTL_DAYS * 86_400_000,
      clientAddressHeader: e.CLIENT_ADDRESS_HEADER?.toLowerCase() ?? null,
      rateLimits: {
        signInFailures: { limit: e.RATE_LIMIT_SIGN_IN_FAILURES, windowSeconds: 60 },
        emailLinks: { limit: e.RATE_LIMIT_EMAIL_LINKS, windowSeconds: 900 },
        emailLinksPerRecipient: { limit: e.RATE_LIMIT_EMAIL_LINKS_PER_RECIPIENT, windowSeconds: 900 },
        bearerFailures: { limit: e.RATE_LIMIT_BEARER_FAILURES, windowSeconds: 60 },
        expertLinkFailures: { limit: e.RATE_LIMIT_EXPERT_LINK_FAILURES, windowSeconds: 60 },
        feedback: { limit: e.RATE_LIMIT_FEEDBACK, windowSeconds: 3600 },
      },
    },
    secretKey: e.SECRET_KEY ?? null,
    webhookAllowLoopback: e.WEBHOOK_ALLOW_LOOPBACK === "true",
    privacy: { retentionMonths: e.RETENTION_MONTHS, controllerName: e.PRIVACY_CONTROLLER_NAME ?? null, contact: e.PRIVACY_CONTACT ?? null },
    webhookTimeoutMs: e.WEBHOOK_TIMEOUT_MS,
    smtp: e.SMTP_URL && e.MAIL_FROM ? { url: e.SMTP_URL, from: e.MAIL_FROM } : null,
  };
}
