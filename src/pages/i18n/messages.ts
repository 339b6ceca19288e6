import type { WorkplaceMessages } from "./workplace/messages.js";
import type { FundingSource } from "../../evaluations/consultation-outcome.schemas.js";
import type { ConsultationStatus } from "../../db/schema.js";
import type { Actor, Fn, HistoryAction, NordicZone } from "./vocabulary.js";
import type { MailMessages } from "./mail/mail-messages.js";


/**
 * Every text the pages show. Each catalogue is typed as `Messages`, so a missing or misspelt
 * key in fi, sv or en is a compile error, not a blank on the page.
 */
export interface Messages extends WorkplaceMessages {
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
  login: {
    memberTitle: string;
    coordinatorTitle: string;
    intro: string;
    tokenLabel: string;
    memberHint: string;
    coordinatorHint: string;
    submit: string;
    signedOut: string;
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
  group: {
    listTitle: string;
    listIntro: string;
    empty: string;
    topic: string;
    expert: string;
    status: string;
    time: string;
    proposedCount: Fn<[n: number]>;
    brief: string;
    duration: string;
    confirmedTime: string;
    proposedTimes: string;
    expertTime: Fn<[timeInCity: string]>;
    history: string;
    when: string;
    what: string;
    who: string;
    cancelTitle: string;
    cancelReason: string;
    cancel: string;
    cancelled: string;
    sendTitle: string;
    sendBody: string;
    send: string;
  };
  newFlow: {
    title: string;
    step: Fn<[n: number, of: number, name: string]>;
    stepTopic: string;
    stepExpert: string;
    stepTimes: string;
    topicSection: string;
    titleLabel: string;
    titleHint: string;
    themeLabel: string;
    descriptionLabel: string;
    descriptionHint: string;
    briefSection: string;
    briefIntro: string;
    challengeLabel: string;
    challengeHint: Fn<[max: number]>;
    questionsLegend: string;
    questionsHint: Fn<[max: number, chars: number]>;
    questionLabel: Fn<[n: number]>;
    moreQuestions: string;
    briefLanguage: string;
    saveTopic: string;
    existingTitle: string;
    filtersTitle: string;
    anyTheme: string;
    country: string;
    anyCountry: string;
    language: string;
    anyLanguage: string;
    criteria: string;
    nationallySignificant: string;
    innovative: string;
    evidenceBased: string;
    search: string;
    found: Fn<[n: number]>;
    noExperts: string;
    languages: string;
    themes: string;
    timeZone: string;
    choose: Fn<[name: string]>;
    durationLabel: string;
    durationHint: string;
    timesLegend: string;
    timesHint: Fn<[ownCity: string, expertCity: string]>;
    timeLabel: Fn<[n: number]>;
    preview: string;
    sendRequest: string;
    sentTitle: string;
    sentByMail: Fn<[email: string]>;
    sendYourself: string;
    linkLabel: string;
    linkHint: string;
    subjectLabel: string;
    messageLabel: string;
    openMail: string;
    goToConsultation: string;
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
  /** Issue 12: other times from the expert, new times from the group, what a closed consultation says. */
  lifecycle: {
    proposeTitle: string;
    proposeIntro: Fn<[city: string]>;
    timeLabel: Fn<[n: number]>;
    proposeSubmit: string;
    proposeTooFew: string;
    proposeTooMany: string;
    proposedTitle: string;
    proposedBody: string;
    counterTitle: string;
    counterIntro: Fn<[expert: string]>;
    acceptSubmit: string;
    acceptLabel: Fn<[when: string]>;
    accepted: string;
    rescheduleTitle: string;
    rescheduleIntro: Fn<[city: string]>;
    rescheduleSubmit: string;
    rescheduled: string;
    declinedTitle: string;
    declineReason: string;
    noReason: string;
    cancelledTitle: string;
    cancelledBody: string;
    cancelledExpert: string;
    downloadCancel: string;
    draftCancelHint: string;
    withdrawTitle: string;
    withdraw: string;
    withdrawHint: string;
    history: Record<string, string>;
    historyOther: string;
    signedInAs: Fn<[name: string, group: string]>;
    proposeAgainTitle: string;
    proposeAgainBody: string;
    proposeAgain: string;
    ownLinkTitle: string;
    ownLinkLabel: string;
    ownLinkHint: string;
    ownLinkSave: string;
    ownLinkSaved: string;
    ownLinkInvalid: string;
  };
  /** Issue 12: the group's pages after the session and after sending (evaluation, follow-up, funding, the expert's link again). */
  groupPages: {
    fundingTitle: string;
    fundingLabel: string;
    fundingHint: string;
    fundingSave: string;
    fundingSaved: string;
    fundingNone: string;
    fundingSources: Record<FundingSource, string>;
    evaluated: string;
    followUpTitle: string;
    followUpBody: Fn<[expert: string]>;
    followUpStart: string;
    followUpNote: Fn<[topic: string]>;
    followUpOf: string;
    showMessage: string;
    linkGoneTitle: string;
    linkGoneBody: string;
    newLinkTitle: string;
    newLinkBody: string;
    newLink: string;
    newLinkIssued: string;
    alreadySent: string;
    useBrief: Fn<[written: string]>;
    suggestTitle: string;
    suggestIntro: Fn<[city: string]>;
    suggestNone: string;
    suggestUnavailable: string;
    suggestEmpty: string;
    briefLanguage: Fn<[language: string, expert: string, reads: string]>;
    expertNewTimes: Fn<[group: string]>;
  };
  /** Mail, invitations and the pages' "who was told" lines (issue 10). */
  mail: MailMessages;
  /** Sign-in by Microsoft account and e-mail link, refusals and limits, security events (issue 13). */
  signIn: {
    microsoftButton: string;
    otherWays: string;
    tokenTitle: string;
    emailTitle: string;
    emailLabel: string;
    emailHint: string;
    emailSubmit: string;
    emailInvalid: string;
    emailSentTitle: string;
    emailSentBody: string;
    linkTitle: string;
    linkBody: string;
    linkSubmit: string;
    linkInvalidTitle: string;
    linkInvalidBody: string;
    mailSubject: string;
    mailBody: Fn<[link: string]>;
    unknownTitle: string;
    unknownBody: string;
    failedTitle: string;
    failedBody: string;
    backToSignIn: string;
    rateLimitedTitle: string;
    rateLimitedBody: Fn<[seconds: number]>;
    eventsLink: string;
    eventsTitle: string;
    eventsIntro: string;
    eventsEmpty: string;
    eventsOlder: string;
    eventsNewest: string;
    columns: { at: string; kind: string; method: string; who: string; detail: string };
    kinds: Record<
      | "sign_in.succeeded"
      | "sign_in.failed"
      | "sign_out"
      | "auth.refused"
      | "csrf.refused"
      | "rate_limit.exceeded"
      | "token.created"
      | "token.revoked"
      | "admin.action",
      string
    >;
    methods: Record<"token" | "oidc" | "email" | "bearer", string>;
  /** The privacy notice (/privacy) and the coordinator's export and erasure page (issue 14). */
  },
  privacy: {
    footerLink: string;
    title: string;
    intro: string;
    controllerTitle: string;
    /** Shown until PRIVACY_CONTROLLER_NAME is set. */
    controllerUnset: string;
    contactLabel: string;
    heldTitle: string;
    held: string[];
    whyTitle: string;
    whyBody: string;
    shownTitle: string;
    shownBody: string;
    howLongTitle: string;
    howLong: Fn<[months: number]>;
    rightsTitle: string;
    rightsBody: string;
    rightsContact: Fn<[contact: string]>;
    complaintTitle: string;
    complaintBody: string;
    complaintLink: string;
    complaintHref: string;
    adminNav: string;
    adminTitle: string;
    adminIntro: string;
    emailLabel: string;
    emailHint: string;
    exportTitle: string;
    exportBody: string;
    exportButton: string;
    eraseTitle: string;
    eraseBody: string;
    confirmLabel: string;
    confirmRequired: string;
    eraseButton: string;
    notFound: string;
    erasedTitle: string;
    erased: Fn<[members: number, experts: number, feedback: number]>;
    refusedTitle: string;
    refused: string;
  };
}
