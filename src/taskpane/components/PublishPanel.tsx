import * as React from 'react';
import { Button, Field, Input, makeStyles, Text, tokens } from '@fluentui/react-components';
import { Megaphone20Regular } from '@fluentui/react-icons';
import type { PlanOutcome } from '../../core/pipeline';
import { todayIso } from '../../core/dates';
import { changesView, checkPublish, defaultPublishForm, publishIntro, type PublishForm } from '../publish';
import type { PublishRequest } from '../worker/sessionProtocol';

const useStyles = makeStyles({
  root: {
    display: 'flex',
    flexDirection: 'column',
    gap: '8px',
    paddingTop: '12px',
    borderTop: `1px solid ${tokens.colorNeutralStroke2}`,
  },
  fields: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fit, minmax(min(100%, 140px), 1fr))',
    gap: '8px 12px',
    // a two-line hint under one field must not push the other field's input down
    alignItems: 'start',
  },
  input: { width: '100%', minWidth: 0 },
  changes: { display: 'flex', flexDirection: 'column', gap: '4px' },
  list: {
    margin: 0,
    paddingLeft: '20px',
    maxHeight: '240px',
    overflowY: 'auto',
    overflowWrap: 'anywhere',
    ':focus-visible': { outline: `2px solid ${tokens.colorStrokeFocus2}` },
  },
});

/**
 * What changed against the published version, shown in the step Schreiben before anything is
 * written, so nothing changes unseen (the same list as the sheet Änderungen and the command line).
 */
export function ChangesList({ outcome }: { outcome: PlanOutcome }): React.JSX.Element | null {
  const styles = useStyles();
  const view = React.useMemo(() => changesView(outcome), [outcome]);
  if (!view) return null;
  return (
    <div className={styles.changes} data-testid="changes">
      <Text>{view.baseline}</Text>
      <Text weight="semibold">{view.headline}</Text>
      {view.items.length > 0 && (
        <ul className={styles.list} tabIndex={0} aria-label="Änderungen gegenüber der Veröffentlichung">
          {view.items.map((item) => (
            <li key={item.project}>{item.text}</li>
          ))}
        </ul>
      )}
    </div>
  );
}

export interface PublishPanelProps {
  outcome: PlanOutcome;
  fileMode: boolean;
  busy: boolean;
  /** Why nothing can be written yet (German), as for „Schreiben“. */
  writeBlocked: string | null;
  onPublish(request: PublishRequest): void;
}

/**
 * „Veröffentlichen“: a label and a date (today unless changed); refuses, in the command line's
 * words, while the check has errors, without a label, or when a newer version exists than the
 * one planned against.
 */
export function PublishPanel({
  outcome,
  fileMode,
  busy,
  writeBlocked,
  onPublish,
}: PublishPanelProps): React.JSX.Element {
  const styles = useStyles();
  const [form, setForm] = React.useState<PublishForm>(() => defaultPublishForm(todayIso()));
  const check = checkPublish(outcome, form);
  return (
    <section className={styles.root} aria-labelledby="veroeffentlichen-title" data-testid="publish">
      <Text as="h3" id="veroeffentlichen-title" size={300} weight="semibold">
        Veröffentlichen
      </Text>
      <Text>{publishIntro(outcome)}</Text>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (check.request && !busy && !writeBlocked) onPublish(check.request);
        }}
      >
        <div className={styles.fields}>
          <Field label="Bezeichnung" hint="z. B. „Stand Lenkungskreis 03/2021“" required>
            <Input
              className={styles.input}
              value={form.label}
              maxLength={200}
              onChange={(_, d) => setForm({ ...form, label: d.value })}
            />
          </Field>
          <Field
            label="Datum"
            hint="TT.MM.JJJJ"
            validationState={check.dateError ? 'error' : 'none'}
            validationMessage={check.dateError ?? undefined}
          >
            <Input
              className={styles.input}
              value={form.date}
              onChange={(_, d) => setForm({ ...form, date: d.value })}
            />
          </Field>
        </div>
        <div style={{ marginTop: '8px' }}>
          <Button
            type="submit"
            icon={<Megaphone20Regular />}
            disabled={busy || check.request === null || writeBlocked !== null}
          >
            {fileMode ? 'Veröffentlichen und herunterladen' : 'Veröffentlichen'}
          </Button>
        </div>
      </form>
      {check.refusal && (
        <Text block size={200} role="note" data-testid="publish-refusal">
          {check.refusal}
        </Text>
      )}
    </section>
  );
}
