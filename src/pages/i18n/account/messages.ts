import type { Fn } from "../vocabulary.js";

/** Signing in, sessions and the personal-data pages. */
export interface AccountMessages {
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
