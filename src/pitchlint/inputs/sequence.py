"""Sequence files: YAML with ordered steps, so follow-up rules know each step's position.

    name: Q3 retail CFOs          # optional
    stop_on_reply: true           # optional: the tool stops at the first reply
    relationship: prospect        # and any other front-matter key, for every step
    steps:
      - subject: Ohio rate change
        delay: 0                  # days after the step before
        body: |
          Hi {{first_name}}, ...
      - subject: "Re: Ohio rate change"
        delay: 3
        body: ...

Step n is touch n (unless it says `touch:`). A later step goes out in the thread step 1
opened, so one "Re:" on it is fine, while a "Re:" on step 1 is fake; but no step answers the
reader (nothing in a sequence is `in_reply_to`): a bump on step 5 is still a bump."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import yaml

from pitchlint.draft import DraftError, meta_from_mapping
from pitchlint.inputs import EmailInput, Piece, draft_from_parts

_STEP_KEYS = {"subject", "body", "delay", "touch", "template"}


@dataclass(frozen=True)
class SequenceInfo:
    """What the sequence rules read: how many steps, their delays, whether it stops on reply."""

    path: str
    steps: int
    delays: tuple[float | None, ...]
    stop_on_reply: bool
    relationship: str


def is_sequence(source: str) -> bool:
    """A YAML file is a sequence when it has a top-level `steps:` list."""
    try:
        data = yaml.safe_load(source)
    except yaml.YAMLError:
        return False
    return isinstance(data, dict) and isinstance(data.get("steps"), list)


def read_sequence(path: str, source: str) -> tuple[list[EmailInput], SequenceInfo]:
    try:
        root = yaml.compose(source)
        data = yaml.safe_load(source)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = f"{mark.line + 1}:" if mark is not None else ""
        raise DraftError(f"{path}:{line} not valid YAML") from None
    if not isinstance(data, dict) or not isinstance(data.get("steps"), list) or not data["steps"]:
        raise DraftError(f"{path}: a sequence needs a non-empty `steps:` list")
    nodes = _mapping(root)["steps"].value
    shared = {k: v for k, v in data.items() if k not in ("steps", "name", "stop_on_reply")}
    emails: list[EmailInput] = []
    delays: list[float | None] = []
    for number, (step, node) in enumerate(zip(data["steps"], nodes, strict=True), 1):
        where = f"{path}: step {number}"
        if not isinstance(step, dict) or not isinstance(step.get("body"), str):
            raise DraftError(f"{where} (line {node.start_mark.line + 1}): a step needs a `body:` text")
        unknown = sorted(set(step) - _STEP_KEYS)
        if unknown:
            raise DraftError(f"{where} (line {node.start_mark.line + 1}): unknown key `{unknown[0]}`")
        delays.append(_delay(step.get("delay"), where))
        fields = _mapping(node)
        meta_data = {**shared, "touch": step.get("touch", number)}
        meta = meta_from_mapping(meta_data, where)
        subject = step.get("subject")
        draft = draft_from_parts(
            path,
            source,
            f"step {number}",
            body=_piece(source, fields["body"]),
            subject=_piece(source, fields["subject"]) if isinstance(subject, str) else None,
            meta=meta,
        )
        emails.append(
            EmailInput(
                draft,
                f"{path}#step {number}",
                template=str(step.get("template") or data.get("name") or path),
                sender=meta.sender,
                sequence=path,
                step=number,
            )
        )
    info = SequenceInfo(
        path,
        len(emails),
        tuple(delays),
        bool(data.get("stop_on_reply", False)),
        str(data.get("relationship") or "prospect"),
    )
    return emails, info


def _mapping(node: Any) -> dict[str, Any]:
    return {k.value: v for k, v in node.value} if isinstance(node, yaml.MappingNode) else {}


def _delay(value: Any, where: str) -> float | None:
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, (int, float)) or value < 0:
        raise DraftError(f"{where}: `delay` must be a number of days, got {value!r}")
    return float(value)


def _piece(source: str, node: Any) -> Piece:
    """A scalar's text mapped into the file: a literal block (`|`) line by line, a one-line
    plain or quoted scalar in place; anything else points at where the value starts."""
    value = node.value
    start, end = node.start_mark.index, node.end_mark.index
    if node.style == "|":
        return _literal_block(source, value, start, end)
    found = source.find(value, start, end)
    if found != -1 and value:
        return Piece(value, found)
    return Piece(value, offsets=[start] * len(value))


def _literal_block(source: str, value: str, start: int, end: int) -> Piece:
    """Each line of a `|` block maps to its source line after the block's indentation."""
    header_end = source.index("\n", start) + 1
    lines = source[header_end:end].split("\n")
    indent = min((len(line) - len(line.lstrip(" ")) for line in lines if line.strip()), default=0)
    offsets: list[int] = []
    at = header_end
    for line in lines:
        content = line[indent:] if line.strip() else ""
        base = at + (indent if line.strip() else len(line))
        offsets.extend(base + i for i in range(len(content)))
        offsets.append(at + len(line))  # the newline
        at += len(line) + 1
    offsets = offsets[: len(value)]
    mismatched = len(offsets) < len(value) or any(
        c != "\n" and source[o] != c for c, o in zip(value, offsets, strict=True)
    )
    if mismatched:
        return Piece(value, offsets=[start] * len(value))  # a layout this map does not follow
    return Piece(value, offsets=offsets)
