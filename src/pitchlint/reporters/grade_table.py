"""`pitchlint grade`'s summary on the terminal: counts per grade, the most common smells and
the worst emails, as rich tables (plain text when the output is not a terminal)."""

from __future__ import annotations

import os
import sys
from typing import IO

from rich.console import Console
from rich.table import Table

from pitchlint.grading import GRADES, GradeRun

_GRADE_STYLE = {"A": "green", "B": "green", "C": "yellow", "D": "red", "F": "bold red"}


def print_summary(run: GradeRun, file: IO[str] | None = None, *, worst: int = 10) -> None:
    terminal = file is None and sys.stdout.isatty()
    console = Console(file=file, highlight=False, width=None if terminal else 120)
    summary = run.summary(worst=worst)
    total = summary["emails"]
    mean = summary["mean_score"]
    head = f"Graded {total} email{'s' if total != 1 else ''}" + (f", mean score {mean}" if total else "")
    if run.skipped:
        head += f"; {len(run.skipped)} input{'s' if len(run.skipped) != 1 else ''} skipped (listed on stderr)"
    console.print(head)
    grades = Table(title="Grades", title_justify="left")
    for grade in GRADES:
        grades.add_column(grade, justify="right", style=_GRADE_STYLE[grade])
    grades.add_row(*(str(summary["grades"][g]) for g in GRADES))
    console.print(grades)
    if summary["rules"]:
        smells = Table(title="Most common smells", title_justify="left")
        smells.add_column("rule")
        smells.add_column("emails", justify="right")
        smells.add_column("share", justify="right")
        for item in summary["rules"]:
            smells.add_row(item["rule"], str(item["emails"]), f"{100 * item['emails'] / total:.0f}%")
        console.print(smells)
    if summary["worst"]:
        table = Table(title="Worst emails", title_justify="left")
        table.add_column("email", overflow="fold")
        table.add_column("score", justify="right")
        table.add_column("grade")
        table.add_column("top rules", overflow="fold")
        for item in summary["worst"]:
            grade = item["grade"]
            table.add_row(
                _short(item["id"]),
                str(item["score"]),
                f"[{_GRADE_STYLE[grade]}]{grade}[/]",
                ", ".join(item["top_rules"]),
            )
        console.print(table)


def _short(email_id: str) -> str:
    """An id relative to the working folder when it is inside it."""
    path, _, record = email_id.partition("#")
    try:
        relative = os.path.relpath(path)
    except ValueError:
        return email_id
    shown = path if relative.startswith("..") else relative
    return f"{shown}#{record}" if record else shown
