import { createRoute, z } from "@hono/zod-openapi";
import { groupScope, memberOnly } from "../lib/auth.js";
import { IdParamSchema } from "../lib/common-schemas.js";
import { AppError, errorResponses, unwrap } from "../lib/errors.js";
import { linkNext, nextLinkHeader, pageQuery, pageRequest, pageSchema } from "../lib/paging.js";
import { bearerSecurity, jsonBody, jsonResponse, newRouter } from "../lib/router.js";
import { findConsultation, listConsultations } from "./consultations.repo.js";
import { acceptCounterProposal } from "./counter-proposal.service.js";
import {
  AcceptCounterSchema,
  CancelSchema,
  ConsultationSchema,
  CreateConsultationSchema,
  MeetingLinkSchema,
  RequestedConsultationSchema,
  SlotsInputSchema,
  StatusSchema,
} from "./consultations.schemas.js";
import { cancelConsultation, createConsultation, rescheduleConsultation, setOwnMeetingLink } from "./consultations.service.js";
import { requestConsultation } from "./request-consultation.js";

const tags = ["Consultations"];

const post = createRoute({
  method: "post",
  path: "/api/consultations",
  tags,
  summary: "Create a draft consultation with 2 to 5 proposed times",
  security: bearerSecurity,
  request: { body: jsonBody(CreateConsultationSchema) },
  responses: { 201: jsonResponse(ConsultationSchema, "Created as draft"), ...errorResponses(400, 401, 403, 404, 413) },
});

const list = createRoute({
  method: "get",
  path: "/api/consultations",
  tags,
  summary: "The group's consultations (all of them for the coordinator), newest first",
  security: bearerSecurity,
  request: {
    query: z.object({
      status: StatusSchema.optional().openapi({ param: { name: "status", in: "query" } }),
      ...pageQuery("consultations", 2),
    }),
  },
  responses: { 200: { ...jsonResponse(pageSchema(ConsultationSchema), "Consultations"), headers: nextLinkHeader } },
});

const get = createRoute({
  method: "get",
  path: "/api/consultations/{id}",
  tags,
  summary: "One consultation: status, slots, confirmed slot, meeting",
  security: bearerSecurity,
  request: { params: IdParamSchema },
  responses: { 200: jsonResponse(ConsultationSchema, "Consultation"), ...errorResponses(400, 401, 404) },
});

const request = createRoute({
  method: "post",
  path: "/api/consultations/{id}/request",
  tags,
  summary: "Send the brief and proposed times to the expert; returns the expert's link",
  security: bearerSecurity,
  request: { params: IdParamSchema },
  responses: { 200: jsonResponse(RequestedConsultationSchema, "Requested"), ...errorResponses(400, 401, 404, 409) },
});

const cancel = createRoute({
  method: "post",
  path: "/api/consultations/{id}/cancel",
  tags,
  summary: "Cancel (not once the session has been held)",
  security: bearerSecurity,
  request: { params: IdParamSchema, body: jsonBody(CancelSchema) },
  responses: { 200: jsonResponse(ConsultationSchema, "Cancelled"), ...errorResponses(400, 401, 404, 409, 413) },
});

const reschedule = createRoute({
  method: "post",
  path: "/api/consultations/{id}/reschedule",
  tags,
  summary: "Propose new times; the expert confirms again through the same link and the same meeting moves",
  security: bearerSecurity,
  request: { params: IdParamSchema, body: jsonBody(z.strictObject({ slots: SlotsInputSchema }).openapi("Reschedule")) },
  responses: { 200: jsonResponse(ConsultationSchema, "Back to requested with new times"), ...errorResponses(400, 401, 404, 409, 413) },
});

const meetingLink = createRoute({
  method: "put",
  path: "/api/consultations/{id}/meeting-link",
  tags,
  summary: "The group's own meeting link (without a Microsoft 365 tenant): shown to the expert and put in the invitation",
  description: "A tenant's Teams join link, once the meeting is created there, takes its place in meeting.joinUrl.",
  security: bearerSecurity,
  request: { params: IdParamSchema, body: jsonBody(MeetingLinkSchema) },
  responses: { 200: jsonResponse(ConsultationSchema, "Saved"), ...errorResponses(400, 401, 404, 409, 413) },
});

const accept = createRoute({
  method: "post",
  path: "/api/consultations/{id}/accept",
  tags,
  summary: "Confirm one of the times the expert proposed; the consultation is confirmed and the meeting created",
  description: "Only while the current round is the expert's (`slotsProposedBy: expert`). To answer with other times instead, use …/reschedule.",
  security: bearerSecurity,
  request: { params: IdParamSchema, body: jsonBody(AcceptCounterSchema) },
  responses: { 200: jsonResponse(ConsultationSchema, "Confirmed"), ...errorResponses(400, 401, 404, 409, 413) },
});

export const consultationRoutes = () =>
  newRouter()
    .openapi(post, async (c) => c.json(unwrap(await createConsultation(c.var.deps, memberOnly(c), c.req.valid("json"))), 201))
    .openapi(list, async (c) => {
      const query = c.req.valid("query");
      const page = await listConsultations(
        c.var.deps.db,
        { groupId: groupScope(c.var.principal), status: query.status },
        pageRequest(query),
        c.var.deps.clock.now(),
      );
      linkNext(c, page.nextCursor);
      return c.json(page, 200);
    })
    .openapi(get, async (c) => {
      const { id } = c.req.valid("param");
      const found = await findConsultation(c.var.deps.db, id, groupScope(c.var.principal), c.var.deps.clock.now());
      if (!found) throw new AppError("NOT_FOUND", `No consultation with id ${id}`);
      return c.json(found, 200);
    })
    .openapi(request, async (c) => c.json(unwrap(await requestConsultation(c.var.deps, c.var.principal, c.req.valid("param").id)), 200))
    .openapi(cancel, async (c) => {
      const result = await cancelConsultation(c.var.deps, c.var.principal, c.req.valid("param").id, c.req.valid("json").reason);
      return c.json(unwrap(result), 200);
    })
    .openapi(meetingLink, async (c) => {
      const result = await setOwnMeetingLink(c.var.deps, c.var.principal, c.req.valid("param").id, c.req.valid("json").url);
      return c.json(unwrap(result), 200);
    })
    .openapi(accept, async (c) => {
      const result = await acceptCounterProposal(c.var.deps, c.var.principal, c.req.valid("param").id, c.req.valid("json").slotId);
      return c.json(unwrap(result), 200);
    })
    .openapi(reschedule, async (c) => {
      const starts = c.req.valid("json").slots.map((s) => s.start);
      return c.json(unwrap(await rescheduleConsultation(c.var.deps, c.var.principal, c.req.valid("param").id, starts)), 200);
    });
