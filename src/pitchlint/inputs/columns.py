"""What a batch's columns mean: sequencer and CRM exports (Outreach, Salesloft, Apollo,
HubSpot, Lemlist, Instantly, Smartlead) each name theirs, so names are compared without case,
spaces, "_" or "-", and the user names the rest (`--body-column`, config `columns`)."""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

BODY_KEYS = ("body", "text", "content", "email", "message")
ROLES = ("body", "body_html", "subject", "id", "touch", "sequence", "in_reply_to")
_ALIASES = {
    "body": (
        "body",
        "emailbody",
        "bodytext",
        "messagebody",
        "emailtext",
        "plaintext",
        "bodyplain",
        "emailcontent",
    ),
    "body_html": ("bodyhtml", "htmlbody", "emailhtml", "emailbodyhtml", "messagehtml", "html"),
    "subject": ("subject", "emailsubject", "subjectline"),
    "id": ("id", "emailid"),
    "touch": ("touch", "step", "stepnumber", "sequencestep", "stepno", "steporder"),
    "sequence": (
        "sequence",
        "sequencename",
        "sequenceid",
        "campaign",
        "campaignname",
        "campaignid",
        "cadence",
    ),
    "in_reply_to": ("inreplyto",),
}
_CANONICAL = {alias: name for name, aliases in _ALIASES.items() for alias in aliases}
_ADDRESS_RE = re.compile(r"^\s*[^@\s]+@[^@\s]+\.[a-z]{2,}\s*$", re.I)


@dataclass(frozen=True)
class Columns:
    """Column names the user gave for a role; None: found by the usual names."""

    body: str | None = None
    subject: str | None = None
    step: str | None = None
    id: str | None = None

    def given(self) -> dict[str, str]:
        """Role -> the name the user gave."""
        raw = {"body": self.body, "subject": self.subject, "touch": self.step, "id": self.id}
        return {role: name for role, name in raw.items() if name}

    def named(self) -> dict[str, str]:
        """Role -> the name the user gave, squashed for comparison."""
        return {role: squash(name) for role, name in self.given().items()}

    @classmethod
    def from_mapping(cls, data: Any, where: str) -> Columns:
        """`columns: {body: Copy, subject: Title, step: Stage, id: Lead ID}` from config."""
        keys = ("body", "subject", "step", "id")
        if not isinstance(data, dict):
            raise ValueError(f"{where}: `columns` must be a mapping of {', '.join(keys)} to column names")
        for key, value in data.items():
            if key not in keys:
                raise ValueError(f"{where}: unknown column role `{key}` (one of {', '.join(keys)})")
            if not isinstance(value, str) or not value.strip():
                raise ValueError(f"{where}: `columns.{key}` must be a column name, got {value!r}")
        return cls(**data)

    def overridden(self, **given: str | None) -> Columns:
        """These columns with the ones given on the command line in their place."""
        return dataclasses.replace(self, **{k: v for k, v in given.items() if v})


NO_COLUMNS = Columns()


def squash(name: str) -> str:
    return re.sub(r"[\s_\-]", "", name.strip().lower())


def canonical_keys(names: Sequence[str], columns: Columns = NO_COLUMNS) -> list[str]:
    """Column names as pitchlint reads them: "Email Body" and "emailBody" are the body,
    "Step Number" the touch, a column the user named takes its role; the first of two that
    mean one thing wins, and the others keep their own names (never a role's)."""
    named = columns.named()
    out: list[str] = []
    for name in names:
        plain, squashed = name.strip().lower(), squash(name)
        role = next((r for r, given in named.items() if given == squashed), None)
        if role is None:
            role = _CANONICAL.get(squashed)
            role = None if role in named else role  # the user chose another column for it
        key = role or plain
        if key in out or (role is None and plain in ROLES):
            key = f"{plain} (column {len(out) + 1})"
        out.append(key)
    return out


def missing_columns(keys: Sequence[str], columns: Columns) -> list[str]:
    """The columns the user named that the header does not hold."""
    return [f"`{name}` ({_OPTION[role]})" for role, name in columns.given().items() if role not in keys]


_OPTION = {
    "body": "--body-column",
    "subject": "--subject-column",
    "touch": "--step-column",
    "id": "--id-column",
}


def body_key(keys: Sequence[str], samples: Mapping[str, Sequence[str]]) -> str | None:
    """The body column: one named as a body, else text/content/email/message, unless its
    values are e-mail addresses (a contacts export's `email` column is no email body), else an
    HTML body (`Body HTML`)."""
    for key in (*BODY_KEYS, "body_html"):
        if key in keys:
            values = [v for v in samples.get(key, []) if v.strip()]
            if values and all(_ADDRESS_RE.match(v) for v in values):
                continue
            return key
    return None


def used_columns(header: Sequence[str], keys: Sequence[str], body: str) -> str:
    """Which columns were read for what, in words: "body `Email Body`, touch `Step`"."""
    shown = {body: "body (HTML)" if body == "body_html" else "body", "touch": "step"}
    return ", ".join(
        f"{shown.get(role, role)} `{header[keys.index(role)].strip()}`"
        for role in (body, "subject", "id", "touch", "sequence")
        if role in keys
    )
