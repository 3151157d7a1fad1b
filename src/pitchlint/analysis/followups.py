"""Follow-up moves, read once per draft: which body sentences only chase the earlier email (a
bump: "just checking in", "any update on this?", "not sure if you saw my last note"), which
are filler around them (a pleasantry, thanks, "let me know"), and so whether a follow-up is
nothing but a bump. valueless-follow-up, bump-only-follow-up and the sequence rules read it.

The phrases are searched sentence by sentence, case-insensitively, a space also matching a
hard line wrap; "^" is the start of a line."""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Span

from pitchlint.analysis.facts import SentenceFacts
from pitchlint.analysis.spans import span_text
from pitchlint.params import compile_all

BUMP_PHRASES = compile_all(
    (
        "\\b(?:I|we)(?: have|'ve|\u2019ve)? (?:e-?mailed|written(?: to)?|wrote(?: to)?|reached out(?: to)?|contacted|messaged|pinged|called|tried to (?:reach|contact)(?: out)?(?: to)?)(?: you)? (?:a few|a couple(?: of)?|several|many|multiple|numerous|\\d+|two|three|four|five) times(?: now)?",
        "\\b(?:I|we)(?: have|'ve|\u2019ve)? sent (?:you )?(?:a few|a couple(?: of)?|several|multiple|numerous|\\d+|two|three|four|five) (?:e-?mails|notes|messages)(?: now)?",
        "\\bI (?:sent|emailed|wrote) you (?:an? |my )?(?:e-?mail|note|message)\\b(?= (?:a few|few|\\d+|two|three|several|a couple of) (?:days|weeks)| (?:last|earlier|previously|before)\\b| ?\\(?(?:regarding|about|re:?)\\b)",
        "\\b(?:I'?m |I\u2019m |I am |just )?(?:e-?mailing|writing|reaching out) (?:to )?(?:you )?again\\b",
        "\\b(?:I|we)(?: still)? (?:have(?:n't| not)|havent|haven\u2019t|did(?:n't| not)|didnt|didn\u2019t) (?:heard|hear|gotten|got|received) (?:back|a (?:reply|response)|any (?:reply|response)|from you)",
        "\\bjust (?:checking|following) (?:in|up)\\b",
        "\\b(?:I'?m|I\u2019m|I am|wanted to|want to|I'd like to|quickly) check(?:ing)? in\\b",
        "\\bchecking in (?:to see|on (?:my|the|this|our)|again|here|about (?:my|the|this))\\b",
        "\\b(?:just )?circling back\\b",
        "\\b(?:wanted|want|going) to circle back\\b",
        "\\bbump(?:ing)? (?:this|it|my (?:last |previous )?(?:e-?mail|note|message))(?: (?:up|to the top of your inbox))?\\b",
        "\\bfloating (?:this|it) (?:back )?(?:up|to the top)\\b",
        "\\b(?:just )?touching base\\b",
        "\\b(?:wanted|want|like) to (?:quickly )?touch base\\b",
        "\\b(?:did|have) you (?:get|had|have) (?:a |the )?chance to\\b",
        "\\b(?:see|know|wondering|wonder|curious|check) (?:if|whether) you(?: have)? (?:had|got|have had|get) (?:a |the )?chance\\b",
        "\\bdid you (?:get|see|receive|read) my (?:last |previous |earlier |prior )?(?:e-?mail|note|message)\\b",
        "\\bfollow(?:ing)?[- ]up (?:on|regarding|about|re) (?:my|the|our) (?:previous |last |earlier |prior |recent )?(?:e-?mail|note|message|outreach|proposal|offer)s?\\b",
        "\\bfollowing up on the below\\b",
        "\\b(?:just |quickly )following up\\b",
        "\\b(?:I'?m|I\u2019m|I am|wanted to|want to|writing to|just wanted to) (?:quickly )?follow[- ]up\\b",
        "^\\W*following up\\b",
        "\\b(?:should I|shall I|I'll|I will|I'm going to|going to|before I) close (?:out )?(?:your|the|this) (?:file|loop)\\b",
        "\\bclose your file\\b",
        "\\b(?:I'll|I will) stop (?:bugging|emailing|reaching out to|contacting) you\\b",
        "\\b(?:gentle|friendly|quick) (?:nudge|bump)\\b",
        "\\b(?:gentle|friendly|quick) reminder (?:about|of|regarding) my\\b",
        "\\bany (?:update|updates|thoughts) on (?:my|the) (?:last|previous|below|earlier) (?:e-?mail|note|message)\\b",
        "\\bin case (?:this|it|my (?:last |previous )?(?:e-?mail|note|message)) (?:got|was) (?:buried|lost|missed)\\b",
        "\\bbring(?:ing)? this (?:back )?to the top of your inbox\\b",
        "\\b(?:not sure|wasn't sure|unsure|wondering|curious) (?:if|whether) you (?:saw|got|received|had a chance|read|caught|were able)\\b",
        "\\b(?:just |quickly )?(?:re-?surfacing|resurface|re-?sharing|re-?sending|resending|revisiting) (?:this|my|it|the below|the email|the note)\\b",
        "\\bfloat(?:ing)? (?:this|it|my (?:last |previous )?(?:e-?mail|note|message)) (?:back )?(?:up|to the top)\\b",
        "\\bbring(?:ing)? (?:this|it|my (?:last |previous )?(?:e-?mail|note|message)) (?:back )?(?:up|to (?:your attention|the top))\\b",
        "\\b(?:hoping|hope|waiting) to hear back\\b",
        "\\bcheck(?:ing)? (?:whether|if|that) (?:this|it|my (?:last |previous )?(?:e-?mail|note|message)) (?:landed|arrived|got through|reached you|made it)\\b",
        "\\b(?:gentle|friendly|quick|little|polite) (?:ping|nudge|bump|reminder)\\b",
        "\\bmake sure (?:this|it|my (?:last |previous )?(?:e-?mail|note|message)) (?:didn't|did not|doesn't|does not|won't) get (?:buried|lost|missed)\\b",
        "\\b(?:did|have) you (?:had|have|get|got) (?:a |the )?(?:moment|minute|second) to\\b",
        "\\bfollow(?:ing)?[- ]up on (?:a|my|the) (?:previous |prior |earlier |last )(?:e-?mail|note|message|voicemail)\\b",
        "\\b(?:I )?hope you (?:got|received|saw|read|had a chance to (?:read|see|look at|review)) my (?:last |previous |earlier |prior )?(?:e-?mail|note|message)s?\\b",
        "\\bany (?:update|updates|news|thoughts|feedback) (?:on|about|regarding) (?:this|that|it|the above|my (?:last |previous )?(?:e-?mail|note|message))\\b",
    ),
    wrapping=True,
    multiline=True,
)
# a follow-up line that is nothing but the chase: "Any update?", "Thoughts?", "Gentle ping."
BARE_BUMP_RE = re.compile(
    r"^\W*(?:(?:any|some) )?(?:updates?|news|thoughts|feedback|interest|word)"
    r"(?: (?:on|about|regarding) (?:this|that|it|the above))?\W*$"
    r"|^\W*(?:gentle |friendly |quick )?(?:ping|nudge|bump|reminder)\W*$",
    re.I,
)
# what surrounds a bump without adding to it: thanks, a pleasantry, "let me know", a sign-off
FILLER_RE = re.compile(
    r"^\W*(?:thanks|thank you|many thanks|cheers|best|regards|talk soon|take care)\b[^.?!]{0,40}[.!]?\W*$"
    r"|^\W*(?:i )?(?:hope|trust) (?:you(?:'re|’re| are| had| have)|all is|this finds|your|things|the)\b"
    r"|^\W*(?:please )?(?:let me know|lmk|looking forward|look forward|feel free to reply)\b"
    r"|^\W*(?:happy|hope you had a (?:great|good|nice)) (?:monday|tuesday|wednesday|thursday|friday|weekend|"
    r"holidays|new year)\b|^\W*have a (?:great|good|nice|lovely)\b"
    r"|^\W*(?:any|your) (?:thoughts|feedback|reply|response|answer)(?: from you)? (?:would|will) be"
    r" (?:greatly |much |really |very much )?appreciated\W*$",
    re.I,
)


