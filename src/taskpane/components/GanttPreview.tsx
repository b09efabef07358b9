import * as React from 'react';
import { Button, Field, Input, makeStyles, mergeClasses, Select, Text, tokens } from '@fluentui/react-components';
import { Dismiss16Regular, Search20Regular } from '@fluentui/react-icons';
import { useVirtualizer } from '@tanstack/react-virtual';
import type { PlanProject, Plan, Themenfeld, IsoDate } from '../../core/model';
import { germanDate } from '../../core/dates';
import { COLORS } from '../../core/layout/palette';
import { BASELINE_FILL, MOVED_MARK, NEW_MARK } from '../../core/layout/overviewBaseline';
import { DONE_COLOR, DONE_MARK, LATE_COLOR, LATE_MARK } from '../../core/layout/overviewStatus';
import type { BaselineInfo, Change } from '../../core/publish/types';
import { buildTimeline, DEFAULT_TIMELINE, waveColor, type TimelineRow } from '../timeline';

const AXIS_HEIGHT = 26;

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: '8px', minWidth: 0 },
  field: { minWidth: 0 },
  input: { width: '100%', minWidth: 0 },
  controls: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fit, minmax(min(100%, 140px), 1fr))',
    gap: '8px 12px',
  },
  scroller: {
    position: 'relative',
    maxHeight: 'min(70vh, 640px)',
    overflowY: 'auto',
    overflowX: 'hidden',
    borderTop: `1px solid ${tokens.colorNeutralStroke2}`,
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
    fontSize: tokens.fontSizeBase200,
  },
  axis: {
    position: 'sticky',
    top: 0,
    zIndex: 2,
    height: `${AXIS_HEIGHT}px`,
    backgroundColor: tokens.colorNeutralBackground1,
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
  },
  tick: {
    position: 'absolute',
    top: '4px',
    paddingLeft: '2px',
    borderLeft: `1px solid ${tokens.colorNeutralStroke1}`,
    color: tokens.colorNeutralForeground2,
    whiteSpace: 'nowrap',
    lineHeight: '18px',
  },
  body: { position: 'relative', width: '100%' },
  grid: { position: 'absolute', top: 0, bottom: 0, width: '0', borderLeft: `1px solid ${tokens.colorNeutralStroke3}` },
  marker: { position: 'absolute', top: 0, bottom: 0, width: '0', borderLeftWidth: '2px', zIndex: 1 },
  row: { position: 'absolute', left: 0, width: '100%', top: 0 },
  themenfeld: {
    fontWeight: tokens.fontWeightSemibold,
    fontSize: tokens.fontSizeBase300,
    padding: '6px 2px 2px',
    backgroundColor: tokens.colorNeutralBackground2,
    color: tokens.colorNeutralForeground1,
  },
  wave: { position: 'relative', height: '24px', color: tokens.colorNeutralForeground2 },
  /** The wave's period as a strip under its label (behind the text it looked like a stray highlight). */
  waveBand: { position: 'absolute', top: '19px', height: '3px', borderRadius: '2px', opacity: 0.6 },
  waveLabel: { position: 'relative', paddingLeft: '6px', lineHeight: '19px', whiteSpace: 'nowrap' },
  /** The row with the open Begründung lies above the deadline and today lines. */
  rowOpen: { zIndex: 1 },
  project: {
    display: 'block',
    width: '100%',
    padding: '2px 0',
    margin: 0,
    border: 'none',
    backgroundColor: 'transparent',
    color: tokens.colorNeutralForeground1,
    textAlign: 'left',
    font: 'inherit',
    cursor: 'pointer',
    ':hover': { backgroundColor: tokens.colorNeutralBackground1Hover },
    ':focus-visible': { outline: `2px solid ${tokens.colorStrokeFocus2}`, outlineOffset: '-2px' },
  },
  projectSelected: { backgroundColor: tokens.colorNeutralBackground1Selected },
  label: {
    display: 'block',
    paddingLeft: '6px',
    paddingRight: '4px',
    overflow: 'hidden',
    textOverflow: 'ellipsis',
    whiteSpace: 'nowrap',
    lineHeight: '16px',
  },
  /** Hover and keyboard focus show the whole name (the row grows; the list measures it). */
  labelFull: { whiteSpace: 'normal', overflow: 'visible' },
  track: { position: 'relative', height: '12px', marginTop: '2px' },
  trackWithBaseline: { height: '17px' },
  bar: { position: 'absolute', top: 0, height: '12px', borderRadius: '2px' },
  /** The published wave under the current bar (a tracking Gantt's baseline). */
  baselineBar: { position: 'absolute', top: '13px', height: '4px', borderRadius: '1px' },
  mark: { color: tokens.colorNeutralForeground2, fontStyle: 'italic', whiteSpace: 'nowrap' },
  /** Umsetzungsstand: ✓ in Betrieb, ⚠ verspätet (the Wellenübersicht's marks and colours). */
  progressDone: { color: `#${DONE_COLOR}`, whiteSpace: 'nowrap' },
  progressLate: { color: `#${LATE_COLOR}`, whiteSpace: 'nowrap' },
  barLate: { outline: `2px solid ${tokens.colorPaletteRedBorder2}`, outlineOffset: '0' },
  details: {
    margin: '4px 4px 8px',
    padding: '8px',
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground3,
    border: `1px solid ${tokens.colorNeutralStroke1}`,
    display: 'flex',
    flexDirection: 'column',
    gap: '4px',
    overflowWrap: 'anywhere',
    ':focus-visible': { outline: `2px solid ${tokens.colorStrokeFocus2}` },
  },
  detailsHead: { display: 'flex', justifyContent: 'space-between', alignItems: 'flex-start', gap: '4px' },
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
});

