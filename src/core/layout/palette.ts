import { SEVERITY_LABEL } from '../text';

/**
 * Colours of the written sheets ("RRGGBB"). Wave colours are told apart by hue and by
 * lightness, so a greyscale printout still separates neighbouring waves.
 */
const WAVE_COLORS = [
  '1F4E79',
  'C55A11',
  '548235',
  '7030A0',
  'BF8F00',
  '2E75B6',
  '843C0C',
  '375623',
  'A5A5A5',
  '002060',
];

export function waveColor(wave: number): string {
  return WAVE_COLORS[(Math.max(1, Math.floor(wave)) - 1) % WAVE_COLORS.length];
}

/** The wave colour mixed with white: for row backgrounds behind black text. */
export function waveTint(wave: number, share = 0.8): string {
  return tint(waveColor(wave), share);
}

export function tint(color: string, share: number): string {
  const parts = [0, 2, 4].map((i) => parseInt(color.slice(i, i + 2), 16));
  return parts
    .map((c) =>
      Math.round(c + (255 - c) * share)
        .toString(16)
        .padStart(2, '0'),
    )
    .join('')
    .toUpperCase();
}

export const COLORS = {
  title: '1F3864',
  headerFill: '1F3864',
  headerFont: 'FFFFFF',
  groupFill: 'D6DCE4',
  groupFont: '1F3864',
  muted: '595959',
  white: 'FFFFFF',
  /** Frist Referenzimplementierung. */
  referenceDeadline: 'C00000',
  /** OZG-Frist. */
  ozgDeadline: '7030A0',
  /** Stand (today). */
  today: '00B050',
} as const;

export const SEVERITY_STYLE = {
  error: { fill: 'FFC7CE', font: '9C0006', label: SEVERITY_LABEL.error.one },
  warning: { fill: 'FFEB9C', font: '7F6000', label: SEVERITY_LABEL.warning.one },
  info: { fill: 'DDEBF7', font: '1F4E79', label: SEVERITY_LABEL.info.one },
} as const;
