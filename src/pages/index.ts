import { accessibilityPageRoutes } from "./accessibility/accessibility.routes.js";
import { assetRoutes } from "./assets/assets.routes.js";
import { authPageRoutes } from "./auth.routes.js";
import { coordinatorPageRoutes } from "./coordinator/coordinator.routes.js";
import { expertPageRoutes } from "./expert/expert.routes.js";
import { groupPageRoutes } from "./group/group.routes.js";
import { homePageRoutes } from "./home.routes.js";
import { privacyNoticeRoutes } from "./privacy/privacy-notice.routes.js";

/**
 * The server-rendered pages, mounted at the root by createApp after the API. Each router keeps its
 * middleware (CSP, CSRF, language) under its own prefix, so none of it touches /api.
 */
export const pageRouters = [homePageRoutes, assetRoutes, expertPageRoutes, groupPageRoutes, coordinatorPageRoutes, accessibilityPageRoutes, authPageRoutes, privacyNoticeRoutes];
