import * as React from 'react';
import { makeStyles, tokens, Field, Select, Text } from '@fluentui/react-components';
import type { PlanProject, Plan, Themenfeld, IsoDate } from '../../core/model';
import { germanDate } from '../../core/dates';
import { buildTimeline, DEFAULT_TIMELINE, waveColor, type TimelineRow } from '../timeline';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: '8px' },
  svg: { display: 'block', fontFamily: tokens.fontFamilyBase, fontSize: '11px' },
  legend: { display: 'flex', flexWrap: 'wrap', gap: '4px 12px', fontSize: tokens.fontSizeBase200 },
  swatch: {
    display: 'inline-block',
    width: '12px',
    height: '10px',
    marginRight: '4px',
    verticalAlign: 'middle',
    borderRadius: '2px',
  },
  line: {
    display: 'inline-block',
    width: '14px',
    height: '0',
    marginRight: '4px',
    verticalAlign: 'middle',
    borderTopWidth: '2px',
  },
  details: {
    padding: '8px',
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground3,
    display: 'flex',
    flexDirection: 'column',
    gap: '4px',
  },
});

type ProjectRow = Extract<TimelineRow, { kind: 'project' }>;

export interface GanttPreviewProps {
  plan: Plan;
  projects: PlanProject[];
  referenceDeadline: IsoDate;
  ozgDeadline: IsoDate;
  today: IsoDate;
}

const MARKER_COLOR = {
  reference: tokens.colorPaletteRedForeground1,
  ozg: tokens.colorNeutralForeground1,
  today: tokens.colorPaletteGreenForeground1,
};
const MARKER_DASH = { reference: '4 2', ozg: undefined, today: '2 2' };

