import { COLORS } from '../../../core/layout/palette';

/** The deadline colours of the written Wellenübersicht. */
export const MARKER_COLOR = {
  reference: `#${COLORS.referenceDeadline}`,
  ozg: `#${COLORS.ozgDeadline}`,
  today: `#${COLORS.today}`,
};
export const MARKER_STYLE = { reference: 'dashed', ozg: 'solid', today: 'dotted' } as const;
