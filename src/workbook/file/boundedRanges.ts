/**
 * Node only (the browser build uses ExcelJS's prebuilt bundle, which cannot be patched):
 * makes ExcelJS keep a data validation by its range instead of one entry per cell. Stock
 * ExcelJS 4.4 expands `C2:C1048576` into a million entries when reading (42–55 s and 1.3 GB
 * for four whole-column drop-downs); its writer already accepts range keys and writes them
 * back as they were. Cell-level lookups (`cell.dataValidation`) are not used by the adapter.
 */
// eslint-disable-next-line @typescript-eslint/no-require-imports
const DataValidationsXform = require('exceljs/lib/xlsx/xform/sheet/data-validations-xform.js') as {
  prototype: { parseClose(name: string): boolean };
};

interface ParseState {
  _address: string;
  _dataValidation: { formulae?: unknown[]; operator?: unknown };
  model: Record<string, unknown>;
}

let installed = false;

export function keepValidationsByBounds(): boolean {
  if (installed) return true;
  const original = DataValidationsXform.prototype.parseClose;
  DataValidationsXform.prototype.parseClose = function (this: ParseState, name: string): boolean {
    if (name !== 'dataValidation') return original.call(this, name);
    const dv = this._dataValidation;
    if (!dv.formulae || !dv.formulae.length) {
      delete dv.formulae;
      delete dv.operator;
    }
    for (const ref of (this._address || '').split(/\s+/)) if (ref) this.model[ref.replace(/\$/g, '')] = dv;
    return true;
  };
  installed = true;
  return true;
}
