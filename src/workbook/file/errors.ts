// Kept apart from the ExcelJS adapter so the command line can use them without loading ExcelJS.

/** The file could not be opened as a workbook. The message is German and meant for the user. */
export class WorkbookReadError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'WorkbookReadError';
  }
}

/** The result could not be written. The message is German and meant for the user. */
export class WorkbookWriteError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'WorkbookWriteError';
  }
}

/** Upper bound on what we try to open, so a hostile file cannot exhaust the pane's memory. */
export const MAX_WORKBOOK_BYTES = 50 * 1024 * 1024;
