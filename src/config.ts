import { z } from "zod";
import type { GraphConfig } from "./graph/graph-config.js";

const optionalText = z
  .string()
  .trim()
  .transform((v) => (v === "" ? undefined : v))
  .optional();

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
    AZURE_TENANT_ID: optionalText,
    AZURE_CLIENT_ID: optionalText,
    AZURE_CLIENT_SECRET: optionalText,
    GRAPH_ORGANIZER: optionalText,
    GRAPH_BASE_URL: z.url({ protocol: /^https$/ }).default("https://graph.microsoft.com"),
    AZURE_AUTHORITY_HOST: z.url({ protocol: /^https$/ }).default("https://login.microsoftonline.com"),
    /** 32 bytes, base64url: seals secrets the service must use again (webhook signing secrets). On Node a key file beside the database is made when unset. */
    SECRET_KEY: z
      .string()
      .trim()
      .regex(/^[A-Za-z0-9_-]{43}=?$/, "must be 32 bytes in base64url (make one with: openssl rand -base64 32 | tr '+/' '-_' | tr -d '=')")
      .optional(),
    /** The day the Microsoft 365 client secret expires (YYYY-MM-DD); the coordinator is warned 30 days before. */
    AZURE_CLIENT_SECRET_EXPIRES: z
      .string()
      .trim()
      .regex(/^\d{4}-\d{2}-\d{2}$/, "must be a date such as 2027-06-30")
      .refine((v) => !Number.isNaN(Date.parse(`${v}T00:00:00Z`)), "must be a real date")
      .optional(),
    /** Development and tests only: lets webhooks go to http://127.0.0.1. */
    WEBHOOK_ALLOW_LOOPBACK: z.enum(["true", "false"]).default("false"),
  })
  .superRefine((env, ctx) => {
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

export interface AppConfig {
  port: number;
  host: string;
  databasePath: string;
  publicBaseUrl: string;
  outboxIntervalMs: number;
  logLevel: "debug" | "info" | "warn" | "error" | "silent";
  /** Present only when the whole Microsoft 365 set is configured; otherwise meetings are ICS. */
  graph: GraphSettings | null;
  /** The server key (SECRET_KEY) in base64url; on Node filled from the key file when unset. */
  secretKey: string | null;
  webhookAllowLoopback: boolean;
  /** AZURE_CLIENT_SECRET_EXPIRES as given (YYYY-MM-DD), or null. */
  graphSecretExpires: string | null;
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
    graph,
    secretKey: e.SECRET_KEY ?? null,
    webhookAllowLoopback: e.WEBHOOK_ALLOW_LOOPBACK === "true",
    graphSecretExpires: e.AZURE_CLIENT_SECRET_EXPIRES ?? null,
  };
}
