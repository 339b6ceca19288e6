import type { Child } from "hono/jsx";

export interface Column {
  label: string;
  /** Figures align right, so their digits line up. */
  num?: boolean;
}

/**
 * A table that scrolls sideways on a phone instead of widening the page. The scrolling box is a
 * named, focusable region, so keyboard users can scroll it too (axe: scrollable-region-focusable).
 */
export function DataTable({ labelledBy, columns, children }: { labelledBy: string; columns: Column[]; children?: Child }) {
  return (
    <div class="table-scroll" role="region" aria-labelledby={labelledBy} tabindex={0}>
      <table>
        <thead>
          <tr>
            {columns.map((c) => (
              <th scope="col" class={c.num ? "num" : undefined}>
                {c.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>{children}</tbody>
      </table>
    </div>
  );
}
