"""Who the seller is: the names that make "Shipfast is the #1 rated ..." the seller talking.

Agency classes a subject as the seller's when it is "I"/"we"/"our X" or one of the seller's
names. The names come from config and front matter when they give them; otherwise from what
the email itself says about its sender:

- the `From:` header of a saved email: "Dana Ruiz <dana@shipfast.io>" gives the sender "Dana
  Ruiz" and the company "shipfast" (from the domain, never from a free-mail one like gmail.com);
- the signature zone: a company line ("Shipfast Inc."), "Dana | Shipfast", "CEO, Shipfast",
  "Head of Sales at Shipfast", the domain of an email address or a URL there, and the name
  line under the sign-off;
- else the sender's self-introduction in the body: "My name is Dana, from Shipfast", "here at
  Shipfast, we ...".

The reader's names (front matter `recipient`, the greeting's name) are never taken.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass

from pitchlint.draft import Draft
from pitchlint.mergetags import find_merge_tags

# mailbox providers: their domain says nothing about the sender's company
FREE_MAIL = frozenset(
    {
        "gmail",
        "googlemail",
        "yahoo",
        "ymail",
        "rocketmail",
        "outlook",
        "hotmail",
        "live",
        "msn",
        "aol",
        "icloud",
        "me",
        "mac",
        "proton",
        "protonmail",
        "pm",
        "gmx",
        "mail",
        "email",
        "yandex",
        "zoho",
        "zohomail",
        "qq",
        "163",
        "126",
        "fastmail",
        "hey",
        "tutanota",
        "tuta",
        "web",
        "comcast",
        "verizon",
        "att",
        "sbcglobal",
        "btinternet",
        "orange",
        "free",
        "laposte",
        "libero",
        "rediffmail",
        "naver",
        "inbox",
        "example",
    }
)
# sites whose address in a signature is a profile or a booking page, not the company's own
_PLATFORMS = frozenset(
    {
        "linkedin",
        "twitter",
        "x",
        "facebook",
        "instagram",
        "youtube",
        "tiktok",
        "github",
        "medium",
        "substack",
        "calendly",
        "cal",
        "savvycal",
        "chilipiper",
        "hubspot",
        "zoom",
        "google",
        "bit",
        "tinyurl",
        "linktr",
        "wa",
        "t",
    }
)
# second-level labels of country domains: the company is the label before them (acme.co.uk)
_SECOND_LEVEL = frozenset({"co", "com", "org", "net", "ac", "gov", "edu"})
# "getshipfast.com", "tryacme.io", "acmehq.com": the brand inside the domain
_DOMAIN_AFFIXES = (
    re.compile(r"^(?:get|try|use|join|hello|go|meet)(?=[a-z0-9]{3,}$)"),
    re.compile(r"(?<=[a-z]{3})(?:hq|app)$"),
)
_ROLE_WORDS = frozenset(
    {
        "ceo",
        "cto",
        "coo",
        "cfo",
        "cmo",
        "cro",
        "vp",
        "svp",
        "evp",
        "founder",
        "co-founder",
        "cofounder",
        "president",
        "director",
        "head",
        "manager",
        "lead",
        "partner",
        "owner",
        "principal",
        "engineer",
        "consultant",
        "executive",
        "representative",
        "rep",
        "sdr",
        "bdr",
        "ae",
        "specialist",
        "associate",
        "analyst",
        "officer",
        "advisor",
        "adviser",
        "strategist",
        "coordinator",
        "recruiter",
        "marketing",
        "sales",
        "growth",
        "operations",
        "success",
        "development",
        "chief",
        "senior",
        "account",
        "business",
        "editor",
        "writer",
        "designer",
    }
)
_LEGAL_SUFFIX_RE = re.compile(
    r"^(?P<name>[A-Z0-9][\w&'’.-]*(?:\s+[A-Z0-9&][\w&'’.-]*){0,3}),?\s+"
    r"(?:inc|llc|ltd|limited|gmbh|corp|corporation|co|plc|pty|bv|ag|sa|srl|oy|ab|as|llp|lp)\.?$",
    re.I,
)
_EMAIL_RE = re.compile(r"\b[\w.+-]+@([\w-]+(?:\.[\w-]+)+)\b")
# a web address: with a scheme or "www.", or a bare domain with a common top-level domain
_URL_RE = re.compile(
    r"(?:\bhttps?://(?:www\.)?|\bwww\.)((?:[a-z0-9-]+\.)+[a-z]{2,})(?:/\S*)?"
    r"|\b((?:[a-z0-9-]+\.)+(?:com|io|co|net|org|ai|app|dev|us|uk|de|ca|au|in|me|ly|so|xyz|biz|info|"
    r"tech|agency|studio|cn|fr|es|it|nl|se|ch|eu|jp|ie|nz|sg|hq|so|to|gg|fm|tv|cc))\b(?:/\S*)?",
    re.I,
)
_SIGN_OFF_RE = re.compile(
    r"^\W*(?:best(?: regards| wishes)?|kind regards|warm regards|regards|warmly|cheers|thanks(?: again)?|"
    r"thank you|many thanks|sincerely|yours(?: truly| sincerely)?|all the best|talk soon|speak soon|"
    r"respectfully|--)\b[\s,!.—–-]*",
    re.I,
)
_SEPARATOR_RE = re.compile(r"\s+(?:\||/|·|•|–|—|-|@)\s+|\s*,\s+|\s+(?:at|from|with|of)\s+")
# "My name is Dana, from Shipfast", "I'm Dana Ruiz with Shipfast", "here at Shipfast, we"
_INTRO_RE = re.compile(
    r"\b(?:(?i:my name is|my name's|i'm|i am|this is)\s+[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)?,?"
    r"\s+(?i:from|at|with|of|here at)|(?i:here at|we at))\s+"
    r"(?P<company>[A-Z][\w&'’.-]*[\w](?:\s+[A-Z][\w&'’.-]*[\w]){0,2})"
)
_PERSON_RE = re.compile(r"^[A-Z][a-zA-Z'’.-]+(?:\s+[A-Z][a-zA-Z'’.-]+){0,2}$")


@dataclass(frozen=True)
class Seller:
    """The seller's names, lower-cased for matching, and where they were found."""

    names: tuple[str, ...]
    sender: str | None = None
    company: str | None = None
    source: str = "config"  # config | front matter | From header | signature | introduction | none


