type Fn<A extends unknown[]> = (...args: A) => string;

/**
 * The texts of mail, calendar invitations and the pages' "who was told" lines: a section of the
 * one catalogue (Messages.mail), so a missing key is a compile error for pages and mail alike.
 */
export interface MailMessages {
  greeting: Fn<[firstName: string]>;
  signature: string;
  footer: string;
  challenge: string;
  questions: string;
  time: string;
  groupTime: Fn<[timeInCity: string]>;
  timesIn: Fn<[city: string]>;
  join: string;
  noJoinLinkMember: string;
  noJoinLinkExpert: string;
  invitationAttached: string;
  cancellationAttached: string;
  expertPage: string;
  consultationPage: string;

  requestSubject: Fn<[topic: string]>;
  requestIntro: Fn<[group: string, organisation: string, minutes: number]>;
  rescheduleSubject: Fn<[topic: string]>;
  rescheduleIntro: Fn<[group: string]>;
  chooseLink: string;

  confirmedSubject: Fn<[topic: string]>;
  updatedSubject: Fn<[topic: string]>;
  confirmedIntroMember: Fn<[expert: string]>;
  confirmedIntroExpert: string;
  updatedIntro: string;

  cancelledSubject: Fn<[topic: string]>;
  cancelledIntro: string;
  declinedIntro: Fn<[expert: string]>;
  withdrawnIntro: Fn<[expert: string]>;
  expiredIntro: string;

  answerReminderSubject: Fn<[topic: string]>;
  answerReminderIntro: Fn<[group: string]>;
  answerReminderGroupSubject: Fn<[topic: string]>;
  answerReminderGroupIntro: Fn<[expert: string]>;
  sessionReminderSubject: Fn<[topic: string]>;
  sessionReminderIntro: string;
  evaluationSubject: Fn<[topic: string]>;
  evaluationIntro: Fn<[closes: string]>;
  evaluationReminderSubject: Fn<[topic: string]>;
  evaluationReminderIntro: Fn<[closes: string]>;
  evaluationLink: string;

  calendarTitle: Fn<[topic: string]>;
  calendarGroup: Fn<[group: string, organisation: string]>;

  /** Pages: what happened, and who was told or what the reader must do. */
  pages: {
    expertConfirmedTold: string;
    expertConfirmedNoMail: string;
    meetingLinkMail: string;
    meetingLinkNoMail: string;
    cancelTold: string;
    cancelNoMail: string;
    joinLinkLater: string;
    joinLinkNone: string;
    sentToExpert: Fn<[email: string]>;
  };
}
