import { z } from "@hono/zod-openapi";

export const TokenSchema = z
  .object({
    id: z.string(),
    label: z.string(),
    role: z.enum(["coordinator", "member"]),
    memberId: z.string().nullable(),
    createdAt: z.string().openapi({ example: "2027-03-01T08:00:00.000Z" }),
    lastUsedAt: z.string().nullable().openapi({ description: "To the minute: written at most once a minute" }),
    expiresAt: z.string().nullable().openapi({ description: "After this the token is refused (TOKEN_TTL_DAYS after creation)" }),
    revokedAt: z.string().nullable(),
  })
  .openapi("ApiToken");

export type Token = z.infer<typeof TokenSchema>;