type ProjectRow = Extract<TimelineRow, { kind: 'project' }>;

export interface GanttPreviewProps {
  plan: Plan;
  projects: PlanProject[];
  referenceDeadline: IsoDate;
  ozgDeadline: IsoDate;
  today: IsoDate;
  /** The published version the plan was made against (or compared with); null or absent when none. */
  baseline?: BaselineInfo | null;
  /** What changed against it (PlanOutcome.changes). */
  changes?: readonly Change[];
}

/** The deadline colours of the written Wellenübersicht. */
const MARKER_COLOR = {
  reference: `#${COLORS.referenceDeadline}`,
  ozg: `#${COLORS.ozgDeadline}`,
  today: `#${COLORS.today}`,
};
const MARKER_STYLE = { reference: 'dashed', ozg: 'solid', today: 'dotted' } as const;

function estimate(row: TimelineRow | undefined): number {
  if (!row) return 24;
  if (row.kind === 'themenfeld') return 28;
  if (row.kind === 'wave') return 22;
  return row.published ? 41 : 36;
}

/**
 * The plan as a Gantt timeline: grouped by Themenfeld and wave, a month/quarter axis that stays in
 * view, deadline markers in the colours of the written sheets. Only the visible rows are rendered
 * (thousands of projects stay fluid). A click (or Enter) on a project opens its Begründung right
 * below the bar; focus moves into it and Escape returns it to the bar.
 */
