import * as React from 'react';
import {
  Button,
  Field,
  Input,
  makeStyles,
  mergeClasses,
  Select,
  Text,
  tokens,
  Toolbar,
  ToolbarButton,
} from '@fluentui/react-components';
import {
  ArrowClockwise20Regular,
  ArrowDown20Regular,
  ArrowUp20Regular,
  ChevronDown16Regular,
  ChevronRight16Regular,
  ErrorCircle16Regular,
  Info16Regular,
  Search20Regular,
  Warning16Regular,
} from '@fluentui/react-icons';
import { useVirtualizer } from '@tanstack/react-virtual';
import type { Finding, Severity } from '../../core/model';
import type { PlanOutcome } from '../../core/pipeline';
import {
  checkSummary,
  countLabel,
  findingRows,
  findingSteps,
  groupByCode,
  groupKey,
  initiallyExpanded,
  SEVERITY_LABEL,
  STEP_FILTER_LABELS,
  type FindingFilter,
  type FindingStep,
} from '../findingGroups';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: '12px', minWidth: 0 },
  field: { minWidth: 0 },
  input: { width: '100%', minWidth: 0 },
  filters: { display: 'grid', gridTemplateColumns: 'repeat(auto-fit, minmax(min(100%, 130px), 1fr))', gap: '8px 12px' },
  nav: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: '4px 8px' },
  scroller: {
    position: 'relative',
    maxHeight: 'min(60vh, 560px)',
    overflowY: 'auto',
    overflowX: 'hidden',
    borderTop: `1px solid ${tokens.colorNeutralStroke2}`,
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
  },
  row: { position: 'absolute', top: 0, left: 0, width: '100%' },
  plain: {
    display: 'flex',
    gap: '6px',
    alignItems: 'flex-start',
    width: '100%',
    margin: 0,
    border: 'none',
    backgroundColor: 'transparent',
    color: tokens.colorNeutralForeground1,
    font: 'inherit',
    textAlign: 'left',
    cursor: 'pointer',
    overflowWrap: 'anywhere',
    ':hover': { backgroundColor: tokens.colorNeutralBackground1Hover },
    ':focus-visible': { outline: `2px solid ${tokens.colorStrokeFocus2}`, outlineOffset: '-2px' },
  },
  group: {
    padding: '6px 4px',
    fontWeight: tokens.fontWeightSemibold,
    backgroundColor: tokens.colorNeutralBackground2,
    borderTop: `1px solid ${tokens.colorNeutralStroke3}`,
  },
  finding: { padding: '4px 4px 4px 26px', fontSize: tokens.fontSizeBase200 },
  selected: { backgroundColor: tokens.colorNeutralBackground1Selected },
  // neutral, not brand blue: the brand colour lacks contrast on the hover and selection backgrounds in the dark theme
  cell: {
    fontFamily: tokens.fontFamilyMonospace,
    fontWeight: tokens.fontWeightSemibold,
    color: tokens.colorNeutralForeground2,
    flexShrink: 0,
  },
  count: { fontWeight: tokens.fontWeightRegular, color: tokens.colorNeutralForeground2, whiteSpace: 'nowrap' },
  icon: { flexShrink: 0, marginTop: '2px' },
  note: {
    margin: '2px 4px 8px 26px',
    padding: '6px 8px',
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground3,
    border: `1px solid ${tokens.colorNeutralStroke1}`,
    fontSize: tokens.fontSizeBase200,
    display: 'flex',
    flexDirection: 'column',
    gap: '2px',
    overflowWrap: 'anywhere',
    ':focus-visible': { outline: `2px solid ${tokens.colorStrokeFocus2}` },
  },
  code: { color: tokens.colorNeutralForeground3 },
  srOnly: {
    position: 'absolute',
    width: '1px',
    height: '1px',
    overflow: 'hidden',
    clip: 'rect(0 0 0 0)',
    whiteSpace: 'nowrap',
  },
});

