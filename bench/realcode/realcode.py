#!/usr/bin/env python3
"""Helpers of bench/realcode.sh (not run by any build).

  realcode.py libraries KEEL_JSON ENTRY...     sets keel.json's "libraries" to the entries ("@classpath.txt")
  realcode.py summary WORK_DIR OUT.md          the summary of a run: per project, entities, whether keel
                                               stopped (and why, by kind) and the disagreements by kind
"""
import collections
import json
import os
import re
import sys


def libraries(keel_json, *entries):
    """keel.json (as keel init wrote it) with "libraries": the entries, as a user writes them."""
    with open(keel_json) as fh:
        config = json.load(fh)
    config['libraries'] = list(entries)
    with open(keel_json, 'w') as fh:
        json.dump(config, fh, indent=2)
        fh.write('\n')


KINDS = [
    (r'is not a constant keel can read|is not a (long|string|boolean|int)\b|constant .* cannot be found', 'constant expression'),
    (r'which keel cannot map to a column', 'unmappable field type (often a library type)'),
    (r'cannot be found|is not in the scanned sources|unknown type', 'type not found (library type)'),
    (r'has no column .*named in a unique constraint or index', 'unknown column in a constraint or index'),
    (r'several @Id fields but no @IdClass', 'several @Id without @IdClass'),
    (r'which is not @Embeddable', '@EmbeddedId/@Embedded class without @Embeddable'),
]


def kind_of(message):
    for pattern, kind in KINDS:
        if re.search(pattern, message):
            return kind
    m = re.sub(r'^\S+\.java:\d+: ', '', message)
    m = re.sub(r'"[^"]*"|\b[\w$]+\.[\w.$]+\b|\b[a-z]+[A-Z]\w*\b', '…', m)
    return m.split('. To fix')[0][:90]


def summary(work, out):
    rows, details = [], []
    for name in sorted(os.listdir(work)):
        d = os.path.join(work, name)
        report = os.path.join(d, 'compare.txt')
        if not os.path.isfile(os.path.join(d, 'coordinates')):
            continue
        coords = open(os.path.join(d, 'coordinates')).read().strip()
        facts = open(report).read().splitlines() if os.path.isfile(report) else []
        keel_log = open(os.path.join(d, 'keel.log'), errors='replace').read() if os.path.isfile(os.path.join(d, 'keel.log')) else ''
        rc = open(os.path.join(d, 'keel.rc')).read().strip() if os.path.isfile(os.path.join(d, 'keel.rc')) else '?'
        errors = [l[len('error: '):] for l in keel_log.splitlines() if l.startswith('error: ')]
        stops = collections.Counter(kind_of(e) for e in errors)
        entities = next((l.split()[1] for l in facts if l.startswith('entities ')), '?')
        hib = next((l[len('hibernate '):] for l in facts if l.startswith('hibernate ')), 'not run')
        keel_tables = next((l[len('keel tables '):] for l in facts if l.startswith('keel tables ')), None)
        kinds = collections.Counter()
        for l in facts:
            if l.startswith('disagreement '):
                body = l[len('disagreement '):]
                m = re.match(r'((?:table|column|sequence) only in \w+|column \w+|column order|[\w ]+? only in \w+) ', body)
                kinds[m.group(1) if m else body.split(' ')[0]] += 1
        status = 'ran (exit 0)' if rc == '0' else f'stopped (exit {rc}, {len(errors)} errors)'
        compared = keel_tables and hib.startswith('tables ')
        rows.append(f'| {coords} | {entities} | {hib[:200]} | {status} | {keel_tables or "-"} | {sum(kinds.values()) if compared else "-"} |')
        details.append(f'### {coords}\n')
        if stops:
            details.append('keel stopped; errors by kind:\n')
            details += [f'- {n} × {k}' for k, n in stops.most_common()]
            details.append('')
            details.append('first errors:\n')
            details += ['    ' + e[:300] for e in errors[:5]]
            details.append('')
        if kinds:
            details.append('disagreements by kind:\n')
            details += [f'- {n} × {k}' for k, n in kinds.most_common()]
            details.append('')
            details.append('examples:\n')
            seen = set()
            for l in facts:
                if l.startswith('disagreement '):
                    m = re.match(r'disagreement ((?:table|column|sequence) only in \w+|column \w+|column order|[\w ]+? only in \w+) ', l)
                    k = m.group(1) if m else l
                    if k not in seen:
                        seen.add(k)
                        details.append('    ' + l[len('disagreement '):][:300])
            details.append('')
        elif compared:
            details.append('keel and Hibernate agree on every table and sequence.\n')
        not_loaded = [l for l in facts if l.startswith('class not loaded ')]
        if not_loaded:
            details.append(f'{len(not_loaded)} classes of the jar did not load (missing optional dependencies); first: {not_loaded[0][:200]}\n')
    with open(out, 'w') as fh:
        fh.write('| project | entities | Hibernate | keel | keel tables | disagreements |\n|---|---|---|---|---|---|\n')
        fh.write('\n'.join(rows) + '\n\n' + '\n'.join(details) + '\n')


if __name__ == '__main__':
    if sys.argv[1] == 'libraries':
        libraries(sys.argv[2], *sys.argv[3:])
    elif sys.argv[1] == 'summary':
        summary(sys.argv[2], sys.argv[3])
    else:
        sys.exit(__doc__)
