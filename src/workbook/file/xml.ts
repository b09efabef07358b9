/** Small XML helpers for the package reader and writer (OOXML as Excel and LibreOffice write it). */

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

export function decodeXml(s: string): string {
  if (s.indexOf('&') < 0) return s;
  return s.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|[a-z]+);/g, (m, e: string) => {
    if (e[0] === '#') {
      const code = e[1] === 'x' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
      return Number.isFinite(code) ? String.fromCodePoint(code) : m;
    }
    return ENTITIES[e] ?? m;
  });
}

// eslint-disable-next-line no-control-regex -- the characters escapeXml replaces or drops
const NEEDS_ESCAPE = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff&<>"]/;
// eslint-disable-next-line no-control-regex -- the same characters, each replaced or dropped
const ESCAPED = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff&<>"]/g;
const ENTITY_OF: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' };

/** Text for element content and attribute values; characters XML 1.0 forbids are dropped. */
export function escapeXml(s: string): string {
  // Most texts need nothing: one test. The others in one pass: each character replaced by its
  // entity, or dropped (the control characters XML 1.0 forbids); no replacement yields another.
  if (!NEEDS_ESCAPE.test(s)) return s;
  return s.replace(ESCAPED, (ch) => ENTITY_OF[ch] ?? '');
}

/** The attributes of one start tag ("<c r="A1" s="2">") by name, namespace prefixes kept. */
export function attributes(tag: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const m of tag.matchAll(/([\w:.-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g)) out[m[1]] = decodeXml(m[2] ?? m[3] ?? '');
  return out;
}

export function attribute(tag: string, name: string): string | undefined {
  const m = new RegExp(`\\s${name.replace(/[.:]/g, '\\$&')}\\s*=\\s*(?:"([^"]*)"|'([^']*)')`).exec(tag);
  return m ? decodeXml(m[1] ?? m[2] ?? '') : undefined;
}

/** The text of the <t> elements in a string item (shared string or inline string), phonetic runs left out. */
export function stringItemText(xml: string): string {
  const withoutPhonetic = xml.indexOf('<rPh') >= 0 ? xml.replace(/<rPh\b[\s\S]*?<\/rPh>/g, '') : xml;
  let text = '';
  for (const m of withoutPhonetic.matchAll(/<(?:\w+:)?t(?:\s[^>]*)?>([\s\S]*?)<\/(?:\w+:)?t>/g)) text += m[1];
  return unescapeOoxml(decodeXml(text));
}

/** Relationships part → Id → { type, target resolved against the folder of the source part }. */
export function relationships(
  xml: string,
  sourceFolder: string,
): Map<string, { type: string; target: string; external: boolean }> {
  const out = new Map<string, { type: string; target: string; external: boolean }>();
  for (const m of xml.matchAll(/<(?:\w+:)?Relationship\b[^>]*>/g)) {
    const a = attributes(m[0]);
    if (!a.Id || !a.Target) continue;
    const external = a.TargetMode === 'External';
    out.set(a.Id, { type: a.Type ?? '', target: external ? a.Target : resolvePart(sourceFolder, a.Target), external });
  }
  return out;
}

/** "xl/worksheets" + "../tables/table1.xml" → "xl/tables/table1.xml"; "/xl/…" is absolute. */
export function resolvePart(folder: string, target: string): string {
  const parts = target.startsWith('/') ? [] : folder.split('/').filter(Boolean);
  for (const seg of target.split('/')) {
    if (seg === '' || seg === '.') continue;
    if (seg === '..') parts.pop();
    else parts.push(seg);
  }
  return parts.join('/');
}

export function folderOf(part: string): string {
  const i = part.lastIndexOf('/');
  return i < 0 ? '' : part.slice(0, i);
}

export function relsPathOf(part: string): string {
  const i = part.lastIndexOf('/');
  return `${part.slice(0, i + 1)}_rels/${part.slice(i + 1)}.rels`;
}

/** OOXML's `_xHHHH_` escapes (a literal `_x0041_` is stored as `_x005F_x0041_`), as Excel reads them. */
export function unescapeOoxml(text: string): string {
  return text.includes('_x')
    ? text.replace(/_x([0-9A-Fa-f]{4})_/g, (_, h: string) => String.fromCharCode(parseInt(h, 16)))
    : text;
}
