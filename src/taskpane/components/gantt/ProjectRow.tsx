import * as React from 'react';
import { Button, mergeClasses, Text } from '@fluentui/react-components';
import { Dismiss16Regular } from '@fluentui/react-icons';
import type { PlanProject } from '../../../core/model';
import { germanDate } from '../../../core/dates';
import { BASELINE_FILL } from '../../../core/layout/overviewBaseline';
import type { Change } from '../../../core/publish/types';
import { waveColor, type TimelineRow } from '../../timeline';
import { useGanttStyles } from './styles';

export type ProjectRow = Extract<TimelineRow, { kind: 'project' }>;

export interface ProjectRowProps {
  row: ProjectRow;
  project: PlanProject | undefined;
  /** What changed against the published version, for a marked row. */
  change: Change | undefined;
  selected: boolean;
  /** The whole name shown (hover, focus or open). */
  full: boolean;
  barRef(el: HTMLButtonElement | null): void;
  detailsRef: React.Ref<HTMLDivElement>;
  onOpen(): void;
  onClose(): void;
  /** The pointer or the focus entered (true) or left (false) the bar. */
  onHover(inside: boolean): void;
}

/** One project: its name and bar as a button, and below it, when open, its Begründung. */
export function ProjectRowView(props: ProjectRowProps): React.JSX.Element {
  const { row: r, selected, full, onOpen, onHover } = props;
  const styles = useGanttStyles();
  const lateText = r.late ? ', endet nach der Frist Referenzimplementierung' : '';
  const was = r.published;
  const publishedText = was
    ? `veröffentlicht: Welle ${was.wave}, ${germanDate(was.start)} bis ${germanDate(was.end)}`
    : '';
  return (
    <>
      <button
        type="button"
        ref={props.barRef}
        className={mergeClasses(styles.project, selected && styles.projectSelected)}
        aria-expanded={selected}
        aria-controls={selected ? `begruendung-${r.projectId}` : undefined}
        aria-label={`${r.fullLabel}${r.mark ? ` ${r.mark}` : ''}${r.progress ? `, ${r.progress.text}` : ''}, Welle ${r.wave}, ${germanDate(r.start)} bis ${germanDate(r.end)}${lateText}${publishedText ? `, ${publishedText}` : ''}`}
        data-project={r.projectId}
        title={r.fullLabel}
        onClick={onOpen}
        onMouseEnter={() => onHover(true)}
        onMouseLeave={() => onHover(false)}
        onFocus={() => onHover(true)}
        onBlur={() => onHover(false)}
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
      {selected && <ProjectDetails {...props} />}
    </>
  );
}

/** The Begründung under the bar: focus moves into it; Escape or the close button returns it to the bar. */
function ProjectDetails({ row: r, project, change, detailsRef, onClose }: ProjectRowProps): React.JSX.Element {
  const styles = useGanttStyles();
  const was = r.published;
  return (
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
          onClose();
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
          onClick={onClose}
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
      {was && <Text>{`Veröffentlicht: Welle ${was.wave}, ${germanDate(was.start)} – ${germanDate(was.end)}`}</Text>}
    </div>
  );
}
