/** The port lives in the core (src/core/port.ts); the adapters import it from here. */
export { META_SHEET, WriteCancelled, type ApplyOptions, type WorkbookPort, type WriteStats } from '../core/port';
