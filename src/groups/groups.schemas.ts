import { z } from "@hono/zod-openapi";
import { CountrySchema, IdSchema, TimeZoneSchema, orNull, text } from "../lib/common-schemas.js";

const LanguageSchema = z.enum(["fi", "sv", "en"]);

export const CreateGroupSchema = z
  .strictObject({
    name: text(200),
    organisation: text(200).openapi({ description: "The municipality, wellbeing services county, centre or NGO" }),
    timeZone: TimeZoneSchema.optional().openapi({ description: "Defaults to Europe/Helsinki" }),
    country: CountrySchema.optional().openapi({ description: "Defaults to FI" }),
  })
  .openapi("CreateGroup");

export const GroupSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    organisation: z.string(),
    timeZone: z.string(),
    country: z.string(),
    createdAt: z.string(),
  })
  .openapi("Group");

export const CreateMemberSchema = z
  .strictObject({
    name: text(200),
    email: z.email({ message: "must be an e-mail address" }).max(320),
    language: LanguageSchema.optional().openapi({ description: "The language of the member's mail and invitations; defaults to fi" }),
  })
  .openapi("CreateMember");

export const UpdateMemberSchema = z.strictObject({ language: LanguageSchema }).openapi("UpdateMember");

export const MemberParamsSchema = z.object({
  id: IdSchema.openapi({ param: { name: "id", in: "path" } }),
  memberId: IdSchema.openapi({ param: { name: "memberId", in: "path" } }),
});

export const MemberSchema = z
  .object({ id: z.string(), groupId: z.string(), name: z.string(), email: z.string(), language: LanguageSchema, createdAt: z.string() })
  .openapi("Member");

export const MemberWithTokenSchema = MemberSchema.extend({
  token: z.string().openapi({ description: "The member's API token: shown only this once" }),
  tokenId: z.string().openapi({ description: "The token's id, for GET /api/tokens and revoking it" }),
  tokenExpiresAt: z.string().openapi({ description: "When the token stops working (TOKEN_TTL_DAYS)" }),
}).openapi("MemberWithToken");

export type CreateGroup = z.infer<typeof CreateGroupSchema>;
export type Group = z.infer<typeof GroupSchema>;
export type CreateMember = z.infer<typeof CreateMemberSchema>;
export type Member = z.infer<typeof MemberSchema>;

export const MeSchema = z
  .object({
    role: z.enum(["member", "coordinator"]),
    member: orNull(z.object({ id: z.string(), name: z.string() })).openapi({ description: "The signed-in member; null for the coordinator" }),
    group: orNull(GroupSchema).openapi({ description: "The member's development group; null for the coordinator" }),
    members: z.array(z.object({ id: z.string(), name: z.string() })).openapi({ description: "Everyone in the group (ids for …/suggestions?memberIds=)" }),
  })
  .openapi("Me");
export type Me = z.infer<typeof MeSchema>;

export type UpdateMember = z.infer<typeof UpdateMemberSchema>;
