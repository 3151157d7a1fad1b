"""The pipeline's speed-ups change nothing a rule sees: the lookup attribute ruler and
lemmatizer give spaCy's own annotations, and the lazy entity recognizer gives a sentence
the entities the eager one gives."""

from __future__ import annotations

from pathlib import Path

import pytest
import spacy
from hypothesis import given
from hypothesis import strategies as st
from spacy.tokens import Doc
from spacy.vocab import Vocab

from pitchlint.draft import PROSE_ZONES, parse_draft
from pitchlint.lookup_pipes import LookupAttributeRuler, LookupLemmatizer, use_lookup_pipes
from pitchlint.nlp import (
    _token_batches,
    components_for,
    entity_at,
    entity_type,
    load_pipeline,
    parse_drafts,
    resolve_model,
)

ROOT = Path(__file__).resolve().parents[1]
# the trained ruler's two-token patterns and operators (REGEX, NOT_IN), and curly quotes
TRICKY = [
    "There is a way. There are two ways, and there's a third.",
    "Ain't nothing wrong. We're gonna win, we gotta try. Let's talk! Y'all come. C'mon now.",
    "Nothin' doing. That which is done is done, but it was fine; I've been told.",
    "I’m sure you’ll see it’s what we’d do.  Two  spaces,\n\nand a blank line.",
]


def _texts() -> list[str]:
    files = sorted((ROOT / "samples").rglob("*.txt")) + sorted(
        (ROOT / "tests" / "fixtures" / "seed").glob("*.txt")
    )
    return [p.read_text(encoding="utf-8") for p in files] + TRICKY


def _annotations(doc: spacy.tokens.Doc) -> list[tuple[str, ...]]:
    return [(t.text, t.tag_, t.pos_, t.dep_, str(t.morph), t.lemma_) for t in doc]


@pytest.fixture(scope="module")
def pipelines() -> tuple[spacy.Language, spacy.Language]:
    model = resolve_model(None)
    spacys = spacy.load(model, exclude=["ner"])
    ours = spacy.load(model, exclude=["ner"])
    use_lookup_pipes(ours)
    return spacys, ours


def test_lookup_pipes_replace_the_trained_ones(pipelines: tuple[spacy.Language, spacy.Language]) -> None:
    _spacys, ours = pipelines
    assert isinstance(ours.get_pipe("attribute_ruler"), LookupAttributeRuler)
    assert isinstance(ours.get_pipe("lemmatizer"), LookupLemmatizer)


def test_lookup_pipes_give_spacys_annotations(pipelines: tuple[spacy.Language, spacy.Language]) -> None:
    spacys, ours = pipelines
    texts = _texts()
    assert len(texts) > 15
    for text in texts:
        for _ in range(2):  # the second pass reads the lookup caches the first one filled
            assert _annotations(ours(text)) == _annotations(spacys(text)), text[:60]


def test_the_two_token_patterns_apply(pipelines: tuple[spacy.Language, spacy.Language]) -> None:
    _spacys, ours = pipelines
    doc = ours("There is a way. We're gonna win.")
    assert doc[1].pos_ == "VERB"  # "is" after an expletive "There"
    assert [t.lemma_ for t in doc[7:9]] == ["go", "to"]


def _lazy_and_eager(text: str):  # type: ignore[no-untyped-def]
    model = resolve_model(None)
    components = components_for(["pos", "lemma", "dep", "ner"])
    zones = frozenset(PROSE_ZONES)
    (lazy,) = parse_drafts(load_pipeline(model, components, frozenset({"ner"})), [parse_draft(text)], zones)
    (eager,) = parse_drafts(load_pipeline(model, components), [parse_draft(text)], zones)
    return lazy, eager


def test_lazy_entities_match_the_eager_recognizer() -> None:
    text = (
        "Hi Dana,\n\nI saw Globex opened a warehouse in Reno last March.\n\n"
        "We cut filing time by 40% for Initech in Ohio.\n\nWorth a call on Tuesday?\n"
    )
    lazy, eager = _lazy_and_eager(text)
    assert not lazy.ents  # nothing recognised until a rule asks
    for token in lazy:
        assert entity_type(token) == eager[token.i].ent_type_, token.text
    assert [(e.start, e.end, e.label_) for e in lazy.ents] == [(e.start, e.end, e.label_) for e in eager.ents]
    march = next(t for t in lazy if t.text == "March")
    assert entity_at(march).text == "last March"


def test_lazy_entities_cover_only_the_sentence_asked_about() -> None:
    lazy, _eager = _lazy_and_eager("Hi Dana,\n\nWe met Globex in Reno.\n\nInitech is in Ohio.\n")
    reno = next(t for t in lazy if t.text == "Reno")
    assert entity_type(reno) == "GPE"
    labelled = {t.text for t in lazy if t.ent_type_}
    assert "Reno" in labelled and "Ohio" not in labelled


