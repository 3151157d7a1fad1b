"""`template-sameness` keeps each email's summary in packed arrays: the MinHash signature it
computes with numpy is the formula's own, and the grouping of equal values (a band of a
signature, an opener's hash) finds exactly the groups a dict of lists finds."""

from __future__ import annotations

import os
import subprocess
import sys
from collections import defaultdict

import numpy
from hypothesis import given
from hypothesis import strategies as st

from pitchlint.across.sameness import _HASHES, _MASK, _SEEDS, _same_values, _signature, template_sameness
from pitchlint.draft import parse_draft
from pitchlint.inputs import EmailInput
from pitchlint.rules.loader import bundled_rules_dir, load_rules


@given(st.frozensets(st.integers(-(2**63), 2**63 - 1), min_size=3, max_size=40))
def test_the_signature_is_the_minhash_formula(items: frozenset[int]) -> None:
    expected = b"".join(
        min(((item * seed) ^ (seed >> 7)) & _MASK for item in items).to_bytes(8, "little") for seed in _SEEDS
    )
    assert _signature(items) == expected
    assert len(expected) == 8 * _HASHES


def test_fewer_than_three_shingles_have_no_signature() -> None:
    assert _signature(frozenset({1, 2})) is None


@given(
    st.lists(st.tuples(st.integers(0, 4), st.integers(0, 3), st.booleans()), max_size=60),
    st.booleans(),
)
def test_equal_values_are_grouped_as_a_dict_of_lists_groups_them(
    rows: list[tuple[int, int, bool]], two_columns: bool
) -> None:
    values = numpy.array([(a, b) if two_columns else (a,) for a, b, _ in rows], dtype=numpy.uint64)
    values = values.reshape(len(rows), 2 if two_columns else 1)
    if not two_columns:
        values = values.reshape(-1)
    present = numpy.array([p for *_v, p in rows], dtype=bool)
    expected: dict[tuple[int, ...], list[int]] = defaultdict(list)
    for index, (a, b, kept) in enumerate(rows):
        if kept:
            expected[(a, b) if two_columns else (a,)].append(index)
    groups = sorted(g for g in expected.values() if len(g) > 1)
    assert sorted(_same_values(values, present)) == groups


def _email(n: int, opener: str, body: str) -> EmailInput:
    return EmailInput(
        parse_draft(f"Subject: Note {n}\n\nHi Sam,\n\n{opener} {body}\n\nBest,\nAl\n"), f"e{n}.txt"
    )


def test_the_rule_finds_near_duplicate_bodies_and_shared_openers_and_leaves_the_rest() -> None:
    rule = next(r for r in load_rules([bundled_rules_dir()], with_spacy=False) if r.id == "template-sameness")
    pitch = (
        "We help finance teams close their books faster by matching invoices to purchase orders "
        "automatically, and most teams see the difference within the first month of using it."
    )
    emails = [
        *(_email(n, "Saw your team is hiring two accountants this quarter.", pitch) for n in range(3)),
        *(
            _email(n, "I wanted to reach out about your renewal next week.", f"Point {n}: {w}")
            for n, w in [
                (3, "your contract ends soon."),
                (4, "pricing changes in May."),
                (5, "a new seat plan is ready."),
            ]
        ),
        _email(6, "Congratulations on the new office in Reno.", "Would a short call on logistics help?"),
    ]
    found = dict(template_sameness(rule, {}, emails, [], ()))
    assert sorted(found) == [0, 1, 2, 3, 4, 5]
    assert all("body is nearly the same as 2 other" in found[i].message for i in range(3))
    assert all("open with this sentence" in found[i].message for i in (3, 4, 5))


def test_a_bodys_shingles_are_the_same_in_every_process() -> None:
    """Python's string hash is salted per process; with it, which MinHash bands a body falls in,
    and so which near-duplicate groups form, changed from one run to the next."""
    code = (
        "from pitchlint.across.sameness import mask, shingles; "
        "print(sorted(shingles(mask('Hi Sam, we cut onboarding time for three teams like yours.'))))"
    )
    seen = {
        subprocess.run(
            [sys.executable, "-c", code],
            env={**os.environ, "PYTHONHASHSEED": seed},
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        for seed in ("1", "2", "3")
    }
    assert len(seen) == 1 and next(iter(seen)).count(",") >= 5
