import * as React from 'react';
import { Button, Field, makeStyles, Select, Text } from '@fluentui/react-components';
import { ArrowDownload20Regular } from '@fluentui/react-icons';
import { todayIso } from '../../core/dates';
import { exportOf } from '../../core/export/fromOutcome';
import type { Themenfeld } from '../../core/model';
import type { PlanOutcome } from '../../core/pipeline';
import { offerDownload } from '../ports';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: '8px' },
  buttons: { display: 'flex', flexWrap: 'wrap', gap: '8px' },
});

export interface ExportPanelProps {
  /** The planned outcome; downloads need a plan without errors. */
  outcome: PlanOutcome | null;
  /** The Themenfeld chosen for writing (printing) and the downloads; null for all. */
  themenfeld: Themenfeld | null;
  onThemenfeld(themenfeld: Themenfeld | null): void;
  busy: boolean;
}

/** „Familie & Kind“ → „familie-kind“, for file names. */
function slug(text: string): string {
  return text
    .toLowerCase()
    .replace(/ä/g, 'ae')
    .replace(/ö/g, 'oe')
    .replace(/ü/g, 'ue')
    .replace(/ß/g, 'ss')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

/**
 * Themenfeld chooser for printing and the open-data export, and the CSV and JSON downloads:
 * the same rows as `wellenplaner export` (src/core/export/fromOutcome.ts).
 */
export function ExportPanel({ outcome, themenfeld, onThemenfeld, busy }: ExportPanelProps): React.JSX.Element {
  const styles = useStyles();
  const [said, setSaid] = React.useState<string | null>(null);
  const urls = React.useRef<Record<string, string | null>>({});
  const planned = outcome !== null && outcome.plan !== null && !outcome.blocked;
  const themenfelder = React.useMemo(
    () => [...new Set((outcome?.projects ?? []).map((p) => p.themenfeld))].sort((a, b) => a.localeCompare(b, 'de')),
    [outcome],
  );
  // A Themenfeld of an earlier workbook is no choice for this one.
  React.useEffect(() => {
    if (themenfeld && outcome && !themenfelder.includes(themenfeld)) onThemenfeld(null);
  }, [themenfeld, themenfelder, outcome, onThemenfeld]);
  React.useEffect(() => setSaid(null), [outcome, themenfeld]);
  React.useEffect(() => () => Object.values(urls.current).forEach((u) => u && URL.revokeObjectURL(u)), []);

  const download = (kind: 'csv' | 'json') => {
    if (!outcome || !planned) return;
    const today = todayIso();
    const exported = exportOf(outcome, { today, themenfeld: themenfeld ?? undefined });
    const name = `wellenplan${themenfeld ? `-${slug(themenfeld)}` : ''}-${today}.${kind}`;
    const text = kind === 'csv' ? exported.csv : JSON.stringify(exported.json, null, 2) + '\n';
    const type = kind === 'csv' ? 'text/csv;charset=utf-8' : 'application/json';
    urls.current[kind] = offerDownload(new TextEncoder().encode(text), name, urls.current[kind], type);
    setSaid(
      `Heruntergeladen: ${name} (${exported.rows.length} Leistungen${themenfeld ? `, Themenfeld „${themenfeld}“` : ''}).`,
    );
  };

  return (
    <section className={styles.root} aria-labelledby="export-title">
      <Text as="h3" id="export-title" size={300} weight="semibold">
        Themenfeld, Druck und Export
      </Text>
      <Field
        label="Themenfeld"
        hint="Gilt für „Schreiben“ (Wellenplan, Wellenübersicht, Bündelung und Koordination nur für dieses Themenfeld, zum Drucken; der Prüfbericht bleibt vollständig) und für die Downloads. Für die ganze Planung wieder „Alle Themenfelder“ wählen und erneut schreiben."
      >
        <Select
          value={themenfeld ?? ''}
          disabled={busy || themenfelder.length === 0}
          onChange={(_, d) => onThemenfeld((d.value || null) as Themenfeld | null)}
          data-testid="export-themenfeld"
        >
          <option value="">Alle Themenfelder</option>
          {themenfelder.map((t) => (
            <option key={t} value={t}>
              {t}
            </option>
          ))}
        </Select>
      </Field>
      <Text>
        Eine Zeile je Leistung (OZG-ID, Leistung, Projekt, Welle, Zeitraum, Koordination, Status, Stand der
        Veröffentlichung) zur Nachnutzung, wie <code>wellenplaner export</code> sie schreibt. CSV für Excel (UTF-8,
        Semikolon, deutsche Daten), JSON nach dem Schema <code>schemas/wellenplan-export.schema.json</code>.
      </Text>
      <div className={styles.buttons}>
        <Button icon={<ArrowDownload20Regular />} disabled={busy || !planned} onClick={() => download('csv')}>
          CSV herunterladen
        </Button>
        <Button icon={<ArrowDownload20Regular />} disabled={busy || !planned} onClick={() => download('json')}>
          JSON herunterladen
        </Button>
      </div>
      {!planned && (
        <Text size={200} role="note">
          Die Downloads gibt es nach „Planen“ ohne Fehler in der Prüfung.
        </Text>
      )}
      {said && (
        <Text size={200} role="status" data-testid="export-result">
          {said}
        </Text>
      )}
    </section>
  );
}