export function GanttPreview({
  plan,
  projects,
  referenceDeadline,
  ozgDeadline,
  today,
  baseline = null,
  changes,
}: GanttPreviewProps): React.JSX.Element {
  const styles = useStyles();
  const scroller = React.useRef<HTMLDivElement>(null);
  const [width, setWidth] = React.useState(300);
  const [filter, setFilter] = React.useState<Themenfeld | ''>('');
  const [query, setQuery] = React.useState('');
  const [selected, setSelected] = React.useState<string | null>(null);
  const [expandedLabel, setExpandedLabel] = React.useState<string | null>(null);
  const detailsRef = React.useRef<HTMLDivElement>(null);
  const focusDetails = React.useRef(false);
  const barRefs = React.useRef(new Map<string, HTMLButtonElement>());
  const pendingFocusBar = React.useRef<string | null>(null);

  React.useLayoutEffect(() => {
    const el = scroller.current;
    if (!el) return;
    const measure = () => setWidth(Math.max(200, Math.floor(el.clientWidth)));
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
        labelWidth: 0,
        themenfeld: filter === '' ? null : filter,
        referenceDeadline,
        ozgDeadline,
        today,
        changes: baseline ? changes : undefined,
      }),
    [plan, projects, width, filter, referenceDeadline, ozgDeadline, today, baseline, changes],
  );

  // Search keeps the grouping: a Themenfeld or wave heading stays when one of its projects matches.
  const rows = React.useMemo(() => {
    const q = query.trim().toLocaleLowerCase('de-DE');
    if (!q) return model.rows;
    const out: TimelineRow[] = [];
    let tf: TimelineRow | null = null;
    let wave: TimelineRow | null = null;
    for (const r of model.rows) {
      if (r.kind === 'themenfeld') {
        tf = r;
        wave = null;
      } else if (r.kind === 'wave') wave = r;
      else if (r.fullLabel.toLocaleLowerCase('de-DE').includes(q)) {
        if (tf) out.push(tf);
        if (wave) out.push(wave);
        tf = null;
        wave = null;
        out.push(r);
      }
    }
    return out;
  }, [model.rows, query]);
  const projectCount = React.useMemo(() => rows.filter((r) => r.kind === 'project').length, [rows]);

  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scroller.current,
    estimateSize: (i) => estimate(rows[i]),
    overscan: 8,
    scrollPaddingStart: AXIS_HEIGHT,
    getItemKey: (i) => {
      const r = rows[i];
      return r.kind === 'project' ? `p${r.projectId}` : `h${i}`;
    },
  });

  React.useEffect(() => {
    if (focusDetails.current && detailsRef.current) {
      focusDetails.current = false;
      detailsRef.current.focus({ preventScroll: false });
    }
    if (pendingFocusBar.current) {
      barRefs.current.get(pendingFocusBar.current)?.focus();
      pendingFocusBar.current = null;
    }
  });

  const open = (id: string) => {
    if (selected === id) {
      setSelected(null);
      return;
    }
    focusDetails.current = true;
    setSelected(id);
  };
  const close = (id: string) => {
    setSelected(null);
    pendingFocusBar.current = id;
  };

  const byId = React.useMemo(() => new Map(projects.map((p) => [p.id, p])), [projects]);
  const items = virtualizer.getVirtualItems();

  const renderProject = (r: ProjectRow) => {
    const isSelected = r.projectId === selected;
    const project = byId.get(r.projectId);
    const lateText = r.late ? ', endet nach der Frist Referenzimplementierung' : '';
    const was = r.published;
    const publishedText = was
      ? `veröffentlicht: Welle ${was.wave}, ${germanDate(was.start)} bis ${germanDate(was.end)}`
      : '';
    const change = r.mark ? changes?.find((c) => c.project === r.projectId) : undefined;
    const full = expandedLabel === r.projectId || isSelected;
    return (
      <>
        <button
          type="button"
          ref={(el) => {
            if (el) barRefs.current.set(r.projectId, el);
            else barRefs.current.delete(r.projectId);
          }}
          className={mergeClasses(styles.project, isSelected && styles.projectSelected)}
          aria-expanded={isSelected}
          aria-controls={isSelected ? `begruendung-${r.projectId}` : undefined}
          aria-label={`${r.fullLabel}${r.mark ? ` ${r.mark}` : ''}${r.progress ? `, ${r.progress.text}` : ''}, Welle ${r.wave}, ${germanDate(r.start)} bis ${germanDate(r.end)}${lateText}${publishedText ? `, ${publishedText}` : ''}`}
          data-project={r.projectId}
          title={r.fullLabel}
          onClick={() => open(r.projectId)}
          onMouseEnter={() => setExpandedLabel(r.projectId)}
          onMouseLeave={() => setExpandedLabel((l) => (l === r.projectId ? null : l))}
          onFocus={() => setExpandedLabel(r.projectId)}
          onBlur={() => setExpandedLabel((l) => (l === r.projectId ? null : l))}
        >
          <span className={mergeClasses(styles.label, full && styles.labelFull)} aria-hidden="true">
            {r.fullLabel}
            {r.mark && <span className={styles.mark}>{` ${r.mark}`}</span>}
            {r.progress && (
              <span
                className={r.progress.state === 'done' ? styles.progressDone : styles.progressLate}
                data-progress={r.progress.state}
              >{` ${r.progress.text}`}</span>
            )}
          </span>
          <span
            className={mergeClasses(styles.track, was && styles.trackWithBaseline)}
            aria-hidden="true"
            style={{ display: 'block' }}
          >
            <span
              className={mergeClasses(styles.bar, r.late && styles.barLate)}
              style={{ left: `${r.x}px`, width: `${r.w}px`, backgroundColor: waveColor(r.wave) }}
            />
            {was && (
              <span
                className={styles.baselineBar}
                data-testid="baseline-bar"
                style={{ left: `${was.x}px`, width: `${was.w}px`, backgroundColor: `#${BASELINE_FILL}` }}
              />
            )}
          </span>
        </button>
        {isSelected && (
          <div
            ref={detailsRef}
            id={`begruendung-${r.projectId}`}
            className={styles.details}
            role="region"
            aria-label={`Begründung zu ${r.fullLabel}`}
            tabIndex={-1}
            data-testid="project-details"
            onKeyDown={(e) => {
              if (e.key === 'Escape') {
                e.preventDefault();
                close(r.projectId);
              }
            }}
          >
            <div className={styles.detailsHead}>
              <Text weight="semibold">{r.fullLabel}</Text>
              <Button
                size="small"
                appearance="subtle"
                icon={<Dismiss16Regular />}
                aria-label="Begründung schließen"
                onClick={() => close(r.projectId)}
              />
            </div>
            <Text>{`Welle ${r.wave}: ${germanDate(r.start)} – ${germanDate(r.end)}${r.late ? ' (endet nach der Frist Referenzimplementierung)' : ''}`}</Text>
            {project && (
              <Text>
                {`Leistungen: ${project.services.join(', ')} · Koordination: ${project.coordinator.name ?? 'noch offen'}${
                  project.coordinator.kind ? ` (${project.coordinator.kind})` : ''
                }${project.coordinator.source === 'lead-state' ? ', fällt an das federführende Land' : ''}`}
              </Text>
            )}
            <Text>{`Begründung: ${r.explanation}`}</Text>
            {change && <Text>{`Gegenüber der Veröffentlichung: ${change.reason}`}</Text>}
            {was && (
              <Text>{`Veröffentlicht: Welle ${was.wave}, ${germanDate(was.start)} – ${germanDate(was.end)}`}</Text>
            )}
          </div>
        )}
      </>
    );
  };

  return (
    <div className={styles.root}>
      <div className={styles.controls}>
        <Field label="Projekt suchen" className={styles.field}>
          <Input
            type="search"
            className={styles.input}
            input={{ style: { minWidth: 0 } }}
            contentBefore={<Search20Regular aria-hidden="true" />}
            value={query}
            placeholder="ID oder Name"
            onChange={(_, d) => setQuery(d.value)}
          />
        </Field>
        {model.themenfelder.length > 1 && (
          <Field label="Themenfeld anzeigen" className={styles.field}>
            <Select
              className={styles.input}
              select={{ style: { minWidth: 0, width: '100%' } }}
              value={filter}
              onChange={(_, d) => setFilter(d.value as Themenfeld | '')}
            >
              <option value="">Alle Themenfelder</option>
              {model.themenfelder.map((t) => (
                <option key={t} value={t}>
                  {t}
                </option>
              ))}
            </Select>
          </Field>
        )}
      </div>
      <Text size={200} role="status">
        {query.trim()
          ? `${projectCount.toLocaleString('de-DE')} ${projectCount === 1 ? 'Projekt passt' : 'Projekte passen'} zur Suche.`
          : `${projectCount.toLocaleString('de-DE')} ${projectCount === 1 ? 'Projekt' : 'Projekte'}. Ein Projekt anklicken (oder mit der Tabulatortaste wählen und Eingabetaste drücken), um seine Begründung direkt darunter zu sehen.`}
      </Text>
      <div
        ref={scroller}
        className={styles.scroller}
        role="region"
        aria-label="Zeitplan der Wellen (Gantt-Vorschau)"
        data-testid="gantt"
      >
        <div className={styles.axis} aria-hidden="true">
          {model.ticks.map((t) => (
            <span key={`t${t.x}`} className={styles.tick} style={{ left: `${t.x}px` }}>
              {t.label}
            </span>
          ))}
        </div>
        <div className={styles.body} style={{ height: `${virtualizer.getTotalSize()}px` }}>
          {model.ticks.map((t) => (
            <span key={`g${t.x}`} className={styles.grid} style={{ left: `${t.x}px` }} aria-hidden="true" />
          ))}
          {model.markers.map((m) => (
            <span
              key={m.kind}
              className={styles.marker}
              style={{ left: `${m.x}px`, borderLeftColor: MARKER_COLOR[m.kind], borderLeftStyle: MARKER_STYLE[m.kind] }}
              aria-hidden="true"
            />
          ))}
          {items.map((item) => {
            const r = rows[item.index];
            return (
              <div
                key={item.key}
                data-index={item.index}
                ref={virtualizer.measureElement}
                className={mergeClasses(styles.row, r.kind === 'project' && r.projectId === selected && styles.rowOpen)}
                style={{ transform: `translateY(${item.start}px)` }}
              >
                {r.kind === 'themenfeld' ? (
                  <div className={styles.themenfeld} role="heading" aria-level={3}>
                    {r.label}
                  </div>
                ) : r.kind === 'wave' ? (
                  <div className={styles.wave}>
                    <span
                      className={styles.waveBand}
                      style={{ left: `${r.x}px`, width: `${r.w}px`, backgroundColor: waveColor(r.wave) }}
                      aria-hidden="true"
                    />
                    <span className={styles.waveLabel}>{r.label}</span>
                  </div>
                ) : (
                  renderProject(r)
                )}
              </div>
            );
          })}
        </div>
      </div>
      <div className={styles.legend} aria-label="Legende" role="group">
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
              style={{ borderTopColor: MARKER_COLOR[m.kind], borderTopStyle: MARKER_STYLE[m.kind] }}
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
        {baseline && model.rows.some((r) => r.kind === 'project' && r.published) && (
          <>
            <span>
              <span className={styles.swatch} style={{ backgroundColor: `#${BASELINE_FILL}` }} aria-hidden="true" />
              {`Grau darunter: Welle in der Veröffentlichung „${baseline.version.label}“ vom ${germanDate(baseline.version.date)}`}
            </span>
            <span>{`${MOVED_MARK} verschoben gegenüber der Veröffentlichung`}</span>
          </>
        )}
        {baseline && model.rows.some((r) => r.kind === 'project' && r.mark && !r.published) && (
          <span>{`${NEW_MARK} neu: seit der Veröffentlichung aufgenommen`}</span>
        )}
        {model.rows.some((r) => r.kind === 'project' && r.progress?.state === 'done') && (
          <span>{`${DONE_MARK} fertig: in Betrieb`}</span>
        )}
        {model.rows.some((r) => r.kind === 'project' && r.progress?.state === 'late') && (
          <span>{`${LATE_MARK} verspätet am ${germanDate(today)} (Prüfbericht)`}</span>
        )}
      </div>
    </div>
  );
}
