import type { Consultation } from "../../consultations/consultations.schemas.js";
import { formatDateTime, zoneCity } from "../i18n/format.js";
import { DataTable } from "../components/data-table.js";
import type { Lang, Messages } from "../i18n/index.js";

export const StatusBadge = ({ t, status }: { t: Messages; status: Consultation["status"] }) => (
  <span class={`status status-${status}`}>{t.status[status]}</span>
);

function when(c: Consultation, t: Messages, lang: Lang, zone: string) {
  if (c.confirmedSlot) return `${formatDateTime(c.confirmedSlot.start, lang, zone)} (${zoneCity(zone, lang)})`;
  if (c.status === "draft" || c.status === "requested") return t.group.proposedCount(c.slots.length);
  return t.common.none;
}

export function ConsultationList({ t, lang, zone, items }: { t: Messages; lang: Lang; zone: string; items: Consultation[] }) {
  return (
    <>
      <h1 id="list-title">{t.group.listTitle}</h1>
      <p>{t.group.listIntro}</p>
      <p>
        <a class="button" href="/app/new">
          {t.layout.newConsultation}
        </a>
      </p>
      {items.length === 0 ? (
        <p>{t.group.empty}</p>
      ) : (
        <DataTable
          labelledBy="list-title"
          columns={[{ label: t.group.topic }, { label: t.group.expert }, { label: t.group.status }, { label: t.group.time }]}
        >
          {items.map((c) => (
            <tr>
              <td>
                <a href={`/app/consultations/${c.id}`}>{c.topic.title}</a>
              </td>
              <td>
                {c.expert.name}, {c.expert.organisation}
              </td>
              <td>
                <StatusBadge t={t} status={c.status} />
              </td>
              <td>{when(c, t, lang, zone)}</td>
            </tr>
          ))}
        </DataTable>
      )}
    </>
  );
}
