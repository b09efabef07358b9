import * as React from 'react';
import {
  Button,
  Checkbox,
  Field,
  Input,
  makeStyles,
  Radio,
  RadioGroup,
  Text,
  tokens,
} from '@fluentui/react-components';
import { Play20Regular } from '@fluentui/react-icons';
import type { Settings } from '../../core/model';
import type { PlanOutcome } from '../../core/pipeline';
import { germanDate, todayIso } from '../../core/dates';
import { PLAN_DEFAULTS } from '../../core/plan/config';
import type { SettingsErrors, SettingsForm } from '../settings';
import { objectiveSummary, optimiserReport, planSummary } from '../flow';
import { OPTIMISE_TIME_LIMIT_SECONDS } from '../optimiserClient';
import { GanttPreview } from './GanttPreview';
import type { PublishedVersion } from '../../core/publish/types';
import { changesView } from '../publish';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: '12px' },
  grid: { display: 'grid', gridTemplateColumns: 'repeat(auto-fit, minmax(min(100%, 140px), 1fr))', gap: '8px 12px' },
  field: { minWidth: 0 },
  input: { width: '100%', minWidth: 0 },
  inputEl: { minWidth: 0, width: '100%' },
  summary: { padding: '8px', backgroundColor: tokens.colorNeutralBackground2, borderRadius: tokens.borderRadiusMedium },
  moved: { margin: '4px 0 0', paddingLeft: '20px', maxHeight: '160px', overflowY: 'auto', overflowWrap: 'anywhere' },
});

export interface PlanPanelProps {
  form: SettingsForm;
  errors: SettingsErrors;
  /** What the workbook itself says (Einstellungen sheet), shown as placeholders. */
  workbookSettings: Settings | null;
  outcome: PlanOutcome | null;
  busy: boolean;
  savedNote: string | null;
  onChange(form: SettingsForm): void;
  onPlan(): void;
  /** The newest version on the sheet Veröffentlichungen (null: none); the plan keeps its waves unless `fresh`. */
  published?: PublishedVersion | null;
  /** „Neu planen ohne Veröffentlichung“ (command line: --fresh). */
  fresh?: boolean;
  onFreshChange?(fresh: boolean): void;
}

/** The value an empty field stands for: the workbook's, or the planner's own default. */
function placeholder(value: string | number | undefined, fallback: string | number): string {
  return value === undefined ? `${fallback} (Voreinstellung)` : `${value} (Mappe)`;
}

/** The "as the workbook says" choice, named after what the workbook says. */
function unitDefaultLabel(ws: Settings | null): string {
  if (!ws) return 'wie im Blatt „Einstellungen“';
  return ws.cells.capacityUnit
    ? `wie im Blatt „Einstellungen“ (${ws.capacityUnit})`
    : `Voreinstellung (${ws.capacityUnit})`;
}