/** The plan as a Gantt timeline (SVG): grouped by Themenfeld and wave, deadline markers, reasons on click. */
export function GanttPreview({
  plan,
  projects,
  referenceDeadline,
  ozgDeadline,
  today,
}: GanttPreviewProps): React.JSX.Element {
  const styles = useStyles();
  const container = React.useRef<HTMLDivElement>(null);
  const [width, setWidth] = React.useState(360);
  const [filter, setFilter] = React.useState<Themenfeld | ''>('');
  const [selected, setSelected] = React.useState<string | null>(null);

  React.useLayoutEffect(() => {
    const el = container.current;
    if (!el) return;
    const measure = () => setWidth(Math.max(280, Math.floor(el.clientWidth)));
    measure();
    if (typeof ResizeObserver === 'undefined') return;
    const ro = new ResizeObserver(measure);
    ro.observe(el);
    return () => ro.disconnect();
  }, []);

  const model = React.useMemo(
    () =>
      buildTimeline(plan, projects, {
        ...DEFAULT_TIMELINE,
        width,
        labelWidth: Math.min(200, Math.round(width * 0.42)),
        themenfeld: filter === '' ? null : filter,
        referenceDeadline,
        ozgDeadline,
        today,
      }),
    [plan, projects, width, filter, referenceDeadline, ozgDeadline, today],
  );
  const selectedRow = model.rows.find((r): r is ProjectRow => r.kind === 'project' && r.projectId === selected) ?? null;
  const selectedProject = selectedRow ? projects.find((p) => p.id === selectedRow.projectId) : undefined;
  const rh = model.rowHeight;

  const onKey = (id: string) => (e: React.KeyboardEvent) => {
    if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault();
      setSelected((s) => (s === id ? null : id));
    }
  };

  return (
    <div className={styles.root}>
      {model.themenfelder.length > 1 && (
        <Field label="Themenfeld anzeigen">
          <Select value={filter} onChange={(_, d) => setFilter(d.value as Themenfeld | '')}>
            <option value="">Alle Themenfelder</option>
            {model.themenfelder.map((t) => (
              <option key={t} value={t}>
                {t}
              </option>
            ))}
          </Select>
        </Field>
      )}
      <div ref={container}>
        <svg
          className={styles.svg}
          width={model.width}
          height={model.height}
          viewBox={`0 0 ${model.width} ${model.height}`}
          role="group"
          aria-label="Zeitplan der Wellen (Gantt-Vorschau). Projekte mit Eingabe- oder Leertaste auswählen, um die Begründung zu sehen."
          data-testid="gantt"
        >
          {model.ticks.map((t) => (
            <g key={`t${t.x}`} aria-hidden="true">
              <line
                x1={t.x}
                x2={t.x}
                y1={model.axisHeight - 6}
                y2={model.height}
                style={{ stroke: tokens.colorNeutralStroke2 }}
              />
              <text x={t.x + 2} y={model.axisHeight - 10} style={{ fill: tokens.colorNeutralForeground2 }}>
                {t.label}
              </text>
            </g>
          ))}
          {model.rows.map((r) => {
            if (r.kind === 'themenfeld') {
              return (
                <text
                  key={`tf${r.y}`}
                  x={2}
                  y={r.y + rh * 0.7}
                  style={{ fill: tokens.colorNeutralForeground1, fontWeight: 600, fontSize: '12px' }}
                >
                  {r.label}
                </text>
              );
            }
            if (r.kind === 'wave') {
              return (
                <g key={`w${r.y}`}>
                  <rect
                    x={r.x}
                    y={r.y + 3}
                    width={r.w}
                    height={rh - 6}
                    rx={2}
                    style={{ fill: waveColor(r.wave), opacity: 0.18 }}
                    aria-hidden="true"
                  />
                  <text x={8} y={r.y + rh * 0.7} style={{ fill: tokens.colorNeutralForeground2 }}>
                    {`Welle ${r.wave}`}
                  </text>
                </g>
              );
            }
            const isSelected = r.projectId === selected;
            const label = `${r.fullLabel}, Welle ${r.wave}, ${germanDate(r.start)} bis ${germanDate(r.end)}${r.late ? ', endet nach der Frist Referenzimplementierung' : ''}`;
            const toggle = () => setSelected((s) => (s === r.projectId ? null : r.projectId));
            return (
              <React.Fragment key={`p${r.projectId}`}>
                {isSelected && (
                  <rect
                    x={0}
                    y={r.y}
                    width={model.width}
                    height={rh}
                    style={{ fill: tokens.colorNeutralBackground1Selected }}
                    aria-hidden="true"
                  />
                )}
                {/* The (possibly shortened) label is outside the button, whose name is the full label. */}
                <text
                  x={14}
                  y={r.y + rh * 0.7}
                  style={{ fill: tokens.colorNeutralForeground1, cursor: 'pointer' }}
                  aria-hidden="true"
                  onClick={toggle}
                >
                  {r.label}
                </text>
                <g
                  role="button"
                  tabIndex={0}
                  aria-label={label}
                  aria-pressed={isSelected}
                  onClick={toggle}
                  onKeyDown={onKey(r.projectId)}
                  style={{ cursor: 'pointer' }}
                  data-project={r.projectId}
                >
                  <title>{`${r.fullLabel}\n${r.explanation}`}</title>
                  <rect
                    x={r.x}
                    y={r.y + 4}
                    width={r.w}
                    height={rh - 8}
                    rx={2}
                    style={{
                      fill: waveColor(r.wave),
                      stroke: r.late ? tokens.colorPaletteRedBorder2 : isSelected ? tokens.colorStrokeFocus2 : 'none',
                      strokeWidth: r.late || isSelected ? 2 : 0,
                    }}
                  />
                </g>
              </React.Fragment>
            );
          })}
          {model.markers.map((m) => (
            <g key={m.kind} aria-hidden="true">
              <line
                x1={m.x}
                x2={m.x}
                y1={model.axisHeight - 4}
                y2={model.height}
                style={{ stroke: MARKER_COLOR[m.kind], strokeWidth: 2, strokeDasharray: MARKER_DASH[m.kind] }}
              />
            </g>
          ))}
        </svg>
      </div>
      <div className={styles.legend} aria-label="Legende">
        {model.waveNumbers.map((w) => (
          <span key={w}>
            <span className={styles.swatch} style={{ backgroundColor: waveColor(w) }} aria-hidden="true" />
            Welle {w}
          </span>
        ))}
        {model.markers.map((m) => (
          <span key={m.kind}>
            <span
              className={styles.line}
              style={{ borderTopColor: MARKER_COLOR[m.kind], borderTopStyle: MARKER_DASH[m.kind] ? 'dashed' : 'solid' }}
              aria-hidden="true"
            />
            {m.label}
          </span>
        ))}
        {model.markersOutside.map((m) => (
          <span key={m.kind}>{`${m.label} (außerhalb des Planungszeitraums)`}</span>
        ))}
        {model.rows.some((r) => r.kind === 'project' && r.late) && (
          <span>Rot umrandet: endet nach der Frist Referenzimplementierung</span>
        )}
      </div>
      <div className={styles.details} aria-live="polite" data-testid="project-details">
        {selectedRow ? (
          <>
            <Text weight="semibold">{selectedRow.fullLabel}</Text>
            <Text>{`Welle ${selectedRow.wave}: ${germanDate(selectedRow.start)} – ${germanDate(selectedRow.end)}`}</Text>
            {selectedProject && (
              <Text>
                {`Leistungen: ${selectedProject.services.join(', ')} · Koordination: ${selectedProject.coordinator.name ?? 'noch offen'}${
                  selectedProject.coordinator.kind ? ` (${selectedProject.coordinator.kind})` : ''
                }${selectedProject.coordinator.source === 'lead-state' ? ', fällt an das federführende Land' : ''}`}
              </Text>
            )}
            <Text>{`Begründung: ${selectedRow.explanation}`}</Text>
          </>
        ) : (
          <Text>
            Ein Projekt anklicken (oder mit der Tabulatortaste wählen und Eingabetaste drücken), um seine Begründung zu
            sehen.
          </Text>
        )}
      </div>
    </div>
  );
}
