"""Detection against real header rows from real tools (tests/corpus.py): fields wrong and missed."""

from __future__ import annotations

import collections

import pytest

from leadspace_cli.api import fields
from leadspace_cli.mapping.detect import detect
from tests.corpus import CORPUS, Export


def score(export: Export) -> tuple[list[str], list[str], int]:
    """Return (fields wrong, fields missed, fields expected) for one header row."""
    detected = detect(export.header).fields
    wrong: list[str] = []
    missed: list[str] = []
    expected = 0
    for path, column in detected.items():
        want = export.expect.get(path, export.optional.get(path))
        ok = (want,) if isinstance(want, str) else want or ()
        if column not in ok:
            wrong.append(f"{path} = {column!r} (want {want!r})")
    for path, want in export.expect.items():
        if want is None:
            continue
        expected += 1
        if path not in detected:
            missed.append(f"{path} (want {want!r})")
    return wrong, missed, expected


def test_the_corpus_is_what_the_issue_asks() -> None:
    tools = collections.Counter(e.tool for e in CORPUS)
    assert len(CORPUS) >= 30
    assert len(tools) >= 15
    for e in CORPUS:
        assert e.source.startswith(("repo: ", "code: ")), e.source
        assert len(set(e.header)) == len(e.header), e.what
        for path, want in e.expect.items():
            assert path in fields.REQUEST_PATHS, path
            for column in (want,) if isinstance(want, str) else want or ():
                assert column in e.header, (e.tool, e.what, column)


@pytest.mark.parametrize("export", CORPUS, ids=[f"{e.tool}: {e.what}" for e in CORPUS])
def test_detection_never_sends_a_wrong_column(export: Export) -> None:
    wrong, _, _ = score(export)
    assert not wrong, wrong


def test_detection_fills_what_a_person_would(capsys: pytest.CaptureFixture[str]) -> None:
    per_tool: dict[str, list[int]] = collections.defaultdict(lambda: [0, 0, 0, 0])
    all_missed: list[str] = []
    for e in CORPUS:
        wrong, missed, expected = score(e)
        row = per_tool[e.tool]
        row[0] += 1
        row[1] += expected
        row[2] += len(wrong)
        row[3] += len(missed)
        all_missed += [f"{e.tool} ({e.what}): {m}" for m in missed]
    with capsys.disabled():
        print("\ntool: header rows, fields expected, wrong, missed")
        for tool, (n, expected, wrong_n, missed_n) in sorted(per_tool.items()):
            print(f"  {tool}: {n}, {expected}, {wrong_n}, {missed_n}")
    total = sum(r[1] for r in per_tool.values())
    missed_total = sum(r[3] for r in per_tool.values())
    assert missed_total <= total * 0.03, all_missed  # leave out little that a person would fill
