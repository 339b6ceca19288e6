import { finish, pageApp } from "../page-app.js";
import { renderPage } from "../render.js";

/**
 * The privacy notice (GDPR Art. 13 and 14): what is held, why, for how long and how to ask for it.
 * The controller's name and contact come from PRIVACY_CONTROLLER_NAME and PRIVACY_CONTACT, the
 * period from RETENTION_MONTHS, so the notice says what the running service does.
 */
export const privacyNoticeRoutes = () => {
  const app = pageApp("/privacy");
  app.get("/", (c) => {
    const p = c.var.t.privacy;
    const { controllerName, contact, retentionMonths } = c.var.deps.config.privacy;
    return renderPage(c, {
      title: p.title,
      frame: { noindex: false, here: "/privacy" },
      body: (
        <>
          <h1>{p.title}</h1>
          <p class="lead">{p.intro}</p>
          <h2>{p.controllerTitle}</h2>
          {controllerName ? <p>{controllerName}</p> : <p>{p.controllerUnset}</p>}
          {contact ? (
            <p>
              {p.contactLabel}: {contact}
            </p>
          ) : null}
          <h2>{p.heldTitle}</h2>
          <ul>
            {p.held.map((line) => (
              <li>{line}</li>
            ))}
          </ul>
          <h2>{p.whyTitle}</h2>
          <p>{p.whyBody}</p>
          <h2>{p.shownTitle}</h2>
          <p>{p.shownBody}</p>
          <h2>{p.howLongTitle}</h2>
          <p>{p.howLong(retentionMonths)}</p>
          <h2>{p.rightsTitle}</h2>
          <p>{p.rightsBody}</p>
          {contact ? <p>{p.rightsContact(contact)}</p> : null}
          <h2>{p.complaintTitle}</h2>
          <p>{p.complaintBody}</p>
          <p>
            <a href={p.complaintHref}>{p.complaintLink}</a>
          </p>
        </>
      ),
    });
  });
  return finish(app);
};
