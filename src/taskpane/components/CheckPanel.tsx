import * as React from 'react';
import {
  Accordion,
  AccordionHeader,
  AccordionItem,
  AccordionPanel,
  Button,
  CounterBadge,
  makeStyles,
  Text,
  tokens,
} from '@fluentui/react-components';
import { ArrowClockwise20Regular, ErrorCircle20Regular, Info20Regular, Warning20Regular } from '@fluentui/react-icons';
import type { Finding, Severity } from '../../core/model';
import type { PlanOutcome } from '../../core/pipeline';
import { checkSummary, groupFindings } from '../findingGroups';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: '12px' },
  sheet: { marginTop: '4px', marginBottom: '2px', fontWeight: tokens.fontWeightSemibold },
  list: { listStyleType: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: '2px' },
  finding: {
    width: '100%',
    justifyContent: 'flex-start',
    textAlign: 'left',
    fontWeight: tokens.fontWeightRegular,
    minHeight: 'auto',
    paddingTop: '4px',
    paddingBottom: '4px',
  },
  cell: { fontFamily: tokens.fontFamilyMonospace, marginRight: '6px', color: tokens.colorBrandForeground1 },
  code: { color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase100 },
  selected: { backgroundColor: tokens.colorNeutralBackground1Selected },
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
  error: <ErrorCircle20Regular primaryFill={tokens.colorPaletteRedForeground1} aria-hidden="true" />,
  warning: <Warning20Regular aria-hidden="true" />,
  info: <Info20Regular aria-hidden="true" />,
};
const BADGE: Record<Severity, 'danger' | 'important' | 'informative'> = {
  error: 'danger',
  warning: 'important',
  info: 'informative',
};

/** How many findings of a sheet are shown before "Alle anzeigen". */
const PAGE = 50;

export interface CheckPanelProps {
  outcome: PlanOutcome | null;
  checkedAt: Date | null;
  busy: boolean;
  canJump: boolean;
  onCheck(): void;
  onJump(f: Finding): void;
}

export function CheckPanel({ outcome, checkedAt, busy, canJump, onCheck, onJump }: CheckPanelProps): React.JSX.Element {
  const styles = useStyles();
  const [expanded, setExpanded] = React.useState<Set<string>>(new Set());
  const [current, setCurrent] = React.useState<Finding | null>(null);
  const groups = React.useMemo(() => (outcome ? groupFindings(outcome.findings) : []), [outcome]);

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
        <Text role="status" data-testid="check-summary">
          {checkSummary(outcome.findings, outcome.projects.length, outcome.input.services.length)}
          {checkedAt
            ? ` Stand: ${checkedAt.toLocaleTimeString('de-DE', { hour: '2-digit', minute: '2-digit' })} Uhr.`
            : ''}
        </Text>
      )}
      {outcome && !canJump && current && (
        <Text data-testid="jump-note">{`Zelle ${current.sheet}!${current.cell}: In Excel springt ein Klick direkt zur Zelle; in einer geöffneten Datei bitte dort nachsehen.`}</Text>
      )}
      {groups.length > 0 && (
        <Accordion
          multiple
          collapsible
          defaultOpenItems={groups.filter((g) => g.severity !== 'info').map((g) => g.severity)}
        >
          {groups.map((g) => (
            <AccordionItem key={g.severity} value={g.severity}>
              <AccordionHeader icon={ICON[g.severity]}>
                <span>
                  {g.title}{' '}
                  <CounterBadge
                    count={g.count}
                    color={BADGE[g.severity]}
                    size="small"
                    aria-hidden="true"
                    overflowCount={9999}
                  />
                </span>
              </AccordionHeader>
              <AccordionPanel>
                {g.sheets.map((s) => {
                  const key = `${g.severity}|${s.sheet}`;
                  const all = expanded.has(key);
                  const shown = all ? s.findings : s.findings.slice(0, PAGE);
                  return (
                    <div key={key}>
                      <Text as="h3" block className={styles.sheet}>
                        {`Blatt „${s.sheet}“ (${s.findings.length})`}
                      </Text>
                      <ul className={styles.list}>
                        {shown.map((f, i) => (
                          <li key={`${f.cell}-${f.code}-${i}`}>
                            <Button
                              appearance="subtle"
                              className={`${styles.finding} ${current === f ? styles.selected : ''}`}
                              onClick={() => {
                                setCurrent(f);
                                onJump(f);
                              }}
                              data-code={f.code}
                            >
                              <span>
                                <span
                                  className={styles.srOnly}
                                >{`${canJump ? 'Zur Zelle springen: ' : ''}Blatt ${f.sheet}, Zelle `}</span>
                                <span className={styles.cell}>{f.cell}</span>
                                {f.message} <span className={styles.code}>{f.code}</span>
                              </span>
                            </Button>
                          </li>
                        ))}
                      </ul>
                      {!all && s.findings.length > PAGE && (
                        <Button appearance="transparent" onClick={() => setExpanded(new Set([...expanded, key]))}>
                          {`Alle ${s.findings.length} anzeigen`}
                        </Button>
                      )}
                    </div>
                  );
                })}
              </AccordionPanel>
            </AccordionItem>
          ))}
        </Accordion>
      )}
    </section>
  );
}
