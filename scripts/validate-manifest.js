#!/usr/bin/env node
/* Validates manifest.xml offline against the Office add-in XSDs in schemas/office-addin-manifest
   (xmllint-wasm), and checks what XSD cannot: every resid resolves, every URL is on an AppDomain. */
const { readFileSync, readdirSync } = require('node:fs');
const { join } = require('node:path');
const { validateXML } = require('xmllint-wasm');

const SCHEMA_DIR = join(__dirname, '..', 'schemas', 'office-addin-manifest');
const ENTRY = 'OfficeAppManifestV1_1.xsd';

async function validateManifest(xml) {
  const schemas = readdirSync(SCHEMA_DIR).filter((f) => f.endsWith('.xsd'));
  const file = (name) => ({ fileName: name, contents: readFileSync(join(SCHEMA_DIR, name), 'utf8') });
  const result = await validateXML({
    xml: [{ fileName: 'manifest.xml', contents: xml }],
    schema: [file(ENTRY)],
    preload: schemas.filter((f) => f !== ENTRY).map(file),
  });
  const errors = result.errors.map((e) => e.rawMessage || e.message);
  errors.push(...crossReferenceErrors(xml));
  return { valid: result.valid && errors.length === 0, errors };
}

function crossReferenceErrors(xml) {
  const errors = [];
  const defined = new Set([...xml.matchAll(/<bt:(?:Image|Url|String)\s+id="([^"]+)"/g)].map((m) => m[1]));
  for (const m of xml.matchAll(/resid="([^"]+)"/g)) {
    if (!defined.has(m[1])) errors.push(`resid "${m[1]}" ist nicht in <Resources> definiert`);
  }
  const domains = [...xml.matchAll(/<AppDomain>([^<]+)<\/AppDomain>/g)].map((m) => m[1].replace(/\/$/, ''));
  for (const m of xml.matchAll(/DefaultValue="(https?:\/\/[^"]+)"/g)) {
    if (!domains.some((d) => m[1].startsWith(d + '/'))) errors.push(`URL ${m[1]} liegt auf keiner AppDomain`);
  }
  return errors;
}

module.exports = { validateManifest };

if (require.main === module) {
  const path = process.argv[2] || join(__dirname, '..', 'manifest.xml');
  validateManifest(readFileSync(path, 'utf8')).then(({ valid, errors }) => {
    if (valid) {
      console.log(`${path}: gültig`);
    } else {
      for (const e of errors) console.error(e);
      console.error(`${path}: ungültig (${errors.length} Fehler)`);
      process.exit(1);
    }
  });
}
