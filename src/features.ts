import { consultationRoutes } from "./consultations/consultations.routes.js";
import { directoryRoutes } from "./directory/directory.routes.js";
import { consultationOutcomeRoutes } from "./evaluations/consultation-outcome.routes.js";
import { evaluationRoutes } from "./evaluations/evaluations.routes.js";
import { expertAccessRoutes } from "./expert-access/expert-access.routes.js";
import { groupRoutes } from "./groups/groups.routes.js";
import { mailRoutes } from "./mail/mail.routes.js";
import { meetingRoutes } from "./meetings/meetings.routes.js";
import { outboxRoutes } from "./outbox/outbox.routes.js";
import { accessibilityFeedbackRoutes } from "./pages/accessibility/feedback.routes.js";
import { privacyRoutes } from "./privacy/privacy.routes.js";
import { reportRoutes } from "./reports/reports.routes.js";
import { suggestionRoutes } from "./scheduling/suggestions.routes.js";
import { securityEventRoutes } from "./security-events/security-events.routes.js";
import { tokenRoutes } from "./tokens/tokens.routes.js";
import { topicRoutes } from "./topics/topics.routes.js";
import { webhookRoutes } from "./webhooks/webhooks.routes.js";

/** Every feature's router, mounted at the root by createApp. Add a feature here. */
export const featureRouters = [
  directoryRoutes,
  groupRoutes,
  topicRoutes,
  meetingRoutes,
  suggestionRoutes,
  consultationRoutes,
  expertAccessRoutes,
  outboxRoutes,
  evaluationRoutes,
  consultationOutcomeRoutes,
  reportRoutes,
  mailRoutes,
  accessibilityFeedbackRoutes,
  webhookRoutes,
  tokenRoutes,
  securityEventRoutes,
  privacyRoutes,
];
