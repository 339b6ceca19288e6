import type { Messages } from "../i18n/index.js";

/** The brief's challenge and questions, marked with the language the group wrote them in. */
export function BriefBody({ t, brief }: { t: Messages; brief: { challenge: string; questions: string[]; language: string } }) {
  return (
    <div lang={brief.language}>
      <h3>{t.expert.challenge}</h3>
      <p class="brief-text">{brief.challenge}</p>
      <h3>{t.expert.questions}</h3>
      <ol>
        {brief.questions.map((q) => (
          <li>{q}</li>
        ))}
      </ol>
    </div>
  );
}