const ICON: Record<Severity, React.JSX.Element> = {
  error: <ErrorCircle16Regular primaryFill={tokens.colorPaletteRedForeground1} aria-hidden="true" />,
  warning: <Warning16Regular primaryFill={tokens.colorPaletteDarkOrangeForeground1} aria-hidden="true" />,
  info: <Info16Regular aria-hidden="true" />,
};

export interface CheckPanelProps {
  outcome: PlanOutcome | null;
  checkedAt: Date | null;
  busy: boolean;
  canJump: boolean;
  onCheck(): void;
  onJump(f: Finding): void;
}

const findingKey = (f: Finding) => `${f.severity}|${f.code}|${f.sheet}|${f.cell}|${f.message}`;

/**
 * The findings grouped by code with honest counts, filtered by severity, step and a search, browsed
 * with "Vorheriger/Nächster" like Excel's error checking. Only the visible rows are rendered, so
 * twenty thousand findings open at once. A click on a finding shows its cell note right below it.
 */
export function CheckPanel({ outcome, checkedAt, busy, canJump, onCheck, onJump }: CheckPanelProps): React.JSX.Element {
  const styles = useStyles();
  const [filter, setFilter] = React.useState<FindingFilter>({ severity: '', step: '', query: '' });
  const [current, setCurrent] = React.useState<Finding | null>(null);
  const scroller = React.useRef<HTMLDivElement>(null);
  const noteRef = React.useRef<HTMLDivElement>(null);
  const focusNote = React.useRef(false);
  const focusFinding = React.useRef<string | null>(null);
  const findingButtons = React.useRef(new Map<string, HTMLButtonElement>());

  const steps = React.useMemo(
    () => (outcome ? findingSteps(outcome.findings, outcome.input.findings, outcome.plan?.findings) : undefined),
    [outcome],
  );
  const groups = React.useMemo(
    () => (outcome ? groupByCode(outcome.findings, filter, steps) : []),
    [outcome, filter, steps],
  );
  const [expanded, setExpanded] = React.useState<Set<string>>(() => initiallyExpanded(groups));
  // A new check (or a new filter) opens the groups afresh; the current finding is kept if still listed.
  const [shownFor, setShownFor] = React.useState(groups);
  if (shownFor !== groups) {
    setShownFor(groups);
    setExpanded(initiallyExpanded(groups));
  }
  const rows = React.useMemo(() => findingRows(groups, expanded), [groups, expanded]);
  const order = React.useMemo(() => groups.flatMap((g) => g.findings), [groups]);
  const position = current ? order.indexOf(current) : -1;
  const total = outcome?.findings.length ?? 0;

  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scroller.current,
    estimateSize: (i) => (rows[i]?.kind === 'group' ? 34 : 40),
    overscan: 10,
    getItemKey: (i) => {
      const r = rows[i];
      return r.kind === 'group' ? `g${groupKey(r.group)}` : `f${findingKey(r.finding)}`;
    },
  });

  React.useEffect(() => {
    if (focusNote.current && noteRef.current) {
      focusNote.current = false;
      noteRef.current.focus();
    }
    if (focusFinding.current) {
      const el = findingButtons.current.get(focusFinding.current);
      if (el) {
        el.focus();
        focusFinding.current = null;
      }
    }
  });

  const select = (f: Finding, moveFocus: 'note' | 'none') => {
    setCurrent(f);
    focusNote.current = moveFocus === 'note';
    onJump(f);
  };

  /** Like Excel's error checking: the next (or previous) finding, its group opened and scrolled into view. */
  const step = (delta: 1 | -1) => {
    if (order.length === 0) return;
    const next =
      order[position < 0 ? (delta === 1 ? 0 : order.length - 1) : (position + delta + order.length) % order.length];
    const group = groups.find((g) => g.findings.includes(next))!;
    const key = groupKey(group);
    const nextExpanded = expanded.has(key) ? expanded : new Set([...expanded, key]);
    if (nextExpanded !== expanded) setExpanded(nextExpanded);
    select(next, 'none');
    const index = findingRows(groups, nextExpanded).findIndex((r) => r.kind === 'finding' && r.finding === next);
    // After the rows are rendered: show the finding and the note below it.
    requestAnimationFrame(() => virtualizer.scrollToIndex(index, { align: 'center' }));
  };

  const toggle = (key: string) => {
    const next = new Set(expanded);
    if (next.has(key)) next.delete(key);
    else next.add(key);
    setExpanded(next);
  };

  const renderFinding = (f: Finding) => {
    const key = findingKey(f);
    const isCurrent = current === f;
    return (
      <>
        <button
          type="button"
          ref={(el) => {
            if (el) findingButtons.current.set(key, el);
            else findingButtons.current.delete(key);
          }}
          className={mergeClasses(styles.plain, styles.finding, isCurrent && styles.selected)}
          aria-expanded={isCurrent}
          data-code={f.code}
          onClick={() => select(f, 'note')}
        >
          <span className={styles.srOnly}>{`${canJump ? 'Zur Zelle springen: ' : ''}Blatt ${f.sheet}, Zelle `}</span>
          <span className={styles.cell}>{f.cell}</span>
          <span>{f.message}</span>
        </button>
        {isCurrent && (
          <div
            ref={noteRef}
            className={styles.note}
            role="note"
            tabIndex={-1}
            data-testid="jump-note"
            onKeyDown={(e) => {
              if (e.key === 'Escape') {
                e.preventDefault();
                focusFinding.current = key;
                setCurrent(null);
              }
            }}
          >
            <Text size={200} weight="semibold">
              {canJump
                ? `Zelle ${f.sheet}!${f.range ?? f.cell} ist in Excel ausgewählt.`
                : `Zelle ${f.sheet}!${f.range ?? f.cell}: In Excel springt ein Klick direkt zur Zelle; in einer geöffneten Datei bitte dort nachsehen.`}
            </Text>
            <Text size={200} className={styles.code}>
              {`${SEVERITY_LABEL[f.severity].one} · ${steps ? STEP_FILTER_LABELS[steps.get(f) ?? 'pruefen'] : ''} · Code ${f.code}`}
            </Text>
          </div>
        )}
      </>
    );
  };

  const filtered = order.length;
  const setF = (patch: Partial<FindingFilter>) => setFilter((f) => ({ ...f, ...patch }));

  return (
    <section className={styles.root} aria-labelledby="pruefen-title">
      <Text as="h2" id="pruefen-title" size={400} weight="semibold">
        Prüfen
      </Text>
      <Text>
        Liest alle Eingabeblätter und prüft Bündelung, Koordination und Planungsdaten. Nach Änderungen in der
        Arbeitsmappe erneut prüfen.
      </Text>
      <div>
        <Button appearance="primary" icon={<ArrowClockwise20Regular />} onClick={onCheck} disabled={busy}>
          {outcome ? 'Erneut prüfen' : 'Prüfen'}
        </Button>
      </div>
      {outcome && (
        <Text role="status" data-testid="check-summary" tabIndex={-1}>
          {checkSummary(outcome.findings, outcome.projects.length, outcome.input.services.length)}
          {checkedAt
            ? ` Stand: ${checkedAt.toLocaleTimeString('de-DE', { hour: '2-digit', minute: '2-digit' })} Uhr.`
            : ''}
        </Text>
      )}
      {total > 0 && (
        <>
          <div className={styles.filters}>
            <Field label="Befunde suchen" className={styles.field}>
              <Input
                type="search"
                className={styles.input}
                input={{ style: { minWidth: 0 } }}
                contentBefore={<Search20Regular aria-hidden="true" />}
                value={filter.query}
                placeholder="Text, Blatt, Zelle"
                onChange={(_, d) => setF({ query: d.value })}
              />
            </Field>
            <Field label="Schweregrad" className={styles.field}>
              <Select
                className={styles.input}
                select={{ style: { minWidth: 0, width: '100%' } }}
                value={filter.severity}
                onChange={(_, d) => setF({ severity: d.value as Severity | '' })}
              >
                <option value="">Alle</option>
                <option value="error">Fehler</option>
                <option value="warning">Warnungen</option>
                <option value="info">Hinweise</option>
              </Select>
            </Field>
            <Field label="Schritt" className={styles.field}>
              <Select
                className={styles.input}
                select={{ style: { minWidth: 0, width: '100%' } }}
                value={filter.step}
                onChange={(_, d) => setF({ step: d.value as FindingStep | '' })}
              >
                <option value="">Alle</option>
                {(Object.keys(STEP_FILTER_LABELS) as FindingStep[]).map((s) => (
                  <option key={s} value={s}>
                    {STEP_FILTER_LABELS[s]}
                  </option>
                ))}
              </Select>
            </Field>
          </div>
          <div className={styles.nav}>
            <Toolbar aria-label="Befunde durchgehen" size="small">
              <ToolbarButton icon={<ArrowUp20Regular />} onClick={() => step(-1)} disabled={filtered === 0}>
                Vorheriger
              </ToolbarButton>
              <ToolbarButton icon={<ArrowDown20Regular />} onClick={() => step(1)} disabled={filtered === 0}>
                Nächster
              </ToolbarButton>
            </Toolbar>
            <Text size={200} aria-live="polite" data-testid="finding-position">
              {filtered === total
                ? position >= 0
                  ? `Befund ${(position + 1).toLocaleString('de-DE')} von ${filtered.toLocaleString('de-DE')}`
                  : `${filtered.toLocaleString('de-DE')} Befunde in ${groups.length.toLocaleString('de-DE')} Gruppen`
                : `${position >= 0 ? `Befund ${(position + 1).toLocaleString('de-DE')} von ` : ''}${filtered.toLocaleString('de-DE')} passenden (von ${total.toLocaleString('de-DE')})`}
            </Text>
          </div>
          <div
            ref={scroller}
            className={styles.scroller}
            role="region"
            aria-label="Befunde nach Art"
            data-testid="findings"
          >
            {rows.length === 0 ? (
              <Text block style={{ padding: '8px' }}>
                Kein Befund passt zu Suche und Filter.
              </Text>
            ) : (
              <div style={{ height: `${virtualizer.getTotalSize()}px`, position: 'relative' }}>
                {virtualizer.getVirtualItems().map((item) => {
                  const r = rows[item.index];
                  return (
                    <div
                      key={item.key}
                      data-index={item.index}
                      ref={virtualizer.measureElement}
                      className={styles.row}
                      style={{ transform: `translateY(${item.start}px)` }}
                    >
                      {r.kind === 'group' ? (
                        <button
                          type="button"
                          className={mergeClasses(styles.plain, styles.group)}
                          aria-expanded={r.expanded}
                          data-group={r.group.code}
                          onClick={() => toggle(groupKey(r.group))}
                        >
                          <span className={styles.icon}>
                            {r.expanded ? (
                              <ChevronDown16Regular aria-hidden="true" />
                            ) : (
                              <ChevronRight16Regular aria-hidden="true" />
                            )}
                          </span>
                          <span className={styles.icon}>{ICON[r.group.severity]}</span>
                          <span>
                            {r.group.title}{' '}
                            <span
                              className={styles.count}
                            >{`(${countLabel(r.group.severity, r.group.findings.length)})`}</span>
                          </span>
                        </button>
                      ) : (
                        renderFinding(r.finding)
                      )}
                    </div>
                  );
                })}
              </div>
            )}
          </div>
        </>
      )}
    </section>
  );
}
