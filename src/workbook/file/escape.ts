import type ExcelJS from 'exceljs';

/**
 * OOXML stores characters XML cannot hold as `_xHHHH_`; a literal `_x0041_` in a cell must
 * therefore be stored as `_x005F_x0041_` (an escaped underscore), or Excel – and ExcelJS –
 * read it back as "A". ExcelJS unescapes when reading but does not escape when writing.
 */
const ESCAPE_LIKE = /_x([0-9A-Fa-f]{4})_/g;

export function escapeOoxmlText(text: string): string {
  return text.includes('_x') ? text.replace(ESCAPE_LIKE, '_x005F_x$1_') : text;
}

function needsEscape(text: unknown): text is string {
  return typeof text === 'string' && text !== escapeOoxmlText(text);
}

type Note = string | { texts?: { text: string }[] };

/**
 * Escapes every text of the workbook that looks like an `_xHHHH_` sequence (cell values,
 * rich text runs, hyperlink texts, notes) for writing; returns the function that restores
 * the values, so the workbook in memory keeps the real text.
 */
export function escapeForWriting(workbook: ExcelJS.Workbook): () => void {
  const undo: (() => void)[] = [];
  for (const ws of workbook.worksheets) {
    ws.eachRow({ includeEmpty: false }, (row) => {
      row.eachCell({ includeEmpty: false }, (cell) => {
        if (cell.type === 9 /* ExcelJS.ValueType.Merge */) return;
        const v = cell.value as unknown;
        let next: unknown;
        if (needsEscape(v)) next = escapeOoxmlText(v);
        else if (v && typeof v === 'object' && 'richText' in v && Array.isArray(v.richText)) {
          const runs = v.richText as { text: string }[];
          if (runs.some((r) => needsEscape(r.text)))
            next = { ...v, richText: runs.map((r) => ({ ...r, text: escapeOoxmlText(r.text) })) };
        } else if (v && typeof v === 'object' && 'hyperlink' in v && 'text' in v && needsEscape(v.text)) {
          next = { ...v, text: escapeOoxmlText(v.text) };
        }
        if (next !== undefined) {
          cell.value = next as ExcelJS.CellValue;
          undo.push(() => (cell.value = v as ExcelJS.CellValue));
        }
        const note = cell.note as Note | undefined;
        if (typeof note === 'string' && needsEscape(note)) {
          cell.note = escapeOoxmlText(note);
          undo.push(() => (cell.note = note));
        } else if (note && typeof note === 'object' && note.texts?.some((t) => needsEscape(t.text))) {
          cell.note = { ...note, texts: note.texts.map((t) => ({ ...t, text: escapeOoxmlText(t.text) })) } as never;
          undo.push(() => (cell.note = note as never));
        }
      });
    });
  }
  return () => {
    for (let i = undo.length - 1; i >= 0; i--) undo[i]();
  };
}
