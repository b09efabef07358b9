/** The port lives in the core (src/core/port.ts); the adapters import it from here. */
export { META_SHEET, type WorkbookPort, type WriteStats } from '../core/port';
