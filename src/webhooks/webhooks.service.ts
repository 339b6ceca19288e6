import { mapPage, toPage, type Page, type PageRequest } from "../lib/paging.js";
import type { Deps } from "../deps.js";
import { fail, ok, type Result } from "../lib/errors.js";
import { newId } from "../lib/secrets.js";
import { newSigningSecret, sealPurpose } from "./webhook-message.js";
import { checkWebhookUrl } from "./webhook-url.js";
import { deleteEndpointQueries, endpointExists, insertEndpointQueries, listEndpoints, replaceSecretQueries, type EndpointView, type WebhookActor } from "./webhooks.repo.js";
import type { CreateWebhook, WebhookEndpoint } from "./webhooks.schemas.js";

type WebhookDeps = Pick<Deps, "db" | "atomic" | "clock" | "config" | "sealer">;

const view = ({ updatedAt: _updatedAt, state, ...e }: EndpointView): WebhookEndpoint => ({ ...e, state: state === "failing" ? "failing" : "active" });

const notFound = (id: string) => fail("NOT_FOUND", `No webhook endpoint with id ${id}`);

/** Seals a new secret for the endpoint; a Failure when the server has no key to seal it with. */
async function sealedSecret(deps: WebhookDeps, id: string): Promise<Result<{ secret: string; sealed: string }>> {
  const secret = newSigningSecret();
  try {
    return ok({ secret, sealed: await deps.sealer.seal(secret, sealPurpose(id)) });
  } catch {
    return fail("CONFLICT", "Webhooks need a server key to keep their signing secrets: set SECRET_KEY");
  }
}

/** Registers an endpoint; the plain secret is in this answer only, the database keeps it sealed. */
export async function registerWebhook(deps: WebhookDeps, by: WebhookActor, input: CreateWebhook): Promise<Result<WebhookEndpoint & { secret: string }>> {
  const url = checkWebhookUrl(input.url, { allowLoopback: deps.config.webhookAllowLoopback });
  if (!url.ok) return fail("VALIDATION_FAILED", `Invalid body: url: ${url.message}`, [{ path: "url", message: url.message }]);
  const id = newId();
  const sealed = await sealedSecret(deps, id);
  if (!sealed.ok) return sealed;
  const now = deps.clock.now().toISOString();
  await deps.atomic(insertEndpointQueries(deps.db, { id, url: url.url, events: input.events, secretSealed: sealed.value.sealed, now }, by));
  const [created] = await listEndpoints(deps.db, { id });
  return ok({ ...view(created!), secret: sealed.value.secret });
}

/** One page of endpoints, newest first. */
export async function listWebhooks(deps: WebhookDeps, page: PageRequest): Promise<Page<WebhookEndpoint>> {
  const rows = await listEndpoints(deps.db, undefined, page);
  return mapPage(toPage("webhooks", rows, page.limit, (w) => [w.createdAt, w.id]), view);
}

/** The endpoint is deleted and its pending deliveries stop, in one atomic write. */
export async function deleteWebhook(deps: WebhookDeps, by: WebhookActor, id: string): Promise<Result<{ id: string; state: "deleted" }>> {
  const [endpoint] = await deps.atomic(deleteEndpointQueries(deps.db, id, deps.clock.now().toISOString(), by));
  return endpoint!.changes === 1 ? ok({ id, state: "deleted" }) : notFound(id);
}

/**
 * A new secret, in effect at once: every delivery sent from now on, retries of earlier events
 * included, is signed with it only.
 */
export async function rotateWebhookSecret(deps: WebhookDeps, by: WebhookActor, id: string): Promise<Result<{ id: string; secret: string }>> {
  if (!(await endpointExists(deps.db, id))) return notFound(id);
  const sealed = await sealedSecret(deps, id);
  if (!sealed.ok) return sealed;
  const [replaced] = await deps.atomic(replaceSecretQueries(deps.db, id, sealed.value.sealed, deps.clock.now().toISOString(), by));
  if (replaced!.changes !== 1) return notFound(id);
  return ok({ id, secret: sealed.value.secret });
}
