import * as React from 'react';
import {
  Button,
  Field,
  makeStyles,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Select,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
  tokens,
} from '@fluentui/react-components';
import { Checkmark20Regular, Dismiss20Regular } from '@fluentui/react-icons';
import { importPreviewSentences, knownColumns, type ImportPreview, type LabelMapping } from '../../core/import';
import { normalizeLabel } from '../../core/read/normalize';
import { plural } from '../../core/text';
import { labelHint, type SeenLabel, UNMAPPED } from '../useSteckbriefImport';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: '12px' },
  row: { display: 'flex', gap: '8px', flexWrap: 'wrap' },
  tableBox: { overflowX: 'auto', maxWidth: '100%' },
  table: { tableLayout: 'auto' },
  muted: { color: tokens.colorNeutralForeground3 },
  list: { margin: 0, paddingLeft: '18px', overflowWrap: 'anywhere' },
});

const LAYOUT_DE = { form: 'Formular', table: 'Tabelle', skipped: 'übersprungen' } as const;

/** Rows shown per list in the preview; the rest is counted. */
const SHOWN = 100;

export interface ImportPreviewSectionProps {
  preview: ImportPreview;
  mapping: LabelMapping | null;
  seenLabels: Record<string, SeenLabel>;
  busy: boolean;
  onMap(key: string, value: string): void;
  onConfirm(): void;
  onCancel(): void;
}

/** What the import would change, the label mapping, and the buttons to confirm or cancel. */
export function ImportPreviewSection(props: ImportPreviewSectionProps): React.JSX.Element {
  const { preview, busy, onConfirm, onCancel } = props;
  const styles = useStyles();
  const plan = preview.plan;
  const errors = plan.findings.filter((f) => f.severity === 'error');
  const others = plan.findings.filter(
    (f) => f.severity !== 'error' && f.code !== 'IMPORT_CONFLICT' && f.code !== 'IMPORT_STECKBRIEF_CONFLICT',
  );
  return (
    <section className={styles.root} aria-label="Vorschau des Imports" data-testid="import-preview">
      <Text as="h3" weight="semibold">
        Vorschau
      </Text>
      <Text>{importPreviewSentences(plan).join(' ')}</Text>

      {errors.length > 0 && (
        <MessageBar intent="error" layout="multiline" data-testid="import-errors">
          <MessageBarBody>
            <MessageBarTitle>Import nicht möglich</MessageBarTitle>
            <ul className={styles.list}>
              {errors.slice(0, SHOWN).map((f, i) => (
                <li key={i}>{`${f.sheet}!${f.cell}: ${f.message}`}</li>
              ))}
            </ul>
          </MessageBarBody>
        </MessageBar>
      )}

      <LabelMappingSection {...props} />

      {plan.newServices.length > 0 && (
        <PreviewTable
          caption="Neue Leistungen"
          columns={['OZG-ID', 'Leistung', 'Zeile', 'Quelle']}
          rows={plan.newServices.map((s) => [s.ozgId, s.name, String(s.row), `${s.origin.sheet}!${s.origin.cell}`])}
        />
      )}
      {plan.filledCells.length > 0 && (
        <PreviewTable
          caption="Zu ergänzende Zellen"
          columns={['OZG-ID', 'Spalte', 'Wert', 'Zelle']}
          rows={plan.filledCells.map((c) => [c.ozgId, c.column, c.value, c.cell])}
        />
      )}
      {plan.conflicts.length > 0 && (
        <PreviewTable
          caption="Konflikte (bleiben unverändert)"
          columns={['OZG-ID', 'Spalte', 'Bleibt', 'Abweichend', 'Quelle']}
          rows={plan.conflicts.map((c) => [
            c.ozgId,
            c.column,
            c.between === 'workbook' ? `${c.existing} (Mappe ${c.cell})` : `${c.existing} (erster Steckbrief)`,
            c.imported,
            `${c.origin.sheet}!${c.origin.cell}`,
          ])}
        />
      )}
      <details>
        <summary>{`Gelesene Blätter (${plan.sheets.length})`}</summary>
        <ul className={styles.list}>
          {plan.sheets.slice(0, SHOWN).map((sh) => (
            <li key={`${sh.file}/${sh.sheet}`}>
              {`${sh.file} › ${sh.sheet}: ${LAYOUT_DE[sh.layout]}${sh.layout === 'skipped' ? '' : `, ${plural(sh.records, 'Leistung', 'Leistungen')}`}`}
            </li>
          ))}
        </ul>
      </details>
      {others.length > 0 && (
        <details>
          <summary>{`Weitere Hinweise (${others.length})`}</summary>
          <ul className={styles.list}>
            {others.slice(0, SHOWN).map((f, i) => (
              <li
                key={i}
              >{`${f.severity === 'warning' ? 'Warnung' : 'Hinweis'} – ${f.sheet}!${f.cell}: ${f.message}`}</li>
            ))}
          </ul>
        </details>
      )}

      <div className={styles.row}>
        <Button
          appearance="primary"
          icon={<Checkmark20Regular />}
          onClick={onConfirm}
          disabled={busy || !plan.canApply}
          data-testid="import-confirm"
        >
          Import bestätigen
        </Button>
        <Button icon={<Dismiss20Regular />} onClick={onCancel} disabled={busy}>
          Abbrechen
        </Button>
      </div>
      {!plan.canApply && errors.length === 0 && (
        <Text className={styles.muted}>Die Steckbriefe enthalten nichts, was im Blatt „Leistungen“ noch fehlt.</Text>
      )}
    </section>
  );
}