def identify_seller(draft: Draft, configured: tuple[str, ...] = ()) -> Seller:
    """The seller's names for one draft: configured and front-matter names first; the From
    header and the signature fill in the company (and the sender) only when those name none."""
    meta = draft.meta
    lines = _signature_lines(draft)
    sender = meta.sender or _signature_name(lines)
    company, source = meta.company, "config" if configured else "front matter"
    if not configured and not company:
        company, source = _inferred_company(draft, lines, sender)
    readers = _reader_names(draft)
    names = [*configured, company or "", sender or "", *meta.products]
    kept = tuple(dict.fromkeys(n.lower() for n in names if n and n.lower() not in readers))
    return Seller(kept, sender, company, source if company or configured else "none")


def _inferred_company(draft: Draft, lines: list[str], sender: str | None) -> tuple[str | None, str]:
    from_header = company_from_address(draft.meta.sender_address or "")
    if from_header:
        return from_header, "From header"
    signed = signature_company(lines, sender)
    if signed:
        return signed, "signature"
    bare = _bare_company_line(lines, sender)
    prose = " ".join(draft.text[z.start : z.end] for z in draft.zones if z.name in ("subject", "body", "ps"))
    if bare and bare.lower() in prose.lower():
        return bare, "signature"  # a plain line under the name, confirmed by the body naming it
    introduced = _INTRO_RE.search(prose)
    if introduced and introduced.group("company").lower() not in _reader_names(draft):
        return introduced.group("company"), "introduction"
    return None, "none"


def company_from_address(address: str) -> str | None:
    """ "dana@shipfast.io" -> "shipfast"; None for a free-mail or unparsable address."""
    match = _EMAIL_RE.search(address)
    return company_from_domain(match.group(1)) if match else None


def company_from_domain(domain: str) -> str | None:
    """The brand in a domain: "mail.shipfast.io" -> "shipfast", "acme.co.uk" -> "acme",
    "getshipfast.com" -> "shipfast"; None for mailbox providers and platforms."""
    labels = [label for label in domain.lower().strip(".").split(".") if label]
    if len(labels) < 2:
        return None
    labels = labels[:-1]  # the top-level domain
    if len(labels) >= 2 and labels[-1] in _SECOND_LEVEL:
        labels = labels[:-1]
    brand = labels[-1]
    if brand in FREE_MAIL or brand in _PLATFORMS or len(brand) < 2:
        return None
    for affix in _DOMAIN_AFFIXES:
        brand = affix.sub("", brand)
    return brand


