"""Choosing among the columns that name one field, by the rows' values or the header alone, and naming
every choice in the mapping's notes."""

from __future__ import annotations

from collections.abc import Callable

from leadspace_cli.mapping.spec import Mapping

_HOW = "pass a mapping (`leadspace mapping init INPUT -o mapping.toml` writes one)"


def _header_choice(path: str, options: list[str]) -> str:
    others = ", ".join(repr(c) for c in options[1:])
    return f"{options[0]!r} and {others} look like {path}: {options[0]!r} is sent. To send another, {_HOW}."


def _choose(mapping: Mapping, values: Callable[[str], list[str]], sampled: bool, more: bool = False) -> None:
    """Choose among the columns that name each field by their values; name every choice.

    Without rows (``sampled`` false) each choice is named from the headers alone (detect() does);
    with rows, those notes give way to the choice the values make. A field whose columns are all
    empty in the rows read is left out only where those rows are the whole input (``more`` false):
    a file's later rows may fill it (an empty cell sends nothing, and costs nothing).
    """
    how = _HOW
    for path in list(mapping.fields):
        chosen = mapping.columns_of(path)
        options = list(dict.fromkeys([*chosen, *mapping.candidates.get(path, [])]))
        if len(options) > 1 and sampled:
            header_note = _header_choice(path, options)
            mapping.notes[:] = [n for n in mapping.notes if n != header_note]
        if len(options) == 1 and not sampled:
            continue
        if not sampled:
            mapping.notes.append(_header_choice(path, options))
            continue
        filled = {c: [bool(v.strip()) for v in values(c)] for c in options}
        with_values = [c for c in options if any(filled[c])]
        if not with_values and more:
            mapping.fields[path] = options[0] if len(options) == 1 else options
            one = len(options) == 1
            mapping.notes.append(
                f"{', '.join(repr(c) for c in options)} {'is' if one else 'are'} empty in the first "
                f"rows: sent as {path} where later rows fill {'it' if one else 'them'}."
            )
            continue
        if not with_values:
            del mapping.fields[path]
            mapping.notes.append(
                f"{', '.join(repr(c) for c in options)} {'is' if len(options) == 1 else 'are'} "
                f"empty in the rows read: {path} is not sent."
            )
            continue
        first, used = with_values[0], [with_values[0]]
        covered = filled[first]
        for column in with_values[1:]:
            if any(f and not c for f, c in zip(filled[column], covered, strict=True)):
                used.append(column)
                covered = [f or c for f, c in zip(filled[column], covered, strict=True)]
        empty = [c for c in options if c not in with_values]
        if more and empty:
            # Empty in the rows read, but the input goes on (a second export appended, JSON Lines of
            # another shape later): each is sent where the columns before it leave a row empty.
            used += empty
            mapping.notes.append(
                f"{', '.join(repr(c) for c in empty)} {'is' if len(empty) == 1 else 'are'} empty in the "
                f"first rows: sent as {path} where later rows fill {'it' if len(empty) == 1 else 'them'} "
                f"and {' or '.join(repr(c) for c in with_values)} {'is' if len(with_values) == 1 else 'are'} "
                "empty."
            )
        mapping.fields[path] = used[0] if len(used) == 1 else used
        if len(used) > len(with_values) and len(with_values) == 1:
            continue
        if len(used) > 1:
            mapping.notes.append(
                f"{path}: the first non-empty of {', '.join(repr(c) for c in used)} is sent (each fills "
                f"rows the one before leaves empty). To send one only, {how}."
            )
        elif first != options[0]:
            mapping.notes.append(
                f"{', '.join(repr(c) for c in empty)} {'is' if len(empty) == 1 else 'are'} empty in the rows "
                f"read: {first!r} is sent as {path}."
            )
        elif len(with_values) > 1:
            others = ", ".join(repr(c) for c in with_values[1:])
            mapping.notes.append(
                f"{first!r} and {others} both look like {path}: {first!r} is sent. To send another, {how}."
            )
