import { Hono } from "hono";
import { pageMiddleware, renderPageError } from "./page-app.js";
import type { PageEnv } from "./page-env.js";
import { renderPage } from "./render.js";

/** The front page: where each kind of user goes. Only "/" itself, so no middleware leaks onto the API. */
export const homePageRoutes = () => {
  const app = new Hono<PageEnv>();
  app.onError(renderPageError);
  app.use("/", ...pageMiddleware);
  app.get("/", (c) => {
    const h = c.var.t.home;
    return renderPage(c, {
      title: h.title,
      frame: { noindex: false },
      body: (
        <>
          <h1>{h.title}</h1>
          <p class="lead">{h.intro}</p>
          <div class="cards">
            <section class="card" aria-labelledby="home-groups">
              <h2 id="home-groups">{h.groupsTitle}</h2>
              <p>{h.groupsBody}</p>
              <a class="button" href="/app/login">
                {h.groupsLink}
              </a>
            </section>
            <section class="card" aria-labelledby="home-experts">
              <h2 id="home-experts">{h.expertsTitle}</h2>
              <p>{h.expertsBody}</p>
            </section>
            <section class="card" aria-labelledby="home-coordinator">
              <h2 id="home-coordinator">{h.coordinatorTitle}</h2>
              <p>{h.coordinatorBody}</p>
              <a class="button button-secondary" href="/coordinator/login">
                {h.coordinatorLink}
              </a>
            </section>
          </div>
        </>
      ),
    });
  });
  return app;
};