export function PlanPanel({
  form,
  errors,
  workbookSettings: ws,
  outcome,
  busy,
  savedNote,
  onChange,
  onPlan,
  published = null,
  fresh = false,
  onFreshChange,
}: PlanPanelProps): React.JSX.Element {
  const styles = useStyles();
  const set = <K extends keyof SettingsForm>(key: K, value: SettingsForm[K]) => onChange({ ...form, [key]: value });
  const field = (key: keyof SettingsErrors) => ({
    validationMessage: errors[key],
    validationState: errors[key] ? ('error' as const) : ('none' as const),
  });
  const objective = outcome?.plan ? objectiveSummary(outcome.plan) : null;
  // Re-rendered on every keystroke in the form: the summary only changes with the plan.
  const summary = React.useMemo(() => (outcome ? planSummary(outcome) : null), [outcome]);
  const changes = React.useMemo(() => (outcome ? changesView(outcome) : null), [outcome]);
  const report = React.useMemo(
    () => (outcome?.plan ? optimiserReport(outcome.plan, outcome.projects, OPTIMISE_TIME_LIMIT_SECONDS) : null),
    [outcome],
  );

  return (
    <section className={styles.root} aria-labelledby="planen-title">
      <Text as="h2" id="planen-title" size={400} weight="semibold">
        Planen
      </Text>
      <Text>
        Leere Felder übernehmen die Werte aus dem Blatt „Einstellungen“ (grau angezeigt, „Mappe“) bzw. die
        Voreinstellung. Die Einstellungen werden in der Arbeitsmappe gespeichert.
      </Text>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          onPlan();
        }}
      >
        <div className={styles.grid}>
          <Field
            label="Anzahl Wellen"
            hint="leer: je Themenfeld laut Mappe"
            className={styles.field}
            {...field('waveCount')}
          >
            <Input
              className={styles.input}
              input={{ className: styles.inputEl }}
              value={form.waveCount}
              inputMode="numeric"
              placeholder={placeholder(ws?.waveCount, PLAN_DEFAULTS.waveCount)}
              onChange={(_, d) => set('waveCount', d.value)}
            />
          </Field>
          <Field label="Wellendauer (Monate)" className={styles.field} {...field('waveMonths')}>
            <Input
              className={styles.input}
              input={{ className: styles.inputEl }}
              value={form.waveMonths}
              inputMode="numeric"
              placeholder={placeholder(ws?.waveMonths, PLAN_DEFAULTS.waveMonths)}
              onChange={(_, d) => set('waveMonths', d.value)}
            />
          </Field>
          <Field label="Planungsbeginn" hint="TT.MM.JJJJ" className={styles.field} {...field('planningStart')}>
            <Input
              className={styles.input}
              input={{ className: styles.inputEl }}
              value={form.planningStart}
              placeholder={placeholder(
                ws?.planningStart ? germanDate(ws.planningStart) : undefined,
                germanDate(PLAN_DEFAULTS.planningStart),
              )}
              onChange={(_, d) => set('planningStart', d.value)}
            />
          </Field>
          <Field
            label="Kapazität je Welle"
            hint="leer: gleichmäßig verteilen"
            className={styles.field}
            {...field('capacity')}
          >
            <Input
              className={styles.input}
              input={{ className: styles.inputEl }}
              value={form.capacity}
              inputMode="decimal"
              placeholder={ws?.capacity === undefined ? 'gleichmäßig' : `${ws.capacity} (Mappe)`}
              onChange={(_, d) => set('capacity', d.value)}
            />
          </Field>
        </div>
        <Field label="Kapazität zählt" hint="Worauf sich die Kapazität je Welle bezieht.">
          <RadioGroup
            value={form.capacityUnit}
            onChange={(_, d) => set('capacityUnit', d.value as SettingsForm['capacityUnit'])}
          >
            <Radio value="" label={unitDefaultLabel(ws)} />
            <Radio value="Leistungen" label="Leistungen (Anzahl)" />
            <Radio value="Aufwand" label="Aufwand (Spalte „Aufwand“)" />
          </RadioGroup>
        </Field>
        <Field
          label="Verfahren"
          hint="Optimiert: verteilt so, dass wichtige Projekte möglichst früh kommen (rechnet bis zu 10 Sekunden)."
        >
          <RadioGroup
            layout="horizontal"
            value={form.mode}
            onChange={(_, d) => set('mode', d.value as SettingsForm['mode'])}
          >
            <Radio value="rules" label="regelbasiert" />
            <Radio value="optimised" label="optimiert" />
          </RadioGroup>
        </Field>
        {published && onFreshChange && (
          <Field
            hint={`Ohne Häkchen behält jedes Projekt seine Welle aus Version ${published.number} „${published.label}“ vom ${germanDate(published.date)}, außer eine Regel erzwingt eine Verschiebung. Mit Häkchen wird frei geplant; die Änderungen gegenüber der Veröffentlichung werden trotzdem gezeigt.`}
          >
            <Checkbox
              checked={fresh}
              onChange={(_, d) => onFreshChange(d.checked === true)}
              label="Neu planen ohne Veröffentlichung"
            />
          </Field>
        )}
        <div style={{ marginTop: '8px' }}>
          <Button appearance="primary" type="submit" icon={<Play20Regular />} disabled={busy}>
            Plan berechnen
          </Button>
        </div>
      </form>
      {savedNote && <Text size={200}>{savedNote}</Text>}
      {outcome && (
        <div className={styles.summary} role="status" data-testid="plan-summary">
          {report && (
            <div data-testid="optimiser-report">
              <Text block weight="semibold">
                {report.headline}
              </Text>
              {report.moved.length > 0 && (
                <ul className={styles.moved} tabIndex={0} aria-label="Gegenüber dem regelbasierten Plan verschoben">
                  {report.moved.map((m) => (
                    <li key={m.projectId}>{`${m.projectId} ${m.name}: Welle ${m.from} → ${m.to}`}</li>
                  ))}
                </ul>
              )}
              {report.time && (
                <Text block size={200}>
                  {report.time}
                </Text>
              )}
            </div>
          )}
          <Text block>{summary}</Text>
          {changes && (
            <Text
              block
              data-testid="plan-baseline"
            >{`${changes.baseline} ${changes.headline}; die Liste steht im Schritt „Schreiben“.`}</Text>
          )}
          {objective && !report && <Text block>{objective}</Text>}
        </div>
      )}
      {outcome?.plan && (
        <GanttPreview
          plan={outcome.plan}
          projects={outcome.projects}
          referenceDeadline={outcome.input.settings.referenceDeadline}
          ozgDeadline={outcome.input.settings.ozgDeadline}
          today={todayIso()}
          baseline={outcome.baseline}
          changes={outcome.changes}
        />
      )}
    </section>
  );
}
