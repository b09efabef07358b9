import type { WorkbookPort } from '../workbook/port';
import type { FileWorkbook } from '../workbook/file';

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

export async function openWorkbookFile(file: Blob): Promise<FileWorkbook> {
  const { FileWorkbook } = await import(/* webpackChunkName: "file-workbook" */ '../workbook/file');
  return FileWorkbook.fromBuffer(await file.arrayBuffer());
}

export async function newFileWorkbook(): Promise<FileWorkbook> {
  const { FileWorkbook } = await import(/* webpackChunkName: "file-workbook" */ '../workbook/file');
  return FileWorkbook.create();
}

export function isFileWorkbook(port: WorkbookPort | null): port is FileWorkbook {
  return port?.kind === 'file';
}

/** Offer bytes as a download (file mode outside Office). Returns the object URL for a visible link. */
export function offerDownload(bytes: Uint8Array, fileName: string, previousUrl?: string | null): string {
  if (previousUrl) URL.revokeObjectURL(previousUrl);
  const blob = new Blob([bytes as BlobPart], {
    type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  });
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
