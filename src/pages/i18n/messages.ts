import type { WorkplaceMessages } from "./workplace/messages.js";
import type { AccountMessages } from "./account/messages.js";
import type { GroupSideMessages } from "./group/messages.js";
import type { ConsultationStatus } from "../../db/schema.js";
import type { Actor, Fn, HistoryAction, NordicZone } from "./vocabulary.js";
import type { MailMessages } from "./mail/mail-messages.js";

/**
 * Every text the pages show. Each catalogue is typed as `Messages`, so a missing or misspelt
 * key in fi, sv or en is a compile error, not a blank on the page.
 */
export interface Messages extends WorkplaceMessages, GroupSideMessages, AccountMessages {
  meta: {
    locale: string;
    languageName: string;
    /** Clock time as a luxon pattern ("H.mm" in Finnish). Fixed here rather than left to each ICU, so the server and the browser write a time alike. */
    timeFormat: string;
  };
  layout: {
    serviceName: string;
    tagline: string;
    skipToContent: string;
    languageNav: string;
    mainNav: string;
    footerNav: string;
    accessibilityLink: string;
    signOut: string;
    myConsultations: string;
    newConsultation: string;
    conceptReport: string;
    footerNote: string;
  };
  common: {
    required: string;
    optional: string;
    errorSummaryTitle: string;
    charCount: Fn<[count: number, max: number]>;
    charOver: Fn<[over: number]>;
    downloadIcs: string;
    joinMeeting: string;
    minutes: Fn<[n: number]>;
    inCity: Fn<[time: string, city: string]>;
    timeRange: Fn<[start: string, end: string]>;
    yes: string;
    no: string;
    none: string;
  };
  validation: {
    required: string;
    tooLong: Fn<[max: number]>;
    invalidChoice: string;
    email: string;
    questionsTooFew: string;
    slotFormat: string;
    slotPast: string;
    slotGrid: string;
    slotOverlap: Fn<[other: number]>;
    slotsTooFew: string;
    slotsTooMany: string;
    tokenUnknown: string;
    tokenWrongRole: string;
    minutesRange: string;
    followUpTopicWithoutInterest: string;
  };
  status: Record<ConsultationStatus, string>;
  audit: {
    actions: Record<HistoryAction, string>;
    actors: Record<Actor, string>;
  };
  /** City names for the Nordic zones, as "10:00 in Helsinki" needs them in each language. */
  zones: Record<NordicZone, string>;
  errors: {
    notFoundTitle: string;
    notFoundBody: string;
    forbiddenTitle: string;
    forbiddenBody: string;
    serverTitle: string;
    serverBody: Fn<[requestId: string]>;
    conflict: string;
    slotTaken: string;
  };
  home: {
    title: string;
    intro: string;
    groupsTitle: string;
    groupsBody: string;
    groupsLink: string;
    expertsTitle: string;
    expertsBody: string;
    coordinatorTitle: string;
    coordinatorBody: string;
    coordinatorLink: string;
  };
  expert: {
    title: Fn<[topic: string]>;
    from: string;
    topic: string;
    theme: string;
    length: string;
    lengthValue: Fn<[minutes: number]>;
    brief: string;
    challenge: string;
    questions: string;
    chooseTitle: string;
    chooseIntro: Fn<[city: string]>;
    confirm: string;
    confirmLabel: Fn<[when: string]>;
    declineTitle: string;
    declineTitleConfirmed: string;
    reasonLabel: string;
    reasonHint: string;
    decline: string;
    confirmedTitle: string;
    time: string;
    declinedTitle: string;
    declinedBody: string;
    heldTitle: string;
    heldBody: string;
  };
  linkProblem: {
    title: string;
    unknown: string;
    expired: string;
    used: string;
    cancelled: string;
    help: string;
  };
  evaluation: {
    title: string;
    intro: string;
    usefulness: string;
    preparationExpert: string;
    preparationMember: string;
    technicalQuality: string;
    /** Labels of the 1–5 radio buttons. */
    scale: [string, string, string, string, string];
    durationFit: string;
    fit: { too_short: string; right: string; too_long: string };
    actualMinutes: string;
    actualMinutesHint: string;
    wouldRecommend: string;
    followUpInterest: string;
    followUpTopic: string;
    learnings: string;
    improvements: string;
    freeTextHint: string;
    submit: string;
    saved: Fn<[closes: string]>;
    replaceNote: Fn<[closes: string]>;
    closed: string;
  };
  accessibility: {
    title: string;
    scope: Fn<[date: string]>;
    statusTitle: string;
    statusBody: string;
    gapsTitle: string;
    gaps: string[];
    testedTitle: string;
    testedBody: string;
    feedbackTitle: string;
    feedbackBody: string;
    enforcementTitle: string;
    enforcementBody: string;
    enforcementLink: string;
    enforcementHref: string;
    messageLabel: string;
    pageLabel: string;
    pageHint: string;
    nameLabel: string;
    emailLabel: string;
    emailHint: string;
    submit: string;
    thanksTitle: string;
    thanksBody: Fn<[received: string, answerBy: string]>;
  };
  coordinator: {
    title: string;
    intro: string;
    funnelTitle: string;
    funnelSteps: {
      requested: string;
      confirmed: string;
      held: string;
      evaluated: string;
      declined: string;
      expired: string;
      cancelled: string;
    };
    stage: string;
    count: string;
    rateOfRequested: string;
    medianDaysToConfirm: string;
    medianDaysToSession: string;
    outcomesByTheme: string;
    outcomesByCountry: string;
    group: string;
    evaluations: string;
    usefulness: string;
    preparation: string;
    questionsAnswered: string;
    briefPreparation: string;
    technicalQuality: string;
    wouldRecommend: string;
    suppressed: string;
    suppressedNote: Fn<[min: number]>;
    durationFitTitle: string;
    durationFit: { tooShort: string; right: string; tooLong: string };
    share: string;
    recentTitle: string;
    recentEmpty: string;
    submittedAt: string;
    side: string;
    sides: { member: string; expert: string };
    csvTitle: string;
    csvLink: string;
    csvLinkSemicolon: string;
    chartAlt: Fn<[title: string]>;
    feedbackTitle: string;
    feedbackEmpty: string;
    received: string;
    answerBy: string;
    message: string;
    contact: string;
    overdue: string;
    noData: string;
  };
  /** Mail, invitations and the pages' "who was told" lines (issue 10). */
  mail: MailMessages;
}