/** One drop-down per label the import did not recognise (or the workbook's mapping names). */
function LabelMappingSection({ preview, mapping, seenLabels, busy, onMap }: ImportPreviewSectionProps) {
  const styles = useStyles();
  const plan = preview.plan;
  const keys = [...new Set([...plan.unrecognised.map((u) => u.key), ...Object.keys(mapping ?? {})])];
  if (keys.length === 0) return null;
  const targets = [...knownColumns().map((c) => c.label), ...plan.extraColumns];
  for (const t of Object.values(mapping ?? {})) {
    if (t !== '' && !targets.some((o) => normalizeLabel(o) === normalizeLabel(t))) targets.push(t);
  }
  return (
    <section className={styles.root} aria-label="Zuordnung der Beschriftungen">
      <Text as="h3" weight="semibold">
        {plan.unrecognised.length ? 'Nicht erkannte Beschriftungen' : 'Zuordnung der Beschriftungen'}
      </Text>
      <Text size={200} className={styles.muted}>
        Ordnen Sie jede Beschriftung einer Spalte des Blatts „Leistungen“ zu oder lassen Sie sie weg. Die Zuordnung wird
        beim Import in der Arbeitsmappe gespeichert und beim nächsten Mal wieder verwendet.
      </Text>
      {keys.map((key) => {
        const u = plan.unrecognised.find((x) => x.key === key);
        const text = u?.text ?? seenLabels[key]?.text ?? key;
        const current = mapping?.[key];
        const value = current === undefined ? UNMAPPED : normalizedTarget(current, targets);
        return (
          <Field
            key={key}
            label={`„${text}“`}
            hint={u ? labelHint(u) : (seenLabels[key]?.hint ?? 'in der Arbeitsmappe gespeicherte Zuordnung')}
          >
            <Select
              value={value}
              onChange={(_, d) => onMap(key, d.value)}
              disabled={busy}
              aria-label={`Spalte für „${text}“`}
            >
              <option value={UNMAPPED}>— nicht zugeordnet —</option>
              <option value="">Nicht übernehmen</option>
              {targets.map((t) => (
                <option key={t} value={t}>
                  {t}
                </option>
              ))}
            </Select>
          </Field>
        );
      })}
    </section>
  );
}

function PreviewTable({ caption, columns, rows }: { caption: string; columns: string[]; rows: string[][] }) {
  const styles = useStyles();
  return (
    <div>
      <Text as="h4" weight="semibold">{`${caption} (${rows.length})`}</Text>
      {/* Wide tables scroll inside their box, which the keyboard can reach, never the pane sideways. */}
      <div className={styles.tableBox} role="region" aria-label={`${caption}, seitlich rollbar`} tabIndex={0}>
        <Table size="extra-small" aria-label={caption} className={styles.table}>
          <TableHeader>
            <TableRow>
              {columns.map((c) => (
                <TableHeaderCell key={c}>{c}</TableHeaderCell>
              ))}
            </TableRow>
          </TableHeader>
          <TableBody>
            {rows.slice(0, SHOWN).map((r, i) => (
              <TableRow key={i}>
                {r.map((v, j) => (
                  <TableCell key={j}>{v}</TableCell>
                ))}
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </div>
      {rows.length > SHOWN && (
        <Text size={200}>{`… und ${rows.length - SHOWN} weitere (vollständig im Bericht der Kommandozeile).`}</Text>
      )}
    </div>
  );
}

/** The option that matches a stored target (stored targets may differ in spelling). */
function normalizedTarget(target: string, options: string[]): string {
  if (target === '') return '';
  return options.find((o) => normalizeLabel(o) === normalizeLabel(target)) ?? target;
}
