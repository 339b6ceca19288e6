import type { Context, Hono, MiddlewareHandler } from "hono";
import { CreateGroupSchema, CreateMemberSchema, type Group, type Member } from "../../../groups/groups.schemas.js";
import { addMember, createGroup, group, groups, membersOf, removeMember } from "../../../groups/groups.service.js";
import { sendSignInInvitation } from "../../../groups/member-invitation.js";
import { DataTable } from "../../components/data-table.js";
import { CsrfField, ErrorSummary, Notice, Select, TextInput, type FieldErrors } from "../../components/form.js";
import { fieldErrorsFromZod } from "../../forms/field-errors.js";
import { countryName, formatDateTime, languageName } from "../../i18n/format.js";
import { catalogues, LANGUAGES, type Lang, type Messages } from "../../i18n/index.js";
import type { PageEnv } from "../../page-env.js";
import { renderNotFound } from "../../render.js";
import { readForm } from "../../security.js";
import { tokensOfMembers, tokenState, type TokenListing } from "../../../tokens/tokens.service.js";
import { COORDINATOR_ZONE } from "./consultations.view.js";
import { renderWorkplace } from "./controls.js";

const isId = (id: string) => /^[0-9a-f-]{36}$/.test(id);

function GroupsView(p: { t: Messages; lang: Lang; csrfToken: string; items: Group[]; values: { name: string; organisation: string }; errors: FieldErrors }) {
  const k = p.t.workplace;
  return (
    <>
      <h1 id="groups-title">{k.groupsTitle}</h1>
      <ErrorSummary t={p.t} errors={p.errors} labels={{ name: k.groupName, organisation: k.groupOrganisation }} />
      {p.items.length === 0 ? (
        <p>{k.noGroups}</p>
      ) : (
        <DataTable labelledBy="groups-title" columns={[{ label: k.groupName }, { label: k.organisation }, { label: k.country }]}>
          {p.items.map((g) => (
            <tr>
              <td>
                <a href={`/coordinator/groups/${g.id}`}>{g.name}</a>
              </td>
              <td>{g.organisation}</td>
              <td>{countryName(g.country, p.lang)}</td>
            </tr>
          ))}
        </DataTable>
      )}
      <section aria-labelledby="new-group-title">
        <h2 id="new-group-title">{k.newGroupTitle}</h2>
        <form method="post" action="/coordinator/groups" novalidate>
          <CsrfField token={p.csrfToken} />
          <TextInput t={p.t} id="name" name="name" label={k.groupName} value={p.values.name} error={p.errors.name} />
          <TextInput t={p.t} id="organisation" name="organisation" label={k.groupOrganisation} value={p.values.organisation} error={p.errors.organisation} />
          <button type="submit">{k.createGroup}</button>
        </form>
      </section>
    </>
  );
}

interface GroupPageProps {
  t: Messages;
  lang: Lang;
  csrfToken: string;
  group: Group;
  members: Member[];
  /** Each member's tokens, newest first. */
  tokens: TokenListing[];
  now: Date;
  values: { name: string; email: string; language: string };
  errors: FieldErrors;
  notice?: string;
  /** Just added: the token, shown this once. */
  issued?: { name: string; token: string };
}

/** The member's newest token: whether it still opens the service, and when it last did. */
function SignInState({ t, lang, now, token }: { t: Messages; lang: Lang; now: Date; token: TokenListing | undefined }) {
  if (!token) return <>{t.tokenList.noToken}</>;
  const state = t.tokenList.states[tokenState(token, now)];
  return (
    <a href="/coordinator/tokens">
      {token.lastUsedAt ? t.tokenList.lastSignIn(state, formatDateTime(token.lastUsedAt, lang, COORDINATOR_ZONE)) : t.tokenList.notUsedYet(state)}
    </a>
  );
}

function GroupView(p: GroupPageProps) {
  const { t } = p;
  const k = t.workplace;
  return (
    <>
      <p>
        <a href="/coordinator/groups">{k.groupsTitle}</a>
      </p>
      <h1>{p.group.name}</h1>
      <p class="lead">{p.group.organisation}</p>
      {p.notice ? <Notice>{p.notice}</Notice> : null}
      {p.issued ? (
        <section class="panel" aria-labelledby="token-title">
          <h2 id="token-title">{k.tokenOnceTitle(p.issued.name)}</h2>
          <p>{k.tokenOnceBody}</p>
          <p>
            <label for="issued-token">{k.tokenLabel}</label>
            <input id="issued-token" class="input" readonly value={p.issued.token} data-testid="issued-token" />
          </p>
        </section>
      ) : null}
      <ErrorSummary t={t} errors={p.errors} labels={{ name: k.memberName, email: k.email, language: k.memberLanguage }} />
      <h2 id="members-title">{k.members}</h2>
      {p.members.length === 0 ? (
        <p>{k.noMembers}</p>
      ) : (
        <DataTable labelledBy="members-title" columns={[{ label: k.memberName }, { label: k.email }, { label: k.memberLanguage }, { label: t.tokenList.signIn }, { label: k.remove }]}>
          {p.members.map((m) => (
            <tr>
              <td>{m.name}</td>
              <td>{m.email}</td>
              <td>{m.language ? languageName(m.language, p.lang) : t.common.none}</td>
              <td>
                <SignInState t={t} lang={p.lang} now={p.now} token={p.tokens.find((tok) => tok.memberId === m.id)} />
              </td>
              <td>
                <form method="post" action={`/coordinator/groups/${p.group.id}/members/${m.id}/remove`}>
                  <CsrfField token={p.csrfToken} />
                  <button type="submit" class="button-danger" aria-label={`${k.remove}: ${m.name}`}>
                    {k.remove}
                  </button>
                </form>
              </td>
            </tr>
          ))}
        </DataTable>
      )}
      <section aria-labelledby="add-member-title">
        <h2 id="add-member-title">{k.addMemberTitle}</h2>
        <form method="post" action={`/coordinator/groups/${p.group.id}/members`} novalidate>
          <CsrfField token={p.csrfToken} />
          <TextInput t={t} id="name" name="name" label={k.memberName} value={p.values.name} error={p.errors.name} autocomplete="off" />
          <TextInput t={t} id="email" name="email" type="email" inputmode="email" autocomplete="off" label={k.email} value={p.values.email} error={p.errors.email} />
          <Select
            t={t}
            id="language"
            name="language"
            label={k.memberLanguage}
            value={p.values.language}
            error={p.errors.language}
            options={LANGUAGES.map((l) => ({ value: l, label: languageName(l, p.lang) }))}
          />
          <button type="submit">{k.addMember}</button>
        </form>
      </section>
    </>
  );
}