@dataclass(frozen=True)
class Bump:
    sentence: Span
    start: int
    end: int


def find_bumps(analysis: SentenceFacts) -> tuple[Bump, ...]:
    """The first bump phrase of each body sentence, and on a follow-up the bare bump lines."""
    draft = analysis.draft
    found: list[Bump] = []
    for sent in analysis.body_sentences:
        offset, text = sent.start_char, span_text(sent)
        best: tuple[int, int] | None = None
        for pattern in BUMP_PHRASES:
            for match in pattern.finditer(text):
                start, end = _trim(draft.text, offset + match.start(), offset + match.end())
                if _quoted(text, start - offset) or draft.in_merge_tag(start, end):
                    continue
                if best is None or start < best[0]:
                    best = (start, end)
        if best is None and draft.meta.is_follow_up and BARE_BUMP_RE.match(" ".join(text.split())):
            best = _trim(draft.text, sent.start_char, sent.end_char)
        if best is not None:
            found.append(Bump(sent, *best))
    return tuple(found)


def is_filler(analysis: SentenceFacts, sent: Span) -> bool:
    """Thanks, a pleasantry, "let me know", or a bare request for a reply ("Interested?")."""
    text = " ".join(span_text(sent).split())
    if FILLER_RE.match(text):
        return True
    return analysis.question_kind(sent) in ("pleasantry", "ask") and len(text.split()) <= 8


