import * as React from 'react';
import { Button, makeStyles, Text } from '@fluentui/react-components';
import { TableAdd20Regular } from '@fluentui/react-icons';
import { TEMPLATE_SHEETS } from '../template';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: '12px' },
});

export interface TemplatePanelProps {
  hasWorkbook: boolean;
  busy: boolean;
  onCreate(): void;
  /** The Steckbrief import (rendered when available). */
  importSection?: React.ReactNode;
}

export function TemplatePanel({ hasWorkbook, busy, onCreate, importSection }: TemplatePanelProps): React.JSX.Element {
  const styles = useStyles();
  return (
    <div className={styles.root}>
      <section className={styles.root} aria-labelledby="vorlage-title">
        <Text as="h2" id="vorlage-title" size={400} weight="semibold">
          Vorlage anlegen
        </Text>
        <Text>
          {`Legt die Eingabeblätter ${TEMPLATE_SHEETS.map((s) => `„${s}“`).join(', ')} mit Spaltenköpfen, Excel-Tabellen, Auswahllisten und je zwei Beispielzeilen an. Vorhandene Daten werden nie überschrieben.`}
        </Text>
        <div>
          <Button appearance="primary" icon={<TableAdd20Regular />} onClick={onCreate} disabled={busy}>
            {hasWorkbook ? 'Vorlage anlegen' : 'Neue Arbeitsmappe mit Vorlage'}
          </Button>
        </div>
      </section>
      {importSection && (
        <section className={styles.root} aria-labelledby="import-title">
          <Text as="h2" id="import-title" size={400} weight="semibold">
            Steckbriefe importieren
          </Text>
          {importSection}
        </section>
      )}
    </div>
  );
}
