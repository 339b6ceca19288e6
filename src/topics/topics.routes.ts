import { createRoute, z } from "@hono/zod-openapi";
import { groupScope, memberOnly } from "../lib/auth.js";
import { IdParamSchema } from "../lib/common-schemas.js";
import { AppError, errorResponses, unwrap } from "../lib/errors.js";
import { linkNext, nextLinkHeader, pageQuery, pageRequest, pageSchema } from "../lib/paging.js";
import { bearerSecurity, jsonBody, jsonResponse, newRouter } from "../lib/router.js";
import { findTopic, listBriefs, listTopics } from "./topics.repo.js";
import { BriefSchema, CreateBriefSchema, CreateTopicSchema, TopicSchema, TopicWithBriefsSchema } from "./topics.schemas.js";
import { createBrief, createTopic } from "./topics.service.js";

const tags = ["Topics and briefs"];

const postTopic = createRoute({
  method: "post",
  path: "/api/topics",
  tags,
  summary: "Create a topic for the member's development group; its theme is a key from GET /api/themes (400 VALIDATION_FAILED at `theme` otherwise)",
  security: bearerSecurity,
  request: { body: jsonBody(CreateTopicSchema) },
  responses: { 201: jsonResponse(TopicSchema, "Created"), ...errorResponses(400, 401, 403, 413) },
});

const getTopics = createRoute({
  method: "get",
  path: "/api/topics",
  tags,
  summary: "List the group's topics (all topics for the coordinator)",
  security: bearerSecurity,
  request: { query: z.object(pageQuery("topics", 2)) },
  responses: { 200: { ...jsonResponse(pageSchema(TopicSchema), "Topics"), headers: nextLinkHeader } },
});

const getTopic = createRoute({
  method: "get",
  path: "/api/topics/{id}",
  tags,
  summary: "A topic with its briefs",
  security: bearerSecurity,
  request: { params: IdParamSchema },
  responses: { 200: jsonResponse(TopicWithBriefsSchema, "Topic"), ...errorResponses(400, 401, 404) },
});

const postBrief = createRoute({
  method: "post",
  path: "/api/topics/{id}/briefs",
  tags,
  summary: "Write a short brief: the challenge and 1 to 7 clarifying questions",
  security: bearerSecurity,
  request: { params: IdParamSchema, body: jsonBody(CreateBriefSchema) },
  responses: { 201: jsonResponse(BriefSchema, "Created"), ...errorResponses(400, 401, 403, 404, 413) },
});

export const topicRoutes = () =>
  newRouter()
    .openapi(postTopic, async (c) => c.json(unwrap(await createTopic(c.var.deps, memberOnly(c), c.req.valid("json"))), 201))
    .openapi(getTopics, async (c) => {
      const page = await listTopics(c.var.deps.db, groupScope(c.var.principal), pageRequest(c.req.valid("query")));
      linkNext(c, page.nextCursor);
      return c.json(page, 200);
    })
    .openapi(getTopic, async (c) => {
      const { id } = c.req.valid("param");
      const topic = await findTopic(c.var.deps.db, id, groupScope(c.var.principal));
      if (!topic) throw new AppError("NOT_FOUND", `No topic with id ${id}`);
      return c.json({ ...topic, briefs: await listBriefs(c.var.deps.db, id) }, 200);
    })
    .openapi(postBrief, async (c) => {
      const result = await createBrief(c.var.deps, memberOnly(c), c.req.valid("param").id, c.req.valid("json"));
      return c.json(unwrap(result), 201);
    });