def bump_only(analysis: SentenceFacts, bumps: tuple[Bump, ...]) -> bool:
    """An email whose every body sentence is a bare bump or filler, with at least one bump. A
    draft sent as a first touch that does nothing but chase an earlier email says by itself
    that it is a follow-up (mailbox exports carry no step number)."""
    if not bumps:
        return False
    bare = {b.sentence.start for b in bumps if _bare(b)}
    return bool(bare) and all(s.start in bare or is_filler(analysis, s) for s in analysis.body_sentences)


# words the chase itself is made of: "on my last email", "the note below", "this", "again"
_CHASE_WORDS = frozenset(
    [
        "my",
        "our",
        "the",
        "a",
        "this",
        "that",
        "it",
        "last",
        "previous",
        "earlier",
        "prior",
        "recent",
        "below",
        "above",
        "email",
        "e-mail",
        "note",
        "message",
        "mail",
        "voicemail",
        "thread",
        "again",
        "still",
        "just",
        "quick",
        "quickly",
        "on",
        "about",
        "regarding",
        "re",
        "with",
        "in",
        "to",
        "of",
        "for",
        "up",
        "and",
        "or",
        "if",
        "you",
        "your",
        "any",
        "see",
        "saw",
        "get",
        "got",
        "had",
        "have",
        "chance",
        "look",
        "read",
        "reply",
        "response",
        "back",
        "sent",
        "inbox",
        "top",
        "here",
        "there",
    ]
)


def _bare(bump: Bump) -> bool:
    """The bump sentence says nothing beyond the chase: at most two words outside the bump
    phrase that are not the chase's own ("Just checking in on my last email" is bare;
    "Circling back with the number you asked for: 14 of your 40 SKUs changed" is not)."""
    sent = bump.sentence
    rest = [
        t
        for t in sent
        if not (bump.start <= t.idx < bump.end)
        and (t.is_alpha or t.like_num)
        and t.lower_ not in _CHASE_WORDS
    ]
    return len(rest) <= 2


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    """The match without the leading or trailing spaces and punctuation a pattern took in."""
    while start < end and not text[start].isalnum():
        start += 1
    while end > start and not text[end - 1].isalnum():
        end -= 1
    return start, end


def _quoted(sentence: str, at: int) -> bool:
    """Inside quotation marks: the phrase is being talked about, not used."""
    before = sentence[:at]
    return before.count('"') % 2 == 1 or before.count("“") > before.count("”")
