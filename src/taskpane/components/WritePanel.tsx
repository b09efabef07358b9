import * as React from 'react';
import {
  Button,
  Link,
  makeStyles,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  Text,
} from '@fluentui/react-components';
import { ArrowDownload20Regular, Save20Regular } from '@fluentui/react-icons';
import type { PlanOutcome } from '../../core/pipeline';
import type { PublishRequest } from '../worker/sessionProtocol';
import { ChangesList, PublishPanel } from './PublishPanel';
import type { WriteResultView } from '../sessionState';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: '12px' },
  list: { margin: 0, paddingLeft: '20px' },
});

export type { WriteResultView };

/** What each written sheet holds, for the list before writing. */
const SHEET_DESCRIPTIONS: Record<string, string> = {
  Wellenplan: 'ein Projekt je Zeile mit Welle, Zeitraum, Koordination und Begründung',
  Wellenübersicht: 'druckfertige Gantt-Übersicht nach Themenfeld und Welle',
  Koordination: 'Umsetzungskoordination je Projekt und woher sie stammt',
  Änderungen: 'was sich gegenüber der Veröffentlichung geändert hat, mit Grund',
  Wellendiagramm: 'Daten des Gantt-Diagramms',
  Prüfbericht: 'alle Befunde mit Link zur Zelle',
};

export interface WritePanelProps {
  outcome: PlanOutcome | null;
  /** Sheets the write would create or replace, in order. */
  sheets: string[];
  chart: boolean;
  fileMode: boolean;
  busy: boolean;
  /** Why writing cannot start yet (German), e.g. a download that would lose parts is not confirmed. */
  writeBlocked?: string | null;
  result: WriteResultView | null;
  editedSheets: string[] | null;
  onWrite(force: boolean): void;
  /** „Veröffentlichen“: write and record the plan as a new version (absent: no publishing here). */
  onPublish?(request: PublishRequest, force: boolean): void;
  onCancelOverwrite(): void;
  /** Themenfeld chooser and downloads (ExportPanel), shown before the list. */
  chooser?: React.ReactNode;
}

export function WritePanel({
  outcome,
  sheets,
  chart,
  fileMode,
  busy,
  writeBlocked = null,
  result,
  editedSheets,
  onWrite,
  onPublish,
  onCancelOverwrite,
  chooser,
}: WritePanelProps): React.JSX.Element {
  const styles = useStyles();
  const planned = outcome !== null && outcome.plan !== null && !outcome.blocked;
  // „Trotzdem überschreiben“ repeats what was refused: a publication stays a publication.
  const [lastPublish, setLastPublish] = React.useState<PublishRequest | null>(null);
  return (
    <section className={styles.root} aria-labelledby="schreiben-title">
      <Text as="h2" id="schreiben-title" size={400} weight="semibold">
        Schreiben
      </Text>
      {chooser}
      <Text>
        {planned
          ? 'Folgendes wird geschrieben (Eingabeblätter bleiben unverändert):'
          : 'Die Prüfung hat Fehler gefunden; geschrieben wird nur der Prüfbericht:'}
      </Text>
      <ul className={styles.list} data-testid="write-list">
        {sheets.map((name) => (
          <li key={name}>
            {SHEET_DESCRIPTIONS[name] ? `Blatt „${name}“: ${SHEET_DESCRIPTIONS[name]}` : `Blatt „${name}“`}
          </li>
        ))}
        {chart && (
          <li>
            {fileMode
              ? 'Gantt-Diagramm: in einer Datei als Balken auf der Wellenübersicht; in Excel als natives Diagramm'
              : 'ein Gantt-Diagramm der Wellen (Excel-Diagramm)'}
          </li>
        )}
      </ul>
      {planned && <ChangesList outcome={outcome} />}
      <div>
        <Button
          appearance="primary"
          icon={fileMode ? <ArrowDownload20Regular /> : <Save20Regular />}
          onClick={() => {
            setLastPublish(null);
            onWrite(false);
          }}
          disabled={busy || !outcome || writeBlocked !== null}
        >
          {fileMode ? 'Schreiben und herunterladen' : 'In die Arbeitsmappe schreiben'}
        </Button>
        {writeBlocked && (
          <Text block size={200} role="note">
            {writeBlocked}
          </Text>
        )}
      </div>
      {editedSheets && editedSheets.length > 0 && (
        <MessageBar intent="warning" layout="multiline" data-testid="edited-warning">
          <MessageBarBody>
            <MessageBarTitle>Nichts geschrieben</MessageBarTitle>
            {`Von Hand geändert seit dem letzten Schreiben: ${editedSheets.map((s) => `„${s}“`).join(', ')}. Überschreiben ersetzt diese Änderungen. Sichern Sie sie vorher (z. B. Blatt kopieren), wenn Sie sie behalten wollen.`}
          </MessageBarBody>
          <MessageBarActions>
            <Button
              onClick={() => (lastPublish && onPublish ? onPublish(lastPublish, true) : onWrite(true))}
              disabled={busy || writeBlocked !== null}
            >
              Trotzdem überschreiben
            </Button>
            <Button appearance="subtle" onClick={onCancelOverwrite}>
              Abbrechen
            </Button>
          </MessageBarActions>
        </MessageBar>
      )}
      {outcome && onPublish && (
        <PublishPanel
          outcome={outcome}
          fileMode={fileMode}
          busy={busy}
          writeBlocked={writeBlocked}
          onPublish={(request) => {
            setLastPublish(request);
            onPublish(request, false);
          }}
        />
      )}
      {result && (
        <MessageBar intent="success" layout="multiline" data-testid="write-result" tabIndex={-1}>
          <MessageBarBody>
            <MessageBarTitle>Fertig</MessageBarTitle>
            {result.summary}
            {result.downloadUrl && (
              <>
                {' '}
                <Link href={result.downloadUrl} download={result.downloadName}>
                  {`Ergebnis erneut herunterladen (${result.downloadName})`}
                </Link>
              </>
            )}
          </MessageBarBody>
        </MessageBar>
      )}
    </section>
  );
}
