import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../../src/cli/main';
import { FileWorkbook } from '../../src/workbook/file';
import type { JsonReport } from '../../src/core/report';

/** The example with the OZG-Datenbank's Umsetzungsstand (scripts/make-examples.ts). */
const EXAMPLE = join(__dirname, '../../examples/beispiel-umsetzungsstand.xlsx');
const dir = mkdtempSync(join(tmpdir(), 'wellenplaner-stand-'));

async function run(...argv: string[]) {
  let stdout = '';
  const code = await main(argv, { stdout: { write: (s: string) => (stdout += s) }, stderr: { write: () => true } });
  return { code, stdout };
}

describe('wellenplaner plan on a workbook with the Umsetzungsstand', () => {
  it('plans the lifecycle stages, checks them against --today and marks the Wellenübersicht', async () => {
    const out = join(dir, 'ergebnis.xlsx');
    const json = join(dir, 'bericht.json');
    const r = await run('plan', EXAMPLE, '--out', out, '--json', json, '--today', '01.10.2021');
    expect(r.code).toBe(0);
    const report = JSON.parse(readFileSync(json, 'utf8')) as JsonReport;
    const byId = new Map(report.projects.map((p) => [p.id, p]));
    // Begun and live stages in wave 1, zurückgestellt in the last of the 4 waves.
    expect(['FK-01', 'FK-02', 'FK-03', 'FK-05', 'FK-08', 'FK-10'].map((id) => byId.get(id)!.wave)).toEqual([
      1, 1, 1, 1, 1, 1,
    ]);
    expect(byId.get('FK-07')).toMatchObject({ wave: 4, stage: 'zurückgestellt', reasons: ['DEFERRED'] });
    expect(byId.get('FK-01')).toMatchObject({ stage: 'flächendeckender Rollout', statusSince: '2020-04-01' });
    expect(report.projects.filter((p) => p.progress === 'done').map((p) => p.id)).toEqual(['FK-01', 'FK-08', 'FK-10']);
    const codes = report.findings.map((f) => `${f.code} ${f.cell}`);
    expect(codes).toEqual(
      expect.arrayContaining([
        'PROJECT_NOT_LIVE_AFTER_WAVE E3', // FK-02 Pilotierung, wave 1 ended 30.06.2020
        'PROJECT_NOT_STARTED_LATE E5', // FK-04 vorbereitet, wave 2 began 01.07.2020
        'PROJECT_LIVE_AFTER_WAVE E9', // FK-08 in Betrieb since 01.09.2021, after wave 1
        'PROJECT_DEFERRED E8',
      ]),
    );
    expect(r.stdout).toContain('PROJECT_DEFERRED');
    expect(report.waves[0].ozgCompliant).toEqual({ planned: 22, reached: 10 });

    const wb = await FileWorkbook.fromBuffer(readFileSync(out));
    const overview = (await wb.readSheets()).find((s) => s.name === 'Wellenübersicht')!;
    const texts = overview.values.flat().filter((v): v is string => typeof v === 'string');
    expect(texts).toContain('Geburt und Elterngeld digital\n✓ in Betrieb seit 01.04.2020');
    expect(texts).toContain('Kindergeld und Kinderzuschlag\n⚠ nicht in Betrieb, Welle 1 endete 30.06.2020');
    expect(texts.some((t) => t.startsWith('verspätet am 01.10.2021'))).toBe(true);
    expect(texts.some((t) => /^Welle 1 · .* · OZG-konform \(Reifegrad ≥ 3\): 22 geplant, 10 erreicht$/.test(t))).toBe(
      true,
    );
    const plan = (await wb.readSheets()).find((s) => s.name === 'Wellenplan')!;
    expect(plan.values.flat()).toContain('Pilotierung');
  });

  it('says nothing late before the waves begin', async () => {
    const json = join(dir, 'frueh.json');
    const r = await run('check', EXAMPLE, '--json', json, '--today', '2019-12-31');
    expect(r.code).toBe(0);
    const report = JSON.parse(readFileSync(json, 'utf8')) as JsonReport;
    expect(report.findings.map((f) => f.code)).not.toContain('PROJECT_NOT_STARTED_LATE');
    expect(report.findings.map((f) => f.code)).not.toContain('PROJECT_NOT_LIVE_AFTER_WAVE');
  });
});
