import type { IsoDate } from '../core/model';
import { germanDate } from '../core/dates';
import { publishRefusal, type PlanOutcome } from '../core/pipeline';
import { baselineSentence, changeKindText, changesHeadline } from '../core/publish/text';
import { parseSetting } from '../core/settings/parse';
import { plural } from '../core/text';
import type { PublishRequest } from './worker/sessionProtocol';

/**
 * „Veröffentlichen“ in the step Schreiben, without React: the form, what the planner sees before
 * publishing (the changes against the published version) and why publishing is refused — in the
 * words the command line uses (core/pipeline publishRefusal, core/publish/text).
 */
export interface PublishForm {
  label: string;
  /** As typed: 15.03.2021, 15.03.21 or 2021-03-15. */
  date: string;
}

export function defaultPublishForm(today: IsoDate): PublishForm {
  return { label: '', date: germanDate(today) };
}

export interface PublishCheck {
  /** What to publish; null while something is missing or refused. */
  request: PublishRequest | null;
  /** The command line's refusal (errors, no label, a newer version); null when publishing may go ahead. */
  refusal: string | null;
  /** The date cannot be read (a German sentence). */
  dateError: string | null;
}

/** Whether this plan may be published with this label and date, and the request if so. */
export function checkPublish(outcome: PlanOutcome, form: PublishForm): PublishCheck {
  const refusal = publishRefusal(outcome, form.label);
  let dateError: string | null = null;
  let date: IsoDate | null = null;
  if (!form.date.trim()) dateError = 'Bitte das Datum der Veröffentlichung angeben (z. B. 15.03.2021).';
  else {
    // The dates a planner may type anywhere in the pane (the rule of the sheet Einstellungen).
    const parsed = parseSetting('planningStart', form.date);
    if ('error' in parsed) dateError = parsed.error;
    else date = parsed.value;
  }
  return {
    request: refusal || !date ? null : { label: form.label.trim(), date },
    refusal,
    dateError,
  };
}

/** The number the next version gets. */
export function nextVersionNumber(outcome: PlanOutcome): number {
  return Math.max(0, ...(outcome.published ?? []).map((v) => v.number)) + 1;
}

/** One sentence on what publishing records. */
export function publishIntro(outcome: PlanOutcome): string {
  const count = outcome.plan?.assignments.length ?? 0;
  const earlier = outcome.published?.length ?? 0;
  return `Veröffentlichen schreibt die Ergebnisblätter wie „Schreiben“ und hält den Plan als Version ${nextVersionNumber(outcome)} auf dem Blatt „Veröffentlichungen“ fest: ${plural(count, 'Projekt', 'Projekte')} mit Welle, Zeitraum, Koordination und OZG-IDs.${
    earlier > 0
      ? ` ${plural(earlier, 'frühere Version bleibt', 'frühere Versionen bleiben')} unverändert erhalten.`
      : ' Es ist die erste Veröffentlichung in dieser Arbeitsmappe.'
  }`;
}

export interface ChangesView {
  /** "Geplant gegen die Veröffentlichung Version 1 …" */
  baseline: string;
  /** "Änderungen gegenüber Version 1: 2 (2 Verschiebungen), 28 Projekte unverändert" */
  headline: string;
  items: { project: string; text: string }[];
}

/** What changed against the published version, as the sheet Änderungen and the command line list it; null without one. */
export function changesView(outcome: PlanOutcome): ChangesView | null {
  if (!outcome.baseline || !outcome.plan) return null;
  const changes = outcome.changes ?? [];
  return {
    baseline: baselineSentence(outcome.baseline),
    headline: changesHeadline(outcome.baseline, changes, outcome.projects.length, outcome.plan.objective.moves),
    items: changes.map((c) => ({
      project: c.project,
      text: `${c.project} ${c.name} (${changeKindText(c)}): ${c.reason}`,
    })),
  };
}

/** After publishing: "Veröffentlicht: Version 2 „…“ vom 15.03.2021." (the command line's words). */
export function publishedSentence(number: number, request: PublishRequest): string {
  return `Veröffentlicht: Version ${number} „${request.label}“ vom ${germanDate(request.date)}.`;
}
