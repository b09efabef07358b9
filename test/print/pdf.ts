/**
 * A rendered PDF's words with their boxes (pdftotext -bbox) and its pages as lines, so print
 * tests can check geometry: text size, text printed over other text, what a page starts with.
 */
import { execFileSync } from 'child_process';

export interface Word {
  text: string;
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

export interface Page {
  width: number;
  height: number;
  words: Word[];
  /** Words grouped into lines (same baseline band), top to bottom, each left to right. */
  lines: Word[][];
}

/**
 * Poppler makes a word's box 1.3 times its font size high (ascent 0.95 plus descent 0.35 of
 * the em, whatever the font says); checked against Ghostscript's txtwrite on these PDFs.
 */
export const BOX_PER_POINT = 1.3;

export function fontPoints(w: Word): number {
  return (w.y1 - w.y0) / BOX_PER_POINT;
}

const unescape = (t: string) =>
  t
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');

function linesOf(words: Word[]): Word[][] {
  const sorted = [...words].sort((a, b) => a.y0 - b.y0 || a.x0 - b.x0);
  const lines: Word[][] = [];
  for (const w of sorted) {
    const line = lines[lines.length - 1];
    const ref = line?.[0];
    // Same line: the vertical centres lie within a third of the box height of each other.
    if (ref && Math.abs((w.y0 + w.y1) / 2 - (ref.y0 + ref.y1) / 2) < (ref.y1 - ref.y0) / 3) line.push(w);
    else lines.push([w]);
  }
  return lines.map((l) => l.sort((a, b) => a.x0 - b.x0));
}

/** Every page of the PDF with its words. */
export function pdfWords(pdfPath: string): Page[] {
  const xml = execFileSync('pdftotext', ['-bbox', pdfPath, '-'], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  const pages: Page[] = [];
  for (const m of xml.matchAll(/<page width="([\d.]+)" height="([\d.]+)">([\s\S]*?)<\/page>/g)) {
    const words = [
      ...m[3].matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g),
    ].map((w) => ({
      text: unescape(w[5]),
      x0: Number(w[1]),
      y0: Number(w[2]),
      x1: Number(w[3]),
      y1: Number(w[4]),
    }));
    pages.push({ width: Number(m[1]), height: Number(m[2]), words, lines: linesOf(words) });
  }
  return pages;
}

export const lineText = (line: Word[]) => line.map((w) => w.text).join(' ');

/**
 * Pairs of words printed over each other: their boxes overlap across by more than a point and
 * up and down by more than 40 % of the lower box (the boxes of a cell's successive lines
 * overlap by about a quarter; a clipped cell's overflow lies over the next row's text).
 */
export function collisions(page: Page): [Word, Word][] {
  const found: [Word, Word][] = [];
  const words = [...page.words].sort((a, b) => a.x0 - b.x0);
  for (let i = 0; i < words.length; i++) {
    const a = words[i];
    for (let j = i + 1; j < words.length && words[j].x0 < a.x1 - 1; j++) {
      const b = words[j];
      const across = Math.min(a.x1, b.x1) - Math.max(a.x0, b.x0);
      const down = Math.min(a.y1, b.y1) - Math.max(a.y0, b.y0);
      if (across > 1 && down > 0.4 * Math.min(a.y1 - a.y0, b.y1 - b.y0)) found.push([a, b]);
    }
  }
  return found;
}
