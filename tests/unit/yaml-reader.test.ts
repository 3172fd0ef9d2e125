import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseDocument } from 'yaml';
import { describe, expect, it } from 'vitest';
import { locateYaml } from '../../src/rules/yaml.js';
import { readFrontMatter } from '../../src/ingest/metadata.js';
import { quickYaml } from '../../src/util/yaml-reader.js';
import { CrosscheckError } from '../../src/model/errors.js';

const root = join(import.meta.dirname, '..', '..');

function yamlFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return yamlFiles(path);
    return /\.ya?ml$/.test(entry.name) ? [path] : [];
  });
}

/** What the `yaml` package reads, as Crosscheck read every YAML file before js-yaml: data, or its first error. */
function slowRead(source: string): { data: unknown } | { error: string } {
  const doc = parseDocument(source, { uniqueKeys: true, prettyErrors: false });
  return doc.errors[0] ? { error: doc.errors[0].message } : { data: doc.toJS() };
}

describe('the quick YAML reader', () => {
  const files = ['rules', 'docs', 'tests/fixtures'].flatMap((dir) => yamlFiles(join(root, dir)));

  it('reads every YAML file of the project as the `yaml` package does', () => {
    expect(files.length).toBeGreaterThan(20);
    for (const file of files) {
      const source = readFileSync(file, 'utf8');
      const slow = slowRead(source);
      expect(slow, file).toHaveProperty('data');
      expect(quickYaml(source), file).toEqual(slow);
    }
  });

  it.each([
    ['core schema scalars', 'a: yes\nb: on\nc: 2019-03-06\nd: 0777\ne: 0o17\nf: 0x1F\ng: ~\nh: .inf\ni: 1e3\nj: 12:30\nk: Null\nl: True'],
    ['anchors and aliases', 'x: &a {k: 1}\ny: *a'],
    ['a merge key, which the core schema keeps as a plain key', 'b: {k: 1}\nc:\n  <<: {k: 2}\n  z: 3'],
    ['block scalars', 'a: |\n  x\n  y\nb: >-\n  x\n  y\n'],
    ['explicit keys and tags', '"a": 1\n? b\n: 2\nc: !!str 12'],
    ['front matter', 'title: "L\'été"\ndate: 2019-03-06\nlang: fr'],
  ])('gives the same data as `yaml` for %s', (_, source) => {
    expect(quickYaml(source)).toEqual(slowRead(source));
  });

  it.each([
    ['a key written twice', 'a: 1\na: 2'],
    ['an unclosed quote', 'a: "open'],
    ['an unclosed list', 'a: [1, 2'],
    ['a tab for indentation', 'a:\n\t- x'],
    ['a mapping value inside a plain scalar', 'key: value: other'],
    ['a reserved character', 'a: @x'],
  ])('refuses %s, as `yaml` does', (_, source) => {
    expect(quickYaml(source)).toBeUndefined();
    expect(slowRead(source)).toHaveProperty('error');
  });

  it('leaves to `yaml` what it reads otherwise: an empty document, an unknown tag, a %YAML 1.1 directive', () => {
    expect(quickYaml('')).toBeUndefined();
    expect(quickYaml('# only a comment\n')).toBeUndefined();
    expect(quickYaml('a: !custom 12')).toBeUndefined();
    expect(quickYaml('%YAML 1.1\n---\na: yes')).toBeUndefined();
    // What the callers then get is the `yaml` package's reading.
    expect(locateYaml('%YAML 1.1\n---\na: yes', 'x.yaml').data).toEqual({ a: true });
    expect(locateYaml('', 'x.yaml').data).toEqual({});
    expect(locateYaml('# only a comment\n', 'x.yaml').data).toEqual({});
  });
});

describe('errors keep their place', () => {
  it('a syntax error in a rule file is reported at its line and column by the `yaml` package', () => {
    const error = (() => {
      try {
        locateYaml('id: x\nkind: values\nid: y\n', 'rules/x.yaml');
      } catch (caught) {
        return caught as CrosscheckError;
      }
      return undefined;
    })();
    expect(error).toBeInstanceOf(CrosscheckError);
    expect(error?.message).toMatch(/^invalid YAML: .*unique/);
    expect(error?.file).toBe('rules/x.yaml');
    expect(error?.line).toBe(3);
    expect(error?.column).toBe(1);
  });

  it('a valid file read quickly still says where a value is', () => {
    const located = locateYaml('id: x\nevent:\n  type: visit\n  words:\n    - a\n    - b\n', 'rules/x.yaml');
    expect(located.position(['event', 'words', 1])).toEqual({ line: 6, column: 7 });
    expect(located.error(['event', 'type'], 'bad').line).toBe(3);
  });

  it('broken front matter names the article line, counting the opening ---', () => {
    const broken = (text: string) => {
      try {
        readFrontMatter(text, 'a.md');
      } catch (error) {
        return error as CrosscheckError;
      }
      return undefined;
    };
    const unclosed = broken('---\ntitle: a\ndate: [2019\n---\nBody.\n');
    expect(unclosed?.message).toMatch(/^broken front matter: Flow sequence/);
    expect([unclosed?.file, unclosed?.line, unclosed?.column, unclosed?.code]).toEqual(['a.md', 3, 12, 'input']);
    const twice = broken('---\ntitle: a\ntitle: b\n---\nBody.\n');
    expect(twice?.message).toBe('broken front matter: Map keys must be unique');
    expect([twice?.line, twice?.column]).toEqual([3, 1]);
    expect(readFrontMatter('---\ntitle: a\ndate: 2019-03-06\n---\nBody.\n', 'a.md')?.data).toEqual({ title: 'a', date: '2019-03-06' });
  });
});
