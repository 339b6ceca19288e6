import type { NordicCountry } from "../lib/common-schemas.js";

/**
 * The demo's directory and groups, grounded in shared/DOMAIN.md: the organisations it allows by
 * name, clearly invented ones ("Example ...") for the other countries, and people whose names
 * say they are made up (example / exempel / esimerkki / keksitty / dæmi / dømi / fiktiv).
 */
export interface DemoOrganisation {
  key: string;
  name: string;
  country: NordicCountry;
  website?: string;
  criteria: { nationallySignificant: boolean; innovative: boolean; evidenceBased: boolean };
  criteriaNote?: string;
  experts: { name: string; languages: string[]; timeZone: string; themes: string[] }[];
}

export const DEMO_ORGANISATIONS: DemoOrganisation[] = [
  {
    key: "nvc",
    name: "Nordic Welfare Centre (NVC)",
    country: "SE",
    criteria: { nationallySignificant: true, innovative: true, evidenceBased: true },
    criteriaNote: "Nordic institution, Stockholm and Helsinki; first pilot partner in the concept",
    experts: [
      { name: "Ingrid Exempel", languages: ["sv", "en"], timeZone: "Europe/Stockholm", themes: ["child protection", "welfare indicators"] },
      { name: "Olli Esimerkki", languages: ["fi", "sv", "en"], timeZone: "Europe/Helsinki", themes: ["disability services", "client participation"] },
    ],
  },
  {
    key: "viso",
    name: "VISO",
    country: "DK",
    criteria: { nationallySignificant: true, innovative: false, evidenceBased: true },
    criteriaNote: "Denmark's national knowledge and specialist advisory organisation for social services",
    experts: [{ name: "Mette Eksempel", languages: ["en"], timeZone: "Europe/Copenhagen", themes: ["child protection", "preventive family work", "disability services"] }],
  },
  {
    key: "dalarna",
    name: "Dalarna Research Council",
    country: "SE",
    criteria: { nationallySignificant: false, innovative: true, evidenceBased: true },
    experts: [{ name: "Lars Exempelsson", languages: ["sv", "en"], timeZone: "Europe/Stockholm", themes: ["elderly care", "social-work leadership"] }],
  },
  {
    key: "skane",
    name: "Skåne County Administrative Board",
    country: "SE",
    criteria: { nationallySignificant: true, innovative: true, evidenceBased: false },
    experts: [{ name: "Karin Påhittad", languages: ["sv"], timeZone: "Europe/Stockholm", themes: ["immigrant integration", "trust-based social work"] }],
  },
  {
    key: "nad",
    name: "Nordic Centre for Alcohol and Drug Research (NAD)",
    country: "FI",
    criteria: { nationallySignificant: true, innovative: false, evidenceBased: true },
    experts: [{ name: "Freja Fiktiv", languages: ["sv", "en"], timeZone: "Europe/Helsinki", themes: ["mental health and substance abuse"] }],
  },
  {
    key: "fskc",
    name: "Finland-Swedish competence centre for social welfare",
    country: "FI",
    criteria: { nationallySignificant: true, innovative: true, evidenceBased: false },
    experts: [{ name: "Jonas Exempelström", languages: ["sv", "fi"], timeZone: "Europe/Helsinki", themes: ["NGO-public cooperation", "adult social work"] }],
  },
  {
    key: "no",
    name: "Example Fjord Institute for Child Welfare (invented)",
    country: "NO",
    criteria: { nationallySignificant: false, innovative: true, evidenceBased: true },
    experts: [{ name: "Sigrid Eksempelsen", languages: ["en"], timeZone: "Europe/Oslo", themes: ["preventive family work", "child protection"] }],
  },
  {
    key: "is",
    name: "Example Centre for Family Support, Reykjavík (invented)",
    country: "IS",
    criteria: { nationallySignificant: true, innovative: true, evidenceBased: false },
    experts: [{ name: "Jón Dæmisson", languages: ["en"], timeZone: "Atlantic/Reykjavik", themes: ["preventive family work", "early childhood education"] }],
  },
  {
    key: "fo",
    name: "Example Social Work Unit, Tórshavn (invented)",
    country: "FO",
    criteria: { nationallySignificant: true, innovative: false, evidenceBased: true },
    experts: [{ name: "Páll Dømisson", languages: ["en"], timeZone: "Atlantic/Faroe", themes: ["adult social work", "housing for people with mental-health disabilities"] }],
  },
  {
    key: "gl",
    name: "Example Family Centre, Nuuk (invented)",
    country: "GL",
    criteria: { nationallySignificant: true, innovative: true, evidenceBased: false },
    experts: [{ name: "Aviaja Example", languages: ["en"], timeZone: "America/Nuuk", themes: ["child protection", "client participation"] }],
  },
  {
    key: "ax",
    name: "Example Åland Social Services Office (invented)",
    country: "AX",
    criteria: { nationallySignificant: false, innovative: true, evidenceBased: true },
    experts: [{ name: "Tove Exempelholm", languages: ["sv"], timeZone: "Europe/Mariehamn", themes: ["elderly care", "housing for people with mental-health disabilities"] }],
  },
];

