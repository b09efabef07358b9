import * as React from 'react';
import type { IsoDate } from '../../../core/model';
import { germanDate } from '../../../core/dates';
import { BASELINE_FILL, MOVED_MARK, NEW_MARK } from '../../../core/layout/overviewBaseline';
import { DONE_MARK, LATE_MARK } from '../../../core/layout/overviewStatus';
import type { BaselineInfo } from '../../../core/publish/types';
import { waveColor, type TimelineModel } from '../../timeline';
import { MARKER_COLOR, MARKER_STYLE } from './markers';
import { useGanttStyles } from './styles';

/** Waves, deadline lines and every mark the rows use, in the words of the written Wellenübersicht. */
export function Legend({
  model,
  baseline,
  today,
}: {
  model: TimelineModel;
  baseline: BaselineInfo | null;
  today: IsoDate;
}): React.JSX.Element {
  const styles = useGanttStyles();
  const any = (test: (r: Extract<TimelineModel['rows'][number], { kind: 'project' }>) => unknown) =>
    model.rows.some((r) => r.kind === 'project' && test(r));
  return (
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
      {any((r) => r.late) && <span>Rot umrandet: endet nach der Frist Referenzimplementierung</span>}
      {baseline && any((r) => r.published) && (
        <>
          <span>
            <span className={styles.swatch} style={{ backgroundColor: `#${BASELINE_FILL}` }} aria-hidden="true" />
            {`Grau darunter: Welle in der Veröffentlichung „${baseline.version.label}“ vom ${germanDate(baseline.version.date)}`}
          </span>
          <span>{`${MOVED_MARK} verschoben gegenüber der Veröffentlichung`}</span>
        </>
      )}
      {baseline && any((r) => r.mark && !r.published) && (
        <span>{`${NEW_MARK} neu: seit der Veröffentlichung aufgenommen`}</span>
      )}
      {any((r) => r.progress?.state === 'done') && <span>{`${DONE_MARK} fertig: in Betrieb`}</span>}
      {any((r) => r.progress?.state === 'late') && (
        <span>{`${LATE_MARK} verspätet am ${germanDate(today)} (Prüfbericht)`}</span>
      )}
    </div>
  );
}
