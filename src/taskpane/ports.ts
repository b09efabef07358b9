import type { WorkbookPort } from '../workbook/port';

/**
 * Adapters are loaded on demand: ExcelJS (file mode outside Office, ~250 KB gzipped) never reaches a
 * pane running in Excel, and the Office.js adapter is not needed outside Office.
 */
export async function officePort(): Promise<{ port: WorkbookPort; issues: string[] }> {
  const { OfficeWorkbook, officeRequirementIssues } = await import(
    /* webpackChunkName: "office-workbook" */ '../workbook/office'
  );
  // Messages about requirement sets this Excel lacks (e.g. no print settings before ExcelApi 1.9).
  return { port: new OfficeWorkbook(), issues: officeRequirementIssues() };
}

/** A workbook from a file (file mode): its parts ExcelJS cannot keep, and its bytes for a download. */
export interface FilePort extends WorkbookPort {
  readonly kind: 'file';
  readonly lossyParts: readonly string[];
  toBuffer(): Promise<Uint8Array>;
}

export function isFileWorkbook(port: WorkbookPort | null): port is FilePort {
  return port?.kind === 'file';
}

/** Offer bytes as a download (file mode outside Office). Returns the object URL for a visible link. */
export function offerDownload(
  bytes: Uint8Array,
  fileName: string,
  previousUrl?: string | null,
  type = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
): string {
  if (previousUrl) URL.revokeObjectURL(previousUrl);
  const blob = new Blob([bytes as BlobPart], { type });
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.style.display = 'none';
  document.body.appendChild(a);
  a.click();
  a.remove();
  return url;
}
