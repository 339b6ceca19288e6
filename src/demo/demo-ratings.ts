import type { SubmitEvaluation } from "../evaluations/evaluations.schemas.js";
import type { Random } from "./seeded-random.js";

const LEARNINGS = [
  "Hearing how another country measures early support gave us indicators we can start with.",
  "Vi fick konkreta exempel på hur uppföljningen av utförarna görs.",
  "Saimme mallin siitä, miten perhe otetaan mukaan suunnitelman tekoon.",
  "The expert had read our brief carefully and answered every question.",
  "Det var värdefullt att höra om misslyckanden, inte bara om det som fungerat.",
  "Our team now wants to try a joint intake for both services.",
];
const IMPROVEMENTS = [
  "Send the brief earlier so that the expert can prepare.",
  "Fewer questions: we ran out of time for the last one.",
  "Aikaa jäi liian vähän keskustelulle.",
  "Ljudet bröt ihop några gånger; testa tekniken i förväg.",
  "Share the expert's material after the meeting.",
];
const FOLLOW_UP_TOPICS = [
  "How the indicators are collected in practice",
  "Bikva with clients: a worked example",
  "Uppföljning av kvalitet i hemtjänsten",
  "Cooperation with employment services",
];

const clamp = (n: number) => Math.max(1, Math.min(5, Math.round(n)));

export interface SessionTraits {
  durationMinutes: number;
  briefQuestions: number;
  /** Makes some consultations better than others, the same for every evaluation of one session. */
  quality: number;
}

/**
 * One plausible evaluation. Built-in tendencies give the coordinator's report something to find:
 * 30-minute sessions feel short, briefs with more questions prepare the expert better.
 */
export function demoEvaluation(rnd: Random, side: "member" | "expert", s: SessionTraits): SubmitEvaluation {
  const short = s.durationMinutes < 35;
  const usefulness = clamp(s.quality + (short ? -0.6 : 0.2) + (rnd.next() - 0.5) * 1.6);
  const preparation = clamp(side === "expert" ? 2.5 + s.briefQuestions * 0.4 + (rnd.next() - 0.5) : s.quality + (rnd.next() - 0.5) * 1.4);
  const fitRoll = rnd.next();
  const durationFit = short ? (fitRoll < 0.6 ? "too_short" : "right") : fitRoll < 0.12 ? "too_long" : fitRoll < 0.2 ? "too_short" : "right";
  const followUpInterest = usefulness >= 4 && rnd.chance(0.35);
  return {
    usefulness,
    preparation,
    durationFit,
    actualMinutes: rnd.chance(0.6) ? s.durationMinutes + rnd.int(-4, 3) : undefined,
    technicalQuality: clamp(4.4 + (rnd.next() - 0.6) * 2),
    wouldRecommend: usefulness >= 4 || (usefulness === 3 && rnd.chance(0.5)),
    followUpInterest,
    followUpTopic: followUpInterest && rnd.chance(0.7) ? rnd.pick(FOLLOW_UP_TOPICS) : undefined,
    learnings: side === "member" && rnd.chance(0.7) ? rnd.pick(LEARNINGS) : undefined,
    improvements: rnd.chance(0.4) ? rnd.pick(IMPROVEMENTS) : undefined,
  };
}
