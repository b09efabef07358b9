/** „Veröffentlichen“ in the pane without React: the same refusals, change list and dates as the command line. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { SheetData } from '../../src/core/model';
import {
  publishOutputs,
  publishRefusal,
  PublishRefusedError,
  runPlan,
  StaleInputError,
  writeOutputs,
  type PlanOutcome,
} from '../../src/core/pipeline';
import { baselineSentence, changeKindText, changesHeadline } from '../../src/core/publish/text';
import { FileWorkbook } from '../../src/workbook/file';
import { describeError } from '../../src/taskpane/errors';
import {
  changesView,
  checkPublish,
  defaultPublishForm,
  nextVersionNumber,
  publishedSentence,
  publishIntro,
} from '../../src/taskpane/publish';

const EXAMPLE = join(__dirname, '../../examples/beispiel-wellenplanung.xlsx');

/** Sets a project's cell on the sheet Umsetzungsprojekte, found by Projekt-ID and header. */
function edit(sheets: SheetData[], id: string, header: string, value: string): SheetData[] {
  return sheets.map((s) => {
    if (s.name !== 'Umsetzungsprojekte') return s;
    const col = s.values[0].indexOf(header);
    const values = s.values.map((r) => (r[0] === id ? r.map((v, i) => (i === col ? value : v)) : r));
    if (!values.some((r) => r[col] === value)) throw new Error(`${id}/${header} fehlt`);
    return { ...s, values };
  });
}

describe('pane publishing (taskpane/publish)', () => {
  let wb: FileWorkbook;
  let first: PlanOutcome;
  let afterEdit: PlanOutcome;

  beforeAll(async () => {
    wb = await FileWorkbook.fromBuffer(readFileSync(EXAMPLE));
    first = runPlan(await wb.readSheets());
    const { bundle } = publishOutputs(first, 'Stand Lenkungskreis 03/2021', '2021-03-15');
    const written = await writeOutputs(wb, bundle);
    expect(written.stats).not.toBeNull();
    afterEdit = runPlan(edit(await wb.readSheets(), 'FK-09', 'Status', 'begonnen'));
  });

  it('refuses in the command line’s words: no label, too long a label, errors; reads the date like the settings', () => {
    const form = defaultPublishForm('2021-03-15');
    expect(form).toEqual({ label: '', date: '15.03.2021' });
    const empty = checkPublish(first, form);
    expect(empty.request).toBeNull();
    expect(empty.refusal).toBe(publishRefusal(first, ''));
    expect(empty.refusal).toContain('Bitte eine Bezeichnung');
    expect(checkPublish(first, { ...form, label: 'x'.repeat(121) }).refusal).toContain('zu lang');
    expect(checkPublish(first, { label: '  Stand 03/2021 ', date: '15.03.21' })).toEqual({
      request: { label: 'Stand 03/2021', date: '2021-03-15' },
      refusal: null,
      dateError: null,
    });
    expect(checkPublish(first, { label: 'Stand', date: '2021-03-15' }).request?.date).toBe('2021-03-15');
    for (const bad of ['31.02.2021', 'morgen', '01.01.1850']) {
      const c = checkPublish(first, { label: 'Stand', date: bad });
      expect(c.request).toBeNull();
      expect(c.dateError).toMatch(/„.+“ (kann nicht gelesen werden|ist nicht erlaubt)/);
    }
    expect(checkPublish(first, { label: 'Stand', date: ' ' }).dateError).toContain('Bitte das Datum');
    const blocked: PlanOutcome = { ...first, blocked: true };
    // errors come first, whatever the label says
    expect(checkPublish(blocked, { label: '', date: '15.03.2021' }).refusal).toBe(
      'Nicht veröffentlicht: Die Prüfung hat Fehler gefunden. Bitte zuerst die Fehler beheben und erneut planen.',
    );
  });

  it('says what publishing records, and which version it becomes', () => {
    expect(nextVersionNumber(first)).toBe(1);
    expect(publishIntro(first)).toContain('als Version 1 auf dem Blatt „Veröffentlichungen“ fest: 30 Projekte');
    expect(publishIntro(first)).toContain('die erste Veröffentlichung');
    expect(nextVersionNumber(afterEdit)).toBe(2);
    expect(publishIntro(afterEdit)).toContain('1 frühere Version bleibt unverändert erhalten.');
    expect(publishedSentence(2, { label: 'Stand 06/2021', date: '2021-06-01' })).toBe(
      'Veröffentlicht: Version 2 „Stand 06/2021“ vom 01.06.2021.',
    );
  });

  it('lists the changes before writing, as the command line does, and none without a published version', () => {
    expect(changesView(first)).toBeNull();
    const view = changesView(afterEdit)!;
    expect(view.baseline).toBe(
      'Geplant gegen die Veröffentlichung Version 1 „Stand Lenkungskreis 03/2021“ vom 15.03.2021.',
    );
    expect(view.baseline).toBe(baselineSentence(afterEdit.baseline!));
    const changes = afterEdit.changes!;
    expect(changes.map((c) => c.project).sort()).toEqual(['FK-03', 'FK-09']);
    expect(view.headline).toBe(
      changesHeadline(afterEdit.baseline!, changes, afterEdit.projects.length, afterEdit.plan!.objective.moves),
    );
    expect(view.headline).toBe('Änderungen gegenüber Version 1: 2 (2 Verschiebungen), 28 Projekte unverändert');
    const fk09 = view.items.find((i) => i.project === 'FK-09')!;
    expect(fk09.text).toBe(
      `FK-09 Trennung und Scheidung (verschoben Welle 4 → 3): ${changes.find((c) => c.project === 'FK-09')!.reason}`,
    );
    expect(fk09.text).toContain('Status begonnen');
    expect(changeKindText(changes.find((c) => c.project === 'FK-03')!)).toBe('verschoben Welle 3 → 4');
  });

  it('refuses a plan whose inputs changed since it was computed, and one made against an older version', async () => {
    // afterEdit was planned from edited sheets the workbook does not hold: writing it would publish stale data
    const { bundle } = publishOutputs(afterEdit, 'Stand 06/2021', '2021-06-01');
    await expect(writeOutputs(wb, bundle)).rejects.toThrow(new StaleInputError());
    expect(runPlan(await wb.readSheets()).published!.map((v) => v.number)).toEqual([1]);
    // a newer version on the sheet than the one planned against
    const older: PlanOutcome = {
      ...afterEdit,
      published: [...afterEdit.published!, { ...afterEdit.baseline!.version, number: 2 }],
    };
    expect(checkPublish(older, { label: 'Noch einmal', date: '01.07.2021' }).refusal).toBe(
      'Nicht veröffentlicht: Es gibt eine neuere Veröffentlichung als die, gegen die geplant wurde. Bitte erneut planen.',
    );
  });
});

describe('a refused publication in the pane', () => {
  it('is explained in German with the core’s message', () => {
    const message = 'Nicht veröffentlicht: Die Prüfung hat Fehler gefunden.';
    expect(describeError(new PublishRefusedError(message), 'Veröffentlichen')).toEqual({
      title: 'Nicht veröffentlicht',
      message,
    });
  });
});