export function addGroupPages(app: Hono<PageEnv>, coordinator: MiddlewareHandler<PageEnv>) {
  const listPage = async (c: Context<PageEnv>, values = { name: "", organisation: "" }, errors: FieldErrors = {}) =>
    renderWorkplace(
      c,
      c.var.t.workplace.groupsTitle,
      <GroupsView t={c.var.t} lang={c.var.lang} csrfToken={c.var.csrfToken} items={await groups(c.var.deps)} values={values} errors={errors} />,
      Object.keys(errors).length ? 400 : 200,
    );

  app.get("/groups", coordinator, (c) => listPage(c));

  app.post("/groups", coordinator, async (c) => {
    const f = await readForm(c);
    const values = { name: f.get("name"), organisation: f.get("organisation") };
    const parsed = CreateGroupSchema.safeParse(values);
    if (!parsed.success) return listPage(c, values, fieldErrorsFromZod(parsed.error, c.var.t.validation));
    const created = await createGroup(c.var.deps, c.var.principal, parsed.data);
    return c.redirect(`/coordinator/groups/${created.id}`, 303);
  });

  const groupPage = async (c: Context<PageEnv>, id: string, extra: Partial<Pick<GroupPageProps, "values" | "errors" | "notice" | "issued">> = {}, status: 200 | 201 | 400 | 409 = 200) => {
    const found = isId(id) ? await group(c.var.deps, id) : undefined;
    const members = found ? await membersOf(c.var.deps, id) : undefined;
    if (!found || !members?.ok) return renderNotFound(c);
    const lang = c.var.lang;
    const props: GroupPageProps = {
      t: c.var.t,
      lang,
      csrfToken: c.var.csrfToken,
      group: found,
      members: members.value.items,
      tokens: await tokensOfMembers(c.var.deps, members.value.items.map((m) => m.id)),
      now: c.var.deps.clock.now(),
      values: { name: "", email: "", language: lang },
      errors: {},
      ...extra,
    };
    return renderWorkplace(c, found.name, <GroupView {...props} />, status === 201 ? 200 : status);
  };

  app.get("/groups/:id", coordinator, (c) => groupPage(c, c.req.param("id"), { notice: c.req.query("done") === "removed" ? c.var.t.workplace.removed : undefined }));

  app.post("/groups/:id/members", coordinator, async (c) => {
    const id = c.req.param("id");
    const f = await readForm(c);
    const values = { name: f.get("name"), email: f.get("email").trim(), language: f.get("language") };
    const parsed = CreateMemberSchema.safeParse(values);
    if (!parsed.success) return groupPage(c, id, { values, errors: fieldErrorsFromZod(parsed.error, c.var.t.validation) }, 400);
    if (!isId(id)) return renderNotFound(c);
    const result = await addMember(c.var.deps, c.var.principal, id, parsed.data);
    if (!result.ok && result.code === "CONFLICT") return groupPage(c, id, { values, errors: { email: c.var.t.workplace.duplicateMember } }, 409);
    if (!result.ok) return renderNotFound(c);
    // With mail, the member is invited to sign in by e-mail address and no code changes hands.
    const added = result.value;
    const theirs = catalogues[added.language].tokenList;
    const groupName = (await group(c.var.deps, id))?.name ?? "";
    const invited = await sendSignInInvitation(c.var.deps, added, { subject: theirs.inviteSubject(groupName), body: (url) => theirs.inviteBody(added.name, groupName, url) });
    if (invited) return groupPage(c, id, { notice: c.var.t.tokenList.invited(added.name) });
    // The token is in this answer only: no redirect, so it is never in a URL or a later page.
    return groupPage(c, id, { issued: { name: added.name, token: added.token } });
  });

  app.post("/groups/:id/members/:memberId/remove", coordinator, async (c) => {
    const { id, memberId } = c.req.param();
    if (!isId(id) || !isId(memberId)) return renderNotFound(c);
    const result = await removeMember(c.var.deps, c.var.principal, id, memberId);
    if (!result.ok) return renderNotFound(c);
    return c.redirect(`/coordinator/groups/${id}?done=removed`, 303);
  });
}
