import { THEMENFELDER } from '../../../src/core/model';
import { BUILT_IN_LEAD_STATES, matchThemenfeld } from '../../../src/core/reference/themenfelder';

describe('matchThemenfeld', () => {
  it('finds each of the 14 Themenfelder by its own name', () => {
    for (const tf of THEMENFELDER) expect(matchThemenfeld(tf)).toBe(tf);
  });

  it.each([
    ['Familie und Kind', 'Familie & Kind'],
    ['familie & kind', 'Familie & Kind'],
    ['  FAMILIE&KIND ', 'Familie & Kind'],
    ['Unternehmensfuehrung und -entwicklung', 'Unternehmensführung & -entwicklung'],
    ['Unternehmensführung und Unternehmensentwicklung', 'Unternehmensführung & -entwicklung'],
    ['Ein- und Auswanderung', 'Ein- & Auswanderung'],
    ['Ein und Auswanderung', 'Ein- & Auswanderung'],
    ['Mobilitaet und Reisen', 'Mobilität & Reisen'],
    ['Forschung und Foerderung', 'Forschung & Förderung'],
    ['Themenfeld: Bildung', 'Bildung'],
    ['Recht\n& Ordnung', 'Recht & Ordnung'],
  ])('reads %j as %s', (text, expected) => {
    expect(matchThemenfeld(text)).toBe(expected);
  });

  it.each(['Familie', 'Kind & Familie', 'Steuern', 'Bildung und Forschung', '', 'Themenfeld'])('refuses %j', (text) => {
    expect(matchThemenfeld(text)).toBeNull();
  });
});

describe('BUILT_IN_LEAD_STATES', () => {
  it('holds only the documented lead states', () => {
    expect(BUILT_IN_LEAD_STATES).toEqual({ 'Ein- & Auswanderung': 'Brandenburg', 'Steuern & Zoll': 'Hessen' });
    for (const key of Object.keys(BUILT_IN_LEAD_STATES)) expect(THEMENFELDER).toContain(key);
  });
});
