import type { Applicant, CellValue, FieldColumn, FieldId, RosterLayout } from '../core/types.js';
import { cellText } from '../normalize/text.js';
import { splitCombined, type SplitKind } from '../normalize/split-combined.js';
import type { ColumnDef } from './schema.js';

interface Split {
  from: FieldId;
  kind: SplitKind;
  /** Every field the cell holds, in order; `into` are those the roster has no column for. */
  fields: FieldId[];
  into: Set<FieldId>;
  header: string;
}

/** A roster's combined columns (rule-set `columns[].combines`), and how to read its rows through them. */
export interface CombinedReading {
  /** The layout with each combined field placed at its combined cell. */
  layout: RosterLayout;
  /** The row with its combined cells cut into their fields (the same row when there is nothing to cut). */
  read(app: Applicant): Applicant;
}

/**
 * The fields a roster gives only inside combined cells are read from those cells: the checks see
 * them as ordinary fields, and their findings name the combined cell (the layout points there).
 * A field with its own column keeps it.
 */
export function combinedReading(columns: readonly ColumnDef[], layout: RosterLayout): CombinedReading {
  const splits: Split[] = [];
  let fields: Map<FieldId, FieldColumn> | undefined;
  for (const c of columns) {
    const at = c.combines && layout.fields.get(c.id);
    if (!c.combines || !at) continue;
    const into = new Set(c.combines.fields.filter((f) => !layout.fields.has(f) && !fields?.has(f)));
    if (into.size === 0) continue;
    fields ??= new Map(layout.fields);
    for (const f of into) fields.set(f, at);
    splits.push({ from: c.id, kind: c.combines.split, fields: c.combines.fields, into, header: at.header });
  }
  if (!fields) return { layout, read: (app) => app };
  const expanded: RosterLayout = { ...layout, fields };
  return {
    layout: expanded,
    read(app) {
      let values: Map<FieldId, CellValue> | undefined;
      let wholes: Map<FieldId, CellValue> | undefined;
      for (const s of splits) {
        const cell = app.values.get(s.from);
        if (cell === undefined) continue;
        values ??= new Map(app.values);
        wholes ??= new Map();
        const parts = splitCombined(cellText(cell), s.kind, s.fields.length, s.header);
        s.fields.forEach((f, i) => {
          if (!s.into.has(f)) return;
          const part = parts?.[i];
          if (parts === null) values!.set(f, unsplit(cell));
          else if (part) values!.set(f, { kind: 'string', text: part });
          else return;
          // The employer corrects the cell by what it says, not by the part a rule judged.
          wholes!.set(f, cell);
        });
      }
      const read: Applicant = { ...app, layout: expanded, values: values ?? app.values };
      if (wholes?.size) read.combinedCells = wholes;
      return read;
    },
  };
}

// A cell that could not be cut gives each of its fields the whole text as a value of no type (like
// a formula error): text checks read the text, date and number checks report it unreadable (a
// warning on the combined cell), and `288` in a three-year cell never passes as 288 hours each year.
function unsplit(cell: CellValue): CellValue {
  return { kind: 'error', code: cellText(cell) };
}
