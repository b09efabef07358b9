/**
 * The planner-scale workbook for the browser tests and bench/pane.ts: n generated Leistungen
 * (the catalogue's 557 first, then made-up ones) in projects of 1–9 over all Themenfelder, with
 * coordinators, statuses, prior work and dependencies (test/workbook/file/generated.ts). Written
 * to test-output/ once per size; the generator is deterministic.
 */
import * as fs from 'fs';
import * as path from 'path';
import { syntheticWorkbook } from '../workbook/file/generated';
import { ensureBuilt, openSession, OUT, type Session } from './harness';

export async function bigWorkbookFile(services = 20_000): Promise<string> {
  fs.mkdirSync(OUT, { recursive: true });
  const file = path.join(OUT, `gross-${services}.xlsx`);
  if (!fs.existsSync(file)) fs.writeFileSync(file, await syntheticWorkbook(services));
  return file;
}

/**
 * For a describe block: the built pane, one browser session and the workbook of `services`
 * Leistungen, set up before its tests and closed after them.
 */
export function bigWorkbookSession(services: number): { readonly session: Session; readonly file: string } {
  let session: Session | undefined;
  let file: string | undefined;
  beforeAll(async () => {
    ensureBuilt();
    file = await bigWorkbookFile(services);
    session = await openSession();
  }, 900_000);
  afterAll(async () => {
    await session?.close();
  });
  return {
    get session() {
      return session!;
    },
    get file() {
      return file!;
    },
  };
}
