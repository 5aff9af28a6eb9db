"""One label per equation across the book, and no reference to a missing one.

An equation carries its label with ``\\tag{4.3}``: chapter 4's third. Each
chapter numbers its equations in its own sequence, and a page that is not a
numbered chapter (an appendix) uses a letter (``A.1``), so a label names one
equation of the whole book. A reference is a label in parentheses, in the
prose or in a code comment: ``(4.3)``, ``# (4.3)``.
"""

import re
from collections import defaultdict

from scripts import page as pages

TAG = re.compile(r"\\tag\{(?P<label>[^}]*)\}")
REFERENCE = re.compile(r"\((?P<label>(?:\d{1,2}|[A-Z])\.\d{1,2})\)")


def readable_text(page):
    """Return the page's prose and the comments of its code, one per line."""
    lines = page.text.splitlines()
    for block in page.blocks:
        for number in range(block.start, block.end - 1):
            _, _, comment = lines[number].partition("#")
            lines[number] = comment
    return lines


def labels_and_references():
    tags, references = defaultdict(list), []
    for path in pages.pages():
        page = pages.read(path)
        for number, line in enumerate(readable_text(page), 1):
            for match in TAG.finditer(line):
                tags[match["label"]].append(f"{page.name}:{number}")
            for match in REFERENCE.finditer(TAG.sub("", line)):
                references.append((match["label"], f"{page.name}:{number}"))
    return tags, references


def test_every_label_is_used_once_and_by_its_own_chapter():
    tags, _ = labels_and_references()
    assert len(tags) > 40
    twice = {label: places for label, places in tags.items() if len(places) > 1}
    assert not twice, f"labels used more than once: {twice}"
    wrong = {}
    for label, (place,) in tags.items():
        chapter = re.match(r"docs/(\d\d)-", place)
        prefix = label.split(".")[0]
        expected = prefix.isdigit() and chapter and int(chapter[1]) == int(prefix)
        if not (expected or (not chapter and prefix.isalpha())):
            wrong[label] = place
    assert not wrong, f"labels outside their chapter's sequence: {wrong}"


def test_every_reference_names_a_label_that_exists():
    tags, references = labels_and_references()
    missing = [(label, place) for label, place in references if label not in tags]
    assert not missing, f"references to labels that no equation has: {missing}"


def test_the_reader_of_references_skips_code_but_reads_comments():
    page = pages.parse("```python\nx = f(2.5)  # (4.1)\n```\n", "docs/04-t.md")
    assert readable_text(page)[1].strip() == "(4.1)"