def test_matcher_prefilter_reads_only_required_words() -> None:
    from pitchlint.kinds.matchers import _required_words

    vocab = spacy.blank("en").vocab
    pattern = [
        {"LOWER": "never"},
        {"IS_PUNCT": False, "OP": "{1,6}"},
        {"LOWER": {"IN": ["again", "twice"]}},
        {"ORTH": "-", "OP": "?"},
        {"TEXT": {"REGEX": "^x$"}},
        {"LEMMA": "fix", "OP": "+"},
    ]
    required = [{vocab.strings[h] for h in options} for options in _required_words(pattern, vocab)]
    assert required == [{"never"}, {"again", "twice"}, {"fix"}]


def test_matcher_prefilter_skips_drafts_without_the_words_and_keeps_matches() -> None:
    from pitchlint.engine import Engine

    engine = Engine()
    absolute = next(r for r in engine.rules if r.id == "absolute-claims")
    engine = Engine(rules=[absolute])
    hit, miss = engine.check(
        [
            parse_draft("Hi Dana,\n\nWe guarantee results and eliminate all errors for good.\n"),
            parse_draft("Hi Dana,\n\nWe cut filing time by a third for Initech.\n"),
        ]
    )
    assert {f.rule for f in hit.findings} == {"absolute-claims"}
    assert not miss.findings


def test_matchers_of_the_patterns_a_draft_may_match_find_what_one_matcher_of_all_finds() -> None:
    """Each draft runs only the patterns whose words it has: over the samples and seed
    emails, every matcher rule finds the same spans, under the same keys, as one spaCy
    matcher holding all of the rule's patterns."""
    from spacy.matcher import DependencyMatcher, Matcher

    from pitchlint.engine import Engine
    from pitchlint.kinds.matchers import MatcherChecker
    from pitchlint.rules.schema import DependencyRule, PatternRule

    engine = Engine()
    rules = [r for r in engine.rules if isinstance(r.spec, (PatternRule, DependencyRule))]
    nlp = load_pipeline(resolve_model(None), components_for(["pos", "lemma", "dep"]))
    docs = list(parse_drafts(nlp, [parse_draft(t) for t in _texts()], frozenset(PROSE_ZONES)))
    compared = 0
    for rule in rules:
        checker = MatcherChecker(rule, nlp.vocab)
        every = Matcher(nlp.vocab)
        for i, pattern in enumerate(rule.spec.patterns):
            every.add(f"p{i}", [pattern.tokens])
        every_dep = DependencyMatcher(nlp.vocab)
        for i, pattern in enumerate(getattr(rule.spec, "dependency_patterns", [])):
            every_dep.add(f"d{i}", [pattern])
        for doc in docs:
            ctx = type("Ctx", (), {"doc": doc})()
            ours = sorted((span.start, span.end, key) for span, key in checker.spans(ctx))
            strings = nlp.vocab.strings
            expected = [(s, e, strings[m]) for m, s, e in every(doc)] if rule.spec.patterns else []
            expected += (
                [(min(t), max(t) + 1, strings[m]) for m, t in every_dep(doc)] if len(every_dep) else []
            )
            assert ours == sorted(expected), (rule.id, doc.text[:60])
            compared += bool(expected)
    assert compared >= 20  # the samples do hold matches, so the comparison means something


def test_built_once_keeps_a_detector_while_its_params_are_the_same() -> None:
    from pitchlint.params import built_once

    words = ["a", "b"]
    factory = type("Detector", (), {"__init__": lambda self, params: None})
    one = built_once(factory, {"words": words})
    assert built_once(factory, {"words": words}) is one  # a new dict, the same list
    assert built_once(factory, {"words": ["a", "b"]}) is not one  # another list


@given(lengths=st.lists(st.integers(0, 60), max_size=40), size=st.integers(1, 8), tokens=st.integers(1, 120))
def test_token_batches_keep_order_and_hold_no_more_than_their_budget(
    lengths: list[int], size: int, tokens: int
) -> None:
    vocab = Vocab()
    docs = [Doc(vocab, words=["w"] * n) for n in lengths]
    batches = list(_token_batches(docs, size, tokens))
    assert [d for batch in batches for d in batch] == docs
    for batch in batches:
        assert batch and len(batch) <= size
        assert len(batch) == 1 or sum(len(d) for d in batch) <= tokens  # a long draft goes alone


def test_parsing_in_token_batches_gives_the_one_batch_parse() -> None:
    """Batches bounded by tokens (so a run's peak memory does not grow with its longest
    drafts) annotate every draft as one batch of them all does."""
    model = resolve_model(None)
    nlp = load_pipeline(model, components_for(frozenset({"pos", "lemma", "dep"})), frozenset())
    drafts = [parse_draft(text) for text in _texts()]
    zones = frozenset(PROSE_ZONES)
    small = list(parse_drafts(nlp, drafts, zones, batch_tokens=50))
    whole = list(parse_drafts(nlp, drafts, zones, batch_size=len(drafts), batch_tokens=10**9))
    assert [_annotations(d) for d in small] == [_annotations(d) for d in whole]
