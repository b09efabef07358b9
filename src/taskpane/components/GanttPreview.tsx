import * as React from 'react';
import { Field, Input, mergeClasses, Select, Text } from '@fluentui/react-components';
import { Search20Regular } from '@fluentui/react-icons';
import { useVirtualizer } from '@tanstack/react-virtual';
import type { PlanProject, Plan, Themenfeld, IsoDate } from '../../core/model';
import type { BaselineInfo, Change } from '../../core/publish/types';
import { buildTimeline, DEFAULT_TIMELINE, searchRows, waveColor, type TimelineRow } from '../timeline';
import { Legend } from './gantt/Legend';
import { MARKER_COLOR, MARKER_STYLE } from './gantt/markers';
import { ProjectRowView } from './gantt/ProjectRow';
import { AXIS_HEIGHT, useGanttStyles } from './gantt/styles';

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
  const styles = useGanttStyles();
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
  const rows = React.useMemo(() => searchRows(model.rows, query), [model.rows, query]);
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
                  <ProjectRowView
                    row={r}
                    project={byId.get(r.projectId)}
                    change={r.mark ? changes?.find((c) => c.project === r.projectId) : undefined}
                    selected={r.projectId === selected}
                    full={expandedLabel === r.projectId || r.projectId === selected}
                    barRef={(el) => {
                      if (el) barRefs.current.set(r.projectId, el);
                      else barRefs.current.delete(r.projectId);
                    }}
                    detailsRef={detailsRef}
                    onOpen={() => open(r.projectId)}
                    onClose={() => close(r.projectId)}
                    onHover={(inside) => setExpandedLabel((l) => (inside ? r.projectId : l === r.projectId ? null : l))}
                  />
                )}
              </div>
            );
          })}
        </div>
      </div>
      <Legend model={model} baseline={baseline} today={today} />
    </div>
  );
}
