/** Label columns of the Wellenübersicht; widths chosen so that on A4 it still prints at ≥ 7 pt (see overviewAxis). */
export const LABEL_COLUMNS = [
  { header: 'Welle', width: 5.5 },
  { header: 'Projekt-ID', width: 9 },
  { header: 'Umsetzungsprojekt', width: 28 },
  { header: 'Koordination', width: 17 },
  { header: 'Leis-\ntungen', width: 6 },
] as const;
export const FIRST_PERIOD_COL = LABEL_COLUMNS.length + 1;

/** Lead-state fallback mark after the coordinator's name, explained in the legend. */
export const LEAD_STATE_MARK = ' *';