export interface DemoTopic {
  title: string;
  theme: string;
  description: string;
  brief: { challenge: string; questions: string[]; language: "fi" | "sv" | "en" };
}

export interface DemoGroup {
  name: string;
  organisation: string;
  members: string[];
  topics: DemoTopic[];
}

export const DEMO_GROUPS: DemoGroup[] = [
  {
    name: "Lastensuojelun kehittäjäryhmä",
    organisation: "Esimerkkilä wellbeing services county (invented)",
    members: ["Maija Esimerkki", "Kalle Keksitty", "Liisa Kuvitteellinen"],
    topics: [
      {
        title: "Earlier support for families",
        theme: "child protection",
        description: "Referrals reach child protection late; we want to reach families at the first signs.",
        brief: {
          challenge: "Most referrals arrive when the situation is already acute. We are piloting a low-threshold contact point with schools and maternity clinics and want to learn how others organise early contact without stigma.",
          questions: ["How do you reach families before a referral?", "Which measures show that early support works?", "How do you involve the children themselves?"],
          language: "en",
        },
      },
      {
        title: "Family work at home",
        theme: "preventive family work",
        description: "Home-based family work for families with small children.",
        brief: {
          challenge: "Perhetyön jonot ovat pitkiä ja käynnit lyhyitä. Haluamme tietää, miten kotiin vietävä perhetyö on järjestetty muualla Pohjolassa.",
          questions: ["Miten käyntien määrä päätetään?", "Miten perhe osallistuu suunnitelman tekoon?"],
          language: "fi",
        },
      },
    ],
  },
  {
    name: "Utvecklingsgruppen för äldreomsorg",
    organisation: "Exempelby kommun (invented)",
    members: ["Johan Exempel", "Anna Exempelsdotter", "Mats Påhittad"],
    topics: [
      {
        title: "Customer choice in home care",
        theme: "elderly care",
        description: "Service vouchers and procurement of home care.",
        brief: {
          challenge: "Vi inför kundval i hemtjänsten och upphandlar nya utförare. Hur säkrar man kvalitet och kontinuitet när flera utförare arbetar i samma område?",
          questions: ["Hur följer ni upp kvaliteten hos utförarna?", "Hur informeras de äldre om sina val?", "Vilka krav ställer ni i upphandlingen?", "Hur hanteras byte av utförare?"],
          language: "sv",
        },
      },
      {
        title: "Older people's voice in planning",
        theme: "client participation",
        description: "Involving older clients in developing services (Bikva).",
        brief: {
          challenge: "Vi vill pröva Bikva-modellen med äldre klienter och behöver höra hur andra har gjort.",
          questions: ["Hur rekryterar ni deltagare?", "Hur återförs resultaten till personalen?"],
          language: "sv",
        },
      },
    ],
  },
  {
    name: "Integrated mental health and substance abuse services group",
    organisation: "Finland-Swedish competence centre for social welfare",
    members: ["Sara Example", "Eero Esimerkki", "Nora Fiktiv"],
    topics: [
      {
        title: "One door for mental health and substance abuse",
        theme: "mental health and substance abuse",
        description: "Integrating the two services for clients with both needs.",
        brief: {
          challenge: "Clients with both mental-health and substance-abuse problems fall between services. We are merging two teams and want to learn from integrated models in the Nordic countries.",
          questions: ["How is responsibility shared in an integrated team?", "Which indicators do you follow?", "How do you handle waiting times?"],
          language: "en",
        },
      },
      {
        title: "Housing first for people with mental-health disabilities",
        theme: "housing for people with mental-health disabilities",
        description: "Supported housing and independent living.",
        brief: {
          challenge: "We plan scattered-site supported housing instead of group homes.",
          questions: ["What support do tenants get in the first year?", "How do you work with landlords?"],
          language: "en",
        },
      },
    ],
  },
  {
    name: "Nuorten aikuisten sosiaalityön ryhmä",
    organisation: "Esimerkkilä city social services (invented)",
    members: ["Pekka Fiktiivinen", "Elina Keksitty", "Tove Exempel"],
    topics: [
      {
        title: "Young adults outside work and study",
        theme: "adult social work",
        description: "Outreach and multi-professional support for young adults.",
        brief: {
          challenge: "Young adults who are neither working nor studying rarely come to the office. We want to learn outreach models that work.",
          questions: ["Where do you meet the young adults?", "How do you cooperate with employment services?", "What do you measure?", "How long does the support last?", "How do you keep contact?"],
          language: "en",
        },
      },
      {
        title: "Integration of newly arrived families",
        theme: "immigrant integration",
        description: "Social work with newly arrived families.",
        brief: {
          challenge: "Hur stöder socialtjänsten nyanlända familjer under de första åren, och hur samarbetar den med föreningar?",
          questions: ["Vilka tjänster erbjuds första året?", "Hur används tolkar?"],
          language: "sv",
        },
      },
    ],
  },
];

/** Proposed times should be working days for both sides: mid-week, outside the Nordic holiday seasons. */
export const DEMO_WORKDAYS = [2, 3, 4]; // Tuesday to Thursday (luxon weekday numbers)
