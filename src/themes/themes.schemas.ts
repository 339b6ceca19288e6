import { z } from "@hono/zod-openapi";
import { text } from "../lib/common-schemas.js";

const name = (lang: string) => text(100).openapi({ description: `The theme's name in ${lang}` });

export const CreateThemeSchema = z
  .strictObject({ nameFi: name("Finnish"), nameSv: name("Swedish"), nameEn: name("English") })
  .openapi("CreateTheme", { description: "The key topics and experts store is the English name in lower case" });

export const UpdateThemeSchema = CreateThemeSchema.partial()
  .refine((v) => Object.keys(v).length > 0, { message: "give at least one name to change" })
  .openapi("UpdateTheme", { description: "Names only: the key stays, so topics and experts keep their theme" });

export const ThemeSchema = z
  .object({
    id: z.string(),
    key: z.string().openapi({ description: "What topics and experts store (lower case)", example: "child protection" }),
    nameFi: z.string(),
    nameSv: z.string(),
    nameEn: z.string(),
    createdAt: z.string(),
  })
  .openapi("Theme");

export type CreateTheme = z.infer<typeof CreateThemeSchema>;
export type UpdateTheme = z.infer<typeof UpdateThemeSchema>;
export type Theme = z.infer<typeof ThemeSchema>;
