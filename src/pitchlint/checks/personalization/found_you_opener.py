"""`found-you-opener` (rules/personalization/found-you-opener.yaml): Flags the mass mailer's opener:
"I came across your website", "I ran into your site", "I saw your profile on LinkedIn", where what
the sender "found" is the reader's site, blog or profile as a whole, with nothing they read in it.
"""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Token

from pitchlint.analysis import lexicon as lx
from pitchlint.analysis.reader import SPECIFICS_DEFAULTS, Reader, Specifics
from pitchlint.checks import check
from pitchlint.checks._shared.reader_facts import researched
from pitchlint.context import RuleContext
from pitchlint.findings import Finding
from pitchlint.params import word_set
from pitchlint.rules.loader import LoadedRule
from pitchlint.rules.params import RuleParams


class Params(RuleParams):
    """`params` of found-you-opener.yaml, checked: a key not here is an error."""

    sentences: int
    generic_objects: list[str]


# verb lemma -> the particles it needs to mean "found" (empty: none needed)
_FINDING_VERBS: dict[str, tuple[str, ...]] = {
    "come": ("across", "upon"),
    "stumble": ("across", "upon", "on", "onto"),
    "run": ("into", "across"),
    "land": ("on",),
    "happen": ("upon", "across"),
    "find": (),
    "see": (),
    "visit": (),
    "browse": (),
    "discover": (),
    "read": (),
    "review": (),
    "check": ("out",),
    "look": ("at", "through"),
    "go": ("through",),
}


class _Finder:
    def __init__(self, ctx: RuleContext, params: dict) -> None:  # type: ignore[type-arg]
        self.specifics = Specifics(ctx.analysis, {})
        self.reader = Reader.of(ctx.analysis)
        self.generic = word_set(params, "generic_objects") | frozenset(SPECIFICS_DEFAULTS["generic_nouns"])
        self.platforms = frozenset(SPECIFICS_DEFAULTS["platforms"])

    def found_object(self, verb: Token) -> Token | None:
        """The generic thing of the reader's the verb says the sender found, if any."""
        lemma = verb.lemma_.lower()
        if lemma not in _FINDING_VERBS or verb.tag_ == "VB":
            return None  # "visit our site", "I'd love to see": not something found
        subject = self.reader.subject_of(verb)
        if subject is not None and subject.lower_ not in lx.SELLER_PRONOUNS:
            return None
        particles = _FINDING_VERBS[lemma]
        preps = [c for c in verb.children if c.dep_ in ("prep", "prt")]
        if particles and not any(p.lower_ in particles for p in preps):
            return None
        objects = [c for c in verb.children if c.dep_ == "dobj"]
        objects += [
            o for p in preps if not particles or p.lower_ in particles for o in p.children if o.dep_ == "pobj"
        ]
        # "seen your blog https://...": the parser hangs the noun on the address
        objects += [n for c in verb.children if c.like_url for n in c.children if n.dep_ == "nsubj"]
        for obj in objects:
            if self._generic_reader_thing(obj):
                return obj
        return None

    def _generic_reader_thing(self, noun: Token) -> bool:
        """ "your website", "your blog http://...", "your profile on GitHub", "you on LinkedIn"."""
        if noun.lower_ in ("you", "u"):
            places = [
                o for p in noun.head.children if p.dep_ == "prep" for o in p.children if o.dep_ == "pobj"
            ]
            return any(o.lower_ in self.platforms for o in places)
        if noun.pos_ not in ("NOUN", "PROPN") or not self.reader.possessed(noun):
            return False
        if noun.lemma_.lower() not in self.generic and noun.lower_ not in self.generic:
            return False
        words = [t for t in noun.subtree if t.i != noun.i and t.lower_ not in lx.READER_POSSESSIVES]
        return not any(self.specifics.specific(t) and t.lower_ not in self.platforms for t in words)


@check("found-you-opener")
def found_you_opener(ctx: RuleContext, rule: LoadedRule) -> Iterator[Finding]:
    params = ctx.params_for(rule)
    if researched(ctx, {}):
        return
    finder = _Finder(ctx, params)
    window = int(params.get("sentences", 3))
    for sent in ctx.analysis.body_sentences[:window]:
        for token in sent:
            if token.pos_ != "VERB":
                continue
            found = finder.found_object(token)
            if found is not None:
                last = max(found.subtree, key=lambda t: t.i) if found.lower_ not in ("you", "u") else found
                yield ctx.finding(rule, token.idx, last.idx + len(last.text))
                return
