#!/usr/bin/env python3
"""The pairs of corpus articles that share their text, found without
imprint's detector (src/compare): every pair of articles, as `imprint
inspect` splits the sources, compared with difflib.SequenceMatcher over
their words (NFKC, lower case, \\w+ runs, the article's own title left out).
A pair shares its text when runs of at least 8 matching words cover half
of the larger article; it is "same" when the word lists are equal.

    python3 tests/golden/duplicates.py build/imprint editions/sources/*.txt \\
        > tests/golden/duplicates.txt
"""
import difflib
import itertools
import os
import re
import subprocess
import sys
import unicodedata
import xml.etree.ElementTree as ET

TEI = '{http://www.tei-c.org/ns/1.0}'
XML_ID = '{http://www.w3.org/XML/1998/namespace}id'


def articles(imprint, path):
    tei = subprocess.run([imprint, 'inspect', '-q', path], capture_output=True,
                         check=True).stdout
    root = ET.fromstring(tei)
    lines = {}
    for bibl in root.iter(TEI + 'bibl'):
        scope = bibl.find(TEI + 'biblScope')
        if bibl.get(XML_ID):
            lines['#' + bibl.get(XML_ID)] = scope.text if scope is not None else '0'
    for div in root.iter(TEI + 'div'):
        if div.get('type') != 'article':
            continue
        heads = div.findall(TEI + 'head')
        parts = [''.join(c.itertext()) for c in div if c not in heads[:1]]
        text = unicodedata.normalize('NFKC', ' '.join(parts)).lower()
        yield (os.path.basename(path) + ':' + lines[div.get('source')],
               re.findall(r'\w+', text))


def main():
    imprint, paths = sys.argv[1], sys.argv[2:]
    arts = [a for p in paths for a in articles(imprint, p)]
    found, closest = [], 0.0
    for (na, wa), (nb, wb) in itertools.combinations(arts, 2):
        sm = difflib.SequenceMatcher(None, wa, wb, autojunk=False)
        run = sum(b.size for b in sm.get_matching_blocks() if b.size >= 8)
        share = run / max(len(wa), len(wb), 1)
        if share >= 0.5:
            found.append((na, nb, wa == wb, share))
        else:
            closest = max(closest, share)
    print('# Pairs of articles of editions/sources that share their text, found by')
    print('# tests/golden/duplicates.py (difflib, independent of src/compare).')
    print('# Columns: kind, the earlier article, the later one (FILE:LINE).')
    for na, nb, same, share in found:
        print(f'# {na} {nb}: {share * 100:.1f}% of the larger in runs of 8+ words')
    print(f'# closest other pair: {closest * 100:.1f}%')
    for na, nb, same, share in found:
        print('same' if same else 'variant', na, nb)


if __name__ == '__main__':
    main()
