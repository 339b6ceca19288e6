import { HintAndError, type FieldErrors } from "./form.js";
import { slotFieldId } from "../group/slot-input.js";
import type { Messages } from "../i18n/index.js";

/**
 * Rows of date-and-time inputs read in `zone` (the server converts them; without JavaScript too).
 * Ids and errors follow slot-input.ts (slot-0, slot-1 …), so checkSlots' errors land on their row.
 */
export function TimeRows(p: { t: Messages; rows: number; required: number; values: readonly string[]; errors: FieldErrors; label: (n: number) => string }) {
  return (
    <>
      {Array.from({ length: p.rows }, (_, row) => {
        const id = slotFieldId(row);
        const error = p.errors[id];
        return (
          <div class={error ? "field field-invalid" : "field"}>
            <label for={id}>
              {p.label(row + 1)}
              {row >= p.required ? <span class="optional"> ({p.t.common.optional})</span> : null}
            </label>
            <HintAndError id={id} error={error} />
            <input
              id={id}
              name="slot"
              type="datetime-local"
              class="input"
              value={p.values[row] ?? ""}
              step={300}
              aria-invalid={error ? "true" : undefined}
              aria-describedby={error ? `${id}-error` : undefined}
            />
          </div>
        );
      })}
    </>
  );
}