def signature_company(lines: list[str], sender: str | None = None) -> str | None:
    """The company a signature names: a legal-suffix line ("Shipfast Inc."), a role beside it
    ("CEO, Shipfast", "Head of Sales at Shipfast"), the sender's name beside it ("Dana |
    Shipfast"), else the domain of an address or a URL in it."""
    for line in lines:
        legal = _LEGAL_SUFFIX_RE.match(line)
        if legal:
            return legal.group("name")
        parts = [p.strip(" .") for p in _SEPARATOR_RE.split(line) if p.strip(" .")]
        contact = _EMAIL_RE.search(line) or _URL_RE.fullmatch(parts[-1]) or re.search(r"\d", line)
        if 2 <= len(parts) <= 3 and not contact:  # not a phone, street or footer line
            company = _company_beside(parts, sender)
            if company:
                return company
    for line in lines:
        for match in (*_EMAIL_RE.finditer(line), *_URL_RE.finditer(line)):
            company = company_from_domain(next(g for g in match.groups() if g))
            if company:
                return company
    return None


def _company_beside(parts: list[str], sender: str | None) -> str | None:
    """In "CEO, Shipfast", "Dana Ruiz | Head of Sales | Shipfast" or "Dana | Shipfast", the
    part that is neither a role nor the sender, when a role or the sender stands beside it
    ("San Francisco, CA" has neither)."""
    own = _is_sender(parts[0], sender)
    if not own and not any(_is_role(p) for p in parts):
        return None
    rest = parts[1:] if own or (_PERSON_RE.match(parts[0]) and not _is_role(parts[0])) else parts
    candidates = [p for p in rest if not _is_role(p) and _looks_like_name(p) and not _is_sender(p, sender)]
    return candidates[-1] if candidates else None


def _is_sender(part: str, sender: str | None) -> bool:
    if not sender:
        return False
    words = {w.lower() for w in sender.split()}
    return bool(words) and {w.lower() for w in part.split()} <= words


def _is_role(part: str) -> bool:
    words = re.findall(r"[a-z-]+", part.lower())
    return bool(words) and any(w in _ROLE_WORDS for w in words)


def _looks_like_name(part: str) -> bool:
    words = part.split()
    return (
        1 <= len(words) <= 4
        and all(w[:1].isupper() or w[:1].isdigit() for w in words)
        and not any(ch.isdigit() for ch in part)
    )


def _bare_company_line(lines: list[str], sender: str | None) -> str | None:
    """ "Dana Ruiz / Shipfast": the line right under the sender's name, when it reads as a
    name and not as a role, an address or a phone number."""
    for name_line, following in itertools.pairwise(lines):
        plain = "," not in following and not _URL_RE.search(following) and not _is_role(following)
        if _is_sender(name_line, sender) and _looks_like_name(following) and plain:
            return following
    return None


def _signature_name(lines: list[str]) -> str | None:
    """The sender's name: the first line after the sign-off that reads as a person's name
    ("Dana Ruiz", "Best, Dana", "Dana | Shipfast")."""
    for line in lines[:2]:
        name = _SEPARATOR_RE.split(line)[0].strip(" .")
        if _PERSON_RE.match(name) and not _is_role(name):
            return name
    return None


def _signature_lines(draft: Draft) -> list[str]:
    """The signature's lines without the sign-off words and merge tags."""
    lines: list[str] = []
    for zone in (z for z in draft.zones if z.name == "signature"):
        text = draft.text[zone.start : zone.end]
        for start, end in reversed(find_merge_tags(text)):
            text = text[:start] + " " * (end - start) + text[end:]
        for raw in text.splitlines():
            line = _SIGN_OFF_RE.sub("", raw.strip(), count=1).strip(" ,.-—–")
            if line:
                lines.append(" ".join(line.split()))
    return lines


_SALUTATION_WORDS = frozenset(
    {
        "hi",
        "hello",
        "hey",
        "dear",
        "greetings",
        "good",
        "morning",
        "afternoon",
        "evening",
        "mr",
        "mrs",
        "ms",
        "mx",
        "dr",
        "prof",
        "to",
        "whom",
        "it",
        "may",
        "concern",
        "team",
        "all",
        "there",
        "folks",
    }
)


def _reader_names(draft: Draft) -> frozenset[str]:
    """The recipient's names and the greeting's ("Hi Sam," -> "sam"): never the seller's."""
    recipient = draft.meta.recipient
    names = {n.lower() for n in (recipient.name, recipient.company) if n}
    greeting = draft.zone_text("greeting")
    names |= {w.lower() for w in re.findall(r"[A-Za-z][\w'’-]*", greeting)} - _SALUTATION_WORDS
    return frozenset(names)
