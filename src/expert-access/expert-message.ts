import { DateTime } from "luxon";

export type MessageLanguage = "sv" | "en" | "fi";

/** The expert's first language the service speaks, else English. */
export function messageLanguage(expertLanguages: readonly string[]): MessageLanguage {
  const first = expertLanguages.find((l): l is MessageLanguage => l === "sv" || l === "en" || l === "fi");
  return first ?? "en";
}

const texts = {
  en: {
    subject: (topic: string) => `Request for a Nordic consultation: ${topic}`,
    greeting: (name: string) => `Dear ${name},`,
    intro: (group: string, org: string, minutes: number) =>
      `${group} (${org}) would like to consult you in a short Teams meeting of ${minutes} minutes.`,
    challenge: "The challenge",
    questions: "Our questions",
    times: (zone: string) => `Proposed times (${zone}):`,
    link: "Please choose one time, or decline, through this personal link:",
    thanks: "Thank you!",
  },
  sv: {
    subject: (topic: string) => `Förfrågan om en nordisk konsultation: ${topic}`,
    greeting: (name: string) => `Hej ${name},`,
    intro: (group: string, org: string, minutes: number) =>
      `${group} (${org}) vill gärna konsultera dig i ett kort Teams-möte på ${minutes} minuter.`,
    challenge: "Utmaningen",
    questions: "Våra frågor",
    times: (zone: string) => `Föreslagna tider (${zone}):`,
    link: "Välj en tid, eller tacka nej, via den här personliga länken:",
    thanks: "Tack!",
  },
  fi: {
    subject: (topic: string) => `Pyyntö pohjoismaiseen konsultaatioon: ${topic}`,
    greeting: (name: string) => `Hei ${name},`,
    intro: (group: string, org: string, minutes: number) =>
      `${group} (${org}) toivoo voivansa konsultoida sinua lyhyessä ${minutes} minuutin Teams-tapaamisessa.`,
    challenge: "Haaste",
    questions: "Kysymyksemme",
    times: (zone: string) => `Ehdotetut ajat (${zone}):`,
    link: "Valitse yksi aika tai kieltäydy tämän henkilökohtaisen linkin kautta:",
    thanks: "Kiitos!",
  },
} as const;

export interface ExpertMessageInput {
  language: MessageLanguage;
  expertName: string;
  expertTimeZone: string;
  groupName: string;
  organisation: string;
  topicTitle: string;
  durationMinutes: number;
  challenge: string;
  questions: string[];
  slots: { start: string }[];
  link: string;
}

/** The brief and the expert's link as one message, in the expert's language. */
export function expertRequestMessage(m: ExpertMessageInput): { subject: string; body: string } {
  const t = texts[m.language];
  const times = m.slots.map(
    (s) =>
      `- ${DateTime.fromISO(s.start, { zone: "utc" }).setZone(m.expertTimeZone).setLocale(m.language).toLocaleString(DateTime.DATETIME_MED_WITH_WEEKDAY)}`,
  );
  const body = [
    t.greeting(m.expertName),
    "",
    t.intro(m.groupName, m.organisation, m.durationMinutes),
    "",
    `${t.challenge}:`,
    m.challenge,
    "",
    `${t.questions}:`,
    ...m.questions.map((q, i) => `${i + 1}. ${q}`),
    "",
    t.times(m.expertTimeZone),
    ...times,
    "",
    t.link,
    m.link,
    "",
    t.thanks,
    m.groupName,
  ].join("\n");
  return { subject: t.subject(m.topicTitle), body };
}
