import { createRoute, z } from "@hono/zod-openapi";
import { coordinatorOnly } from "../lib/auth.js";
import { IdParamSchema } from "../lib/common-schemas.js";
import { errorResponses, unwrap } from "../lib/errors.js";
import { linkNext, nextLinkHeader, pageQuery, pageRequest, pageSchema } from "../lib/paging.js";
import { bearerSecurity, jsonBody, jsonResponse, newRouter } from "../lib/router.js";
import { CreateThemeSchema, ThemeSchema, UpdateThemeSchema } from "./themes.schemas.js";
import { createTheme, themesPage, updateTheme } from "./themes.service.js";

const tags = ["Themes"];

const list = createRoute({
  method: "get",
  path: "/api/themes",
  tags,
  summary: "The managed list of themes with their names in Finnish, Swedish and English",
  security: bearerSecurity,
  request: { query: z.object(pageQuery("themes", 2)) },
  responses: { 200: { ...jsonResponse(pageSchema(ThemeSchema), "Themes"), headers: nextLinkHeader } },
});

const create = createRoute({
  method: "post",
  path: "/api/themes",
  tags,
  summary: "Add a theme to the list (coordinator); its key is the English name in lower case",
  security: bearerSecurity,
  request: { body: jsonBody(CreateThemeSchema) },
  responses: { 201: jsonResponse(ThemeSchema, "Created"), ...errorResponses(403, 409) },
});

const update = createRoute({
  method: "patch",
  path: "/api/themes/{id}",
  tags,
  summary: "Rename a theme in one or more languages (coordinator); the key stays",
  security: bearerSecurity,
  request: { params: IdParamSchema, body: jsonBody(UpdateThemeSchema) },
  responses: { 200: jsonResponse(ThemeSchema, "Renamed"), ...errorResponses(403) },
});

export const themeRoutes = () =>
  newRouter()
    .openapi(list, async (c) => {
      const page = await themesPage(c.var.deps, pageRequest(c.req.valid("query")));
      linkNext(c, page.nextCursor);
      return c.json(page, 200);
    })
    .openapi(create, async (c) => {
      const by = coordinatorOnly(c);
      return c.json(unwrap(await createTheme(c.var.deps, by, c.req.valid("json"))), 201);
    })
    .openapi(update, async (c) => {
      const by = coordinatorOnly(c);
      return c.json(unwrap(await updateTheme(c.var.deps, by, c.req.valid("param").id, c.req.valid("json"))), 200);
    });
