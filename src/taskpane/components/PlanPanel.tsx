import * as React from 'react';
import { Button, Field, Input, makeStyles, Radio, RadioGroup, Text, tokens } from '@fluentui/react-components';
import { Play20Regular } from '@fluentui/react-icons';
import type { Settings } from '../../core/model';
import type { PlanOutcome } from '../../core/pipeline';
import { germanDate, todayIso } from '../../core/dates';
import type { SettingsErrors, SettingsForm } from '../settings';
import { objectiveSummary, planSummary } from '../flow';
import { GanttPreview } from './GanttPreview';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: '12px' },
  grid: { display: 'grid', gridTemplateColumns: 'repeat(auto-fit, minmax(140px, 1fr))', gap: '8px 12px' },
  summary: { padding: '8px', backgroundColor: tokens.colorNeutralBackground2, borderRadius: tokens.borderRadiusMedium },
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
}

function placeholder(value: string | number | undefined, fallback: string): string {
  return value === undefined ? fallback : `${value} (Mappe)`;
}

/** The "as the workbook says" choice, named after what the workbook says. */
function unitDefaultLabel(ws: Settings | null): string {
  if (!ws) return 'wie in der Mappe';
  return ws.cells.capacityUnit ? `${ws.capacityUnit} (Mappe)` : `${ws.capacityUnit} (Standard)`;
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

  return (
    <section className={styles.root} aria-labelledby="planen-title">
      <Text as="h2" id="planen-title" size={400} weight="semibold">
        Planen
      </Text>
      <Text>
        Leere Felder übernehmen die Werte aus dem Blatt „Einstellungen“ (grau angezeigt, „Mappe“) bzw. die
        Standardwerte. Die Einstellungen werden in der Arbeitsmappe gespeichert.
      </Text>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          onPlan();
        }}
      >
        <div className={styles.grid}>
          <Field label="Anzahl Wellen" {...field('waveCount')}>
            <Input
              value={form.waveCount}
              inputMode="numeric"
              placeholder={placeholder(ws?.waveCount, 'automatisch')}
              onChange={(_, d) => set('waveCount', d.value)}
            />
          </Field>
          <Field label="Wellendauer (Monate)" {...field('waveMonths')}>
            <Input
              value={form.waveMonths}
              inputMode="numeric"
              placeholder={placeholder(ws?.waveMonths, 'Standard')}
              onChange={(_, d) => set('waveMonths', d.value)}
            />
          </Field>
          <Field label="Planungsbeginn" hint="TT.MM.JJJJ" {...field('planningStart')}>
            <Input
              value={form.planningStart}
              placeholder={placeholder(ws?.planningStart ? germanDate(ws.planningStart) : undefined, 'Standard')}
              onChange={(_, d) => set('planningStart', d.value)}
            />
          </Field>
          <Field label="Kapazität je Welle" hint="leer: gleichmäßig verteilen" {...field('capacity')}>
            <Input
              value={form.capacity}
              inputMode="decimal"
              placeholder={placeholder(ws?.capacity, 'gleichmäßig')}
              onChange={(_, d) => set('capacity', d.value)}
            />
          </Field>
        </div>
        <Field label="Kapazität zählt">
          <RadioGroup
            layout="horizontal"
            value={form.capacityUnit}
            onChange={(_, d) => set('capacityUnit', d.value as SettingsForm['capacityUnit'])}
          >
            <Radio value="" label={unitDefaultLabel(ws)} />
            <Radio value="Leistungen" label="Leistungen" />
            <Radio value="Aufwand" label="Aufwand" />
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
        <div style={{ marginTop: '8px' }}>
          <Button appearance="primary" type="submit" icon={<Play20Regular />} disabled={busy}>
            Plan berechnen
          </Button>
        </div>
      </form>
      {savedNote && <Text size={200}>{savedNote}</Text>}
      {outcome && (
        <div className={styles.summary} role="status" data-testid="plan-summary">
          <Text block>{summary}</Text>
          {objective && <Text block>{objective}</Text>}
        </div>
      )}
      {outcome?.plan && (
        <GanttPreview
          plan={outcome.plan}
          projects={outcome.projects}
          referenceDeadline={outcome.input.settings.referenceDeadline}
          ozgDeadline={outcome.input.settings.ozgDeadline}
          today={todayIso()}
        />
      )}
    </section>
  );
}
