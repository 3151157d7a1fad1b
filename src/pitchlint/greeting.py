"""The greeting line read as structure: a salutation ("Hi", "Dear", "{Hi|Hey}"), an addressee
(a name, a merge tag, a role noun, or nothing) and the punctuation that closes it.

Computed once per draft (`Draft.greeting`) and shared by the rules that judge who the email is
addressed to: merge-field-artifacts (a name slot that rendered blank or wrong: "Hi ,",
"Hello james,", "Hi Acme Inc,") and generic-salutation ("Dear Webmaster", "Hi there"). Works on
the text alone, so the draft parser can use it to end the greeting zone where the greeting ends,
on the same line as the body ("Hi Sam, quick question ...") or at the end of its own line.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import Literal

from pitchlint.mergetags import find_spintax

GreetingKind = Literal["name", "merge-tag", "generic", "group", "blank", "none"]

_SALUTATION_RE = re.compile(
    r"(?:to whom it may concern|good (?:morning|afternoon|evening|day)|greetings|hello|hallo|"
    r"hiya|heya|howdy|hey|hi|dear)(?![\w'’]|-\w)",
    re.I,
)
_LEAD_RE = re.compile(r"[ \t*_\u200b\u200d\ufeff]*")  # markdown emphasis, zero-width marks
# a closing mark: a comma or semicolon anywhere; "!", "?", ":" and "." only before a space, the
# line end or markup (so "https://..." and "stavros.io" stay one word); a dash between spaces
_TERMINATOR_RE = re.compile(r"[ \t]*(?:[,;]+|[!?:.]+(?=[\s*_]|$)|(?<=\s)(?:-+|–|—)(?=\s|$)|—|–)", re.M)
_WORD_RE = re.compile(r"(?:[^\s,;!?:.—–]|[!?:.](?![\s*_]|$))+\.?")
# a period that belongs to its word: a title ("Dr."), an initial ("Charles H."), "St."
_ABBREVIATION_RE = re.compile(r"(?:mr|mrs|ms|mx|dr|prof|st|jr|sr|[A-Z])\.", re.I)
# courtesy titles before a name ("Dear Dr. Ruiz"): not the name itself
TITLES = frozenset({"mr", "mrs", "ms", "miss", "mx", "dr", "prof", "professor", "sir", "madam"})
# addressees that name a group the sender does know ("Hi team", "Hi Acme team", "Hi all")
_GROUP_NOUNS = frozenset(
    {"team", "all", "everyone", "everybody", "folks", "guys", "y'all", "y’all", "both", "crew", "gang"}
)
# addressees that name a role or nobody: the sender knows the inbox, not the person
_ROLE_NOUNS = frozenset(
    {
        "there",
        "you",
        "dear",
        "sir",
        "sirs",
        "madam",
        "madame",
        "mam",
        "ma'am",
        "ma’am",
        "gentlemen",
        "ladies",
        "friend",
        "friends",
        "colleague",
        "colleagues",
        "partner",
        "partners",
        "customer",
        "customers",
        "client",
        "clients",
        "member",
        "members",
        "reader",
        "readers",
        "subscriber",
        "subscribers",
        "user",
        "users",
        "owner",
        "owners",
        "admin",
        "administrator",
        "webmaster",
        "editor",
        "editors",
        "blogger",
        "bloggers",
        "writer",
        "author",
        "journalist",
        "reporter",
        "producer",
        "publisher",
        "manager",
        "director",
        "recruiter",
        "founder",
        "maintainer",
        "maintainers",
        "creator",
        "developer",
        "developers",
        "marketer",
        "entrepreneur",
        "professional",
        "investor",
        "concern",
        "representative",
        "officer",
        "executive",
        "hr",
        "ceo",
        "cto",
        "cmo",
    }
)


def is_role_noun(word: str) -> bool:
    """A word that addresses a role, not a person ("editor", "webmaster", "partner")."""
    return word.lower() in _ROLE_NOUNS and word.lower() not in ("there", "you", "dear", "concern")


# words that tie an addressee together ("Sir or Madam", "owner of example.com") or soften it
_CONNECTORS = frozenset({"and", "or", "&", "/", "of", "at", "from", "in", "the", "my", "our", "again"})
_LEGAL_SUFFIXES = frozenset(
    {"inc", "llc", "ltd", "limited", "corp", "corporation", "co", "plc", "gmbh", "ag", "sa", "pty", "lp"}
)
_EMAIL_RE = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
_DOMAIN_RE = re.compile(r"(?:https?://)?(?:[\w-]+\.)+[a-z]{2,}(?:/\S*)?")
# what a sending tool leaves when a field was never filled: "FNAME", "FIRST_NAME", "firstName",
# "XXX", "[blogger]", "<name>", "{first_name"
_FIELD_NAME_RE = re.compile(
    r"(?:[FL]|FIRST|LAST|FULL|CONTACT|RECIPIENT|PROSPECT|COMPANY)?[ _]?(?:NAME|COMPANY)|X{2,}|x{3,}"
    r"|[a-z]+_[a-z_]+|[A-Z]+_[A-Z_]+|(?:first|last|full|contact)Name",
)
_PLACEHOLDER_MARKS_RE = re.compile(r"^[\[<{%]|^\*\||[\]>}%]$|\|\*$")
_REDACTION_RE = re.compile(r"^\*{2,}$|redact|withheld|deleted|removed", re.I)


@dataclass(frozen=True)
class Greeting:
    """Who the greeting addresses. `kind`: name, merge-tag, generic (a role or "there"), group
    ("Hi team"), blank (a salutation and nothing else) or none (no greeting line). `start`/`end`
    span the greeting zone; `salutation` and `addressee` are spans inside it. `defect` says how a
    merge rendered wrong ("a blank where the name should be"), None when it did not."""

    kind: GreetingKind
    start: int = 0  # start == end: a salutation run into the first sentence, no zone of its own
    end: int = 0
    salutation: tuple[int, int] | None = None
    addressee: tuple[int, int] | None = None
    defect: str | None = None


NO_GREETING = Greeting("none")


def read_greeting(text: str, start: int, end: int, tags: Sequence[tuple[int, int]] = ()) -> Greeting:
    """The greeting at `start` (the first character of the email's first line), or NO_GREETING.
    `tags` are the draft's merge-tag spans, read as single words."""
    line_end = text.find("\n", start, end)
    line_end = end if line_end == -1 else line_end
    pos = _LEAD_RE.match(text, start, line_end).end()  # type: ignore[union-attr]
    salutation = _salutation_at(text, pos, line_end, tags)
    if salutation is None:
        return _vocative(text, pos, line_end, tags)
    after = salutation[1]
    comma = re.match(r"[ \t]*,[ \t]*", text[after:line_end])
    words = _addressee_words(text, after, line_end, tags, after_comma=bool(comma))
    if text[salutation[0] : salutation[1]].lower() == "to whom it may concern":
        words = []
    close = _close(text, words[-1][1] if words else after, line_end, tags)
    if close is None or not _is_addressee(text, words, tags):
        # the body runs on without punctuation ("Hello my name is ...", "Hi Sam thanks for
        # ..."): the greeting is the salutation and the name-shaped words that follow it
        words = _name_prefix(text, words, tags)
        # with no name either ("Good day how are you?"), the salutation is part of the first
        # sentence: the fact stays (a salutation to nobody), the greeting zone is empty
        close = words[-1][1] if words else pos
    greeting = Greeting("blank", pos, close, salutation, None)
    return _classified(text, greeting, words, tags)


def _is_addressee(text: str, words: list[tuple[int, int]], tags: Sequence[tuple[int, int]]) -> bool:
    """Words that can stand between a salutation and its comma: a short vocative ("james"),
    names, tags and connectors ("Sir or Madam"), or a role with its modifiers ("site owner of
    example.com")."""
    if len(words) <= 2:
        return True
    lowered = [text[s:e].strip("*_").lower() for s, e in words]
    pairs = zip(words, lowered, strict=True)
    if all(_is_name_shaped(text, s, e, tags) or w in _CONNECTORS for (s, e), w in pairs):
        return True
    return len(words) <= 5 and _head(lowered) in _ROLE_NOUNS | _GROUP_NOUNS


def _name_prefix(
    text: str, words: list[tuple[int, int]], tags: Sequence[tuple[int, int]]
) -> list[tuple[int, int]]:
    prefix: list[tuple[int, int]] = []
    for start, end in words:
        if not _is_name_shaped(text, start, end, tags) and text[start:end].lower() not in _CONNECTORS:
            break
        if prefix and prefix[-1] in tags and (start, end) not in tags:
            break  # "Hey {FIRST_NAME} Would anyone ...": the tag was the whole name
        prefix.append((start, end))
    while prefix and text[prefix[-1][0] : prefix[-1][1]].lower() in _CONNECTORS:
        prefix.pop()
    return prefix


def _salutation_at(
    text: str, pos: int, line_end: int, tags: Sequence[tuple[int, int]]
) -> tuple[int, int] | None:
    """ "Hi", "Good morning", or a spintax group whose first variant is one ("{Hi|Hey}")."""
    match = _SALUTATION_RE.match(text, pos, line_end)
    if match:
        return match.span()
    group = next((g for g in find_spintax(text[pos:line_end]) if g.start == 0), None)
    if group is None:
        return None
    first_start, first_end = group.variants[0]
    if _SALUTATION_RE.fullmatch(text[pos + first_start : pos + first_end].strip()):
        return pos, pos + group.end
    return None


def _vocative(text: str, pos: int, line_end: int, tags: Sequence[tuple[int, int]]) -> Greeting:
    """No salutation: a merge tag opening the email as a vocative ("{{firstName}}, quick
    question", "{FIRST_NAME} - ...") or a name alone on its line ("Wayne --")."""
    tag = next(((s, e) for s, e in tags if s == pos), None)
    if tag is not None:
        close = re.match(r"[ \t]*(?:,|-+|–|—)", text[tag[1] : line_end])
        if close:
            return Greeting("merge-tag", pos, tag[1] + close.end(), None, tag)
        return NO_GREETING
    alone = re.match(r"([A-Z][a-z]+)[ \t]*(?:,|--|—|–)[ \t]*\r?$", text[pos:line_end])
    if alone:
        return Greeting("name", pos, pos + alone.end(), None, (pos, pos + alone.end(1)))
    return NO_GREETING


def _addressee_words(
    text: str, pos: int, line_end: int, tags: Sequence[tuple[int, int]], after_comma: bool
) -> list[tuple[int, int]]:
    """The words between the salutation and its closing mark (a merge tag is one word). After
    "Hi," only name-shaped words count: "Hey, Una!" greets Una, "Hi, thanks for ..." nobody."""
    words: list[tuple[int, int]] = []
    i = pos
    if after_comma:
        i = text.index(",", pos) + 1
    while i < line_end:
        gap = re.match(r"[ \t]*", text[i:line_end]).end()  # type: ignore[union-attr]
        i += gap
        if i >= line_end or (_TERMINATOR_RE.match(text, i, line_end) and not _tag_at(tags, i)):
            break
        tag = _tag_at(tags, i)
        if tag is not None:
            words.append(tag)
            i = tag[1]
            continue
        word = _WORD_RE.match(text, i, line_end)
        if word is None:
            break
        w_end = word.end()
        if text[w_end - 1] == "." and not _ABBREVIATION_RE.fullmatch(text[i:w_end].lstrip("*_")):
            w_end -= 1  # "Hi Steve. My name ..." ends at the period
        if w_end <= i:
            break
        words.append((i, w_end))
        i = w_end
        if len(words) > 6:
            break
    if after_comma and words and not all(_is_name_shaped(text, s, e, tags) for s, e in words):
        return []
    return words


def _close(text: str, pos: int, line_end: int, tags: Sequence[tuple[int, int]]) -> int | None:
    """Where the greeting closes after its last word: its punctuation (a list of names goes on
    after a comma: "Hi Sam, Priya,"), the line end, or None when prose follows."""
    if not text[pos:line_end].strip():
        return pos
    mark = _TERMINATOR_RE.match(text, pos, line_end)
    if mark is None:
        # a tag that ends a greeting with no comma: "Hey {FIRST_NAME} Would anyone ..."
        return pos if any(e == pos for _, e in tags) else None
    end = mark.end()
    more = _MORE_NAMES_RE.match(text[end:line_end])
    if text[mark.start() : end].strip() == "," and more:
        return _close(text, end + more.start(2), line_end, tags)
    return end


# more names after a comma, up to the next comma or the line end: "Hi Sam, Priya and Dev,"
_MORE_NAMES_RE = re.compile(r"[ \t]*([A-Z][\w'’-]*(?:[ \t]+(?:[A-Z][\w'’-]*|and|&)){0,2})[ \t]*(,|$)")


def _tag_at(tags: Sequence[tuple[int, int]], i: int) -> tuple[int, int] | None:
    return next(((s, e) for s, e in tags if s == i), None)


def _is_name_shaped(text: str, start: int, end: int, tags: Sequence[tuple[int, int]]) -> bool:
    """A word that can address someone: a tag, a capitalised word, an @handle, a role word."""
    word = text[start:end].strip("*_")
    return (
        (start, end) in tags
        or word[:1].isupper()
        or word[:1] in "@[<{*%"
        or word.lower() in _ROLE_NOUNS | _GROUP_NOUNS
        or bool(_EMAIL_RE.fullmatch(word) or _DOMAIN_RE.fullmatch(word))
    )


def _classified(
    text: str, greeting: Greeting, words: list[tuple[int, int]], tags: Sequence[tuple[int, int]]
) -> Greeting:
    """Name the addressee's kind from its words (and its defect, when a merge rendered wrong)."""
    salutation = greeting.salutation
    assert salutation is not None
    sal_text = text[salutation[0] : salutation[1]]
    if sal_text.lower() == "to whom it may concern":
        return replace(greeting, kind="generic", addressee=salutation)
    cleaned = [(s, e) if (s, e) in tags else _strip_marks(text, s, e) for s, e in words]
    lowered = [text[s:e].lower() for s, e in cleaned]
    if lowered and lowered[0] == "from":  # "Hello from Barbara!": the sender, not the reader
        return replace(greeting, kind="blank")
    while cleaned and lowered[-1] in _CONNECTORS:
        cleaned, lowered = cleaned[:-1], lowered[:-1]
    while cleaned and lowered[0] in _CONNECTORS:
        cleaned, lowered = cleaned[1:], lowered[1:]
    if not cleaned:
        return replace(greeting, defect=_blank_defect(text, greeting))
    span = (cleaned[0][0], cleaned[-1][1])
    addressed = replace(greeting, addressee=span)
    if any(c in tags for c in cleaned):
        return replace(addressed, kind="merge-tag")
    placeholder = next((text[s:e] for s, e in cleaned if _is_placeholder(text[s:e])), None)
    if placeholder is not None:
        return replace(addressed, kind="blank", defect="an unfilled placeholder where the name should be")
    if all(w.strip(".") in TITLES - {"sir", "madam"} for w in lowered):
        return replace(addressed, kind="blank", defect="a title with no name after it")
    head = _head(lowered)
    if head in _GROUP_NOUNS:
        return replace(addressed, kind="group")
    if head in _ROLE_NOUNS or head in TITLES:
        return replace(addressed, kind="generic")
    return replace(addressed, kind="name", defect=_name_defect(text[span[0] : span[1]], lowered, sal_text))


def _strip_marks(text: str, start: int, end: int) -> tuple[int, int]:
    """ "*Hi Stravros,*": markdown emphasis is not part of the name (a "***" redaction is)."""
    if not text[start:end].strip("*_"):
        return start, end
    while start < end and text[start] in "*_":
        start += 1
    while end > start and text[end - 1] in "*_":
        end -= 1
    return start, end


def _head(lowered: list[str]) -> str:
    """The addressee's head word: the last before "of"/"at" ("owner of example.com"), split at
    "/" ("Sir/Madam")."""
    core = lowered
    for i, word in enumerate(lowered):
        if i and word in ("of", "at", "in"):
            core = lowered[:i]
            break
    return core[-1].split("/")[-1].strip(".'’")


def _is_placeholder(word: str) -> bool:
    if _REDACTION_RE.search(word) or re.search(r"[.@]|://", word):
        return False
    return bool(_PLACEHOLDER_MARKS_RE.search(word) or _FIELD_NAME_RE.fullmatch(word.strip("*_")))


def _blank_defect(text: str, greeting: Greeting) -> str | None:
    """ "Hi ," or "Hi ,,": the space or the second comma is where a name rendered empty."""
    assert greeting.salutation is not None
    closing = text[greeting.salutation[1] : greeting.end]
    if re.fullmatch(r"[ \t]+,+|[ \t]*,[ \t]*,+", closing):
        return "a blank where the name should be"
    return None


def _name_defect(name: str, lowered: list[str], salutation: str) -> str | None:
    """A field that rendered to the wrong thing: an email address, a website, a company's legal
    name, or a name in the lowercase a CRM export pastes in after a capitalised "Hello"."""
    if _REDACTION_RE.search(name):
        return None
    if _EMAIL_RE.search(name):
        return "an email address where the name should be"
    if all(_DOMAIN_RE.fullmatch(w.strip("<>()")) for w in lowered):
        return "a website where the name should be"
    if len(lowered) >= 2 and lowered[-1].strip(".,") in _LEGAL_SUFFIXES:
        return "a company name where the name should be"
    if salutation[:1].isupper() and re.fullmatch(r"[a-z][a-z'’-]+", name):
        return "a name in lowercase, as a mail merge pastes it"
    return None
