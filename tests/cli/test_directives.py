"""Inline and per-file control: HTML and Jinja disable comments, the front-matter key,
per-file-ignores, --show-unused-disables and `pitchlint init`. Comments are never judged as
prose and fixes leave them in place. The README's examples are run as written."""

from __future__ import annotations

import re
import tomllib

import pytest
from click.testing import CliRunner

from pitchlint.cli import cli
from pitchlint.config import config_from_mapping
from pitchlint.draft import parse_draft
from pitchlint.starter import STARTER_CONFIG
from tests.conftest import REPO

HYPE = "Hi Sam,\n\nWe are the leaders in marketplace tax filing. Your Q3 filing added 14 states.\n"


def _rules(engine, text: str, path: str = "<t>") -> list[str]:
    (report,) = engine.check([parse_draft(text, path)])
    return [f.rule for f in report.findings]


def _check(*args: str, stdin: str | None = None):
    return CliRunner().invoke(cli, ["check", *args], input=stdin)


def test_html_disable_next_line_silences_only_that_line(engine):
    text = "<!-- pitchlint-disable-next-line fake-reply-subject -->\nSubject: Re: Re: rates\n\n" + HYPE
    assert "fake-reply-subject" not in _rules(engine, text)
    assert "fake-reply-subject" in _rules(engine, "Subject: Re: Re: rates\n\n" + HYPE)
    assert "hype-superlatives" in _rules(engine, text)  # other rules and lines still judged


def test_disable_block_ends_at_enable(engine):
    block = (
        "Hi Sam,\n\n<!-- pitchlint-disable hype-superlatives -->\nWe are the leaders in tax filing.\n"
        "<!-- pitchlint-enable hype-superlatives -->\nWe are the leaders in payroll too.\n"
    )
    (report,) = engine.check([parse_draft(block, "<t>")])
    hype = [f for f in report.findings if f.rule == "hype-superlatives"]
    assert [f.line for f in hype] == [6]


def test_jinja_comment_family_and_front_matter(engine):
    jinja = "Hi Sam,\n\n{# pitchlint: disable=claims #}\nWe are the leaders in marketplace tax filing.\n"
    assert "hype-superlatives" not in _rules(engine, jinja)
    liquid = (
        "Hi Sam,\n\n{% comment %}pitchlint: disable=hype-superlatives{% endcomment %}\n"
        "We are the leaders in marketplace tax filing.\n"
    )
    assert "hype-superlatives" not in _rules(engine, liquid)
    front = "---\npitchlint-disable: [hype-superlatives]\n---\n" + HYPE
    assert "hype-superlatives" not in _rules(engine, front)


def test_comments_are_not_prose_and_fixes_keep_them(tmp_path):
    text = (
        "Subject: Re: Re: rates\n\nHi Sam,\n\n<!-- We are the leaders in tax, the best in the world -->\n"
        "Your Q3 filing added 14 states. What changed in your plans?\n"
    )
    path = tmp_path / "t.md"
    path.write_text(text, encoding="utf-8")
    result = _check(str(path), "--fix", "--select", "fake-reply-subject", "--select", "hype-superlatives")
    assert "hype-superlatives" not in result.output
    fixed = path.read_text(encoding="utf-8")
    assert fixed.startswith("Subject: rates\n")
    assert "<!-- We are the leaders in tax, the best in the world -->" in fixed


def test_show_unused_disables_reports_and_fails(tmp_path):
    path = tmp_path / "t.md"
    path.write_text("{# pitchlint: disable=urgency-pressure #}\n" + HYPE, encoding="utf-8")
    quiet = _check(str(path), "--select", "urgency-pressure")
    assert quiet.exit_code == 0 and "unused-disable" not in quiet.output
    loud = _check(str(path), "--select", "urgency-pressure", "--show-unused-disables")
    assert loud.exit_code == 1
    assert re.search(
        r"t\.md:1:1  warning  unused-disable  \{# pitchlint: disable=urgency-pressure #\}", loud.output
    )


def test_per_file_ignores_match_globs_relative_to_the_config(tmp_path):
    (tmp_path / ".pitchlint.yaml").write_text(
        'per-file-ignores:\n  "replies/*.md": [claims]\n', encoding="utf-8"
    )
    (tmp_path / "replies").mkdir()
    for name in ("replies/a.md", "b.md"):
        (tmp_path / name).write_text(HYPE, encoding="utf-8")
    result = _check(
        str(tmp_path / "replies" / "a.md"), str(tmp_path / "b.md"), "--select", "hype-superlatives"
    )
    assert "a.md:" not in result.output.replace("a.md: score", "")
    assert "b.md:3:8  error  hype-superlatives" in result.output


def test_per_file_ignores_names_are_checked(tmp_path):
    (tmp_path / ".pitchlint.yaml").write_text(
        'per-file-ignores:\n  "*.md": [hype-superlative]\n', encoding="utf-8"
    )
    (tmp_path / "a.md").write_text(HYPE, encoding="utf-8")
    result = _check(str(tmp_path / "a.md"))
    assert result.exit_code == 2 and "did you mean `hype-superlatives`" in result.output


def test_init_writes_a_starter_that_loads_with_its_examples_switched_on(tmp_path):
    import yaml

    result = CliRunner().invoke(cli, ["init", str(tmp_path)])
    assert result.exit_code == 0, result.output
    written = (tmp_path / ".pitchlint.yaml").read_text(encoding="utf-8")
    assert written == STARTER_CONFIG
    config_from_mapping(yaml.safe_load(written), tmp_path / ".pitchlint.yaml")
    # every commented example under a key is valid too
    examples = re.sub(r"^#  (?=[\w\"-])", "  ", written, flags=re.M)
    keys = r"per-file-ignores|severity|weights|thresholds|rule-folders"
    examples = re.sub(rf"^({keys}): (\{{\}}|\[\])$", r"\1:", examples, flags=re.M)
    config = config_from_mapping(yaml.safe_load(examples), tmp_path / ".pitchlint.yaml")
    assert config.per_file_ignores and config.severity and config.weights
    assert config.params["too-long"]["thresholds"] and config.rule_folders
    again = CliRunner().invoke(cli, ["init", str(tmp_path)])
    assert again.exit_code == 2 and "--force" in again.output


def test_readme_config_and_directive_examples_work(engine):
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    toml = readme[
        readme.index("```toml\n[tool.pitchlint]") + 8 : readme.index(
            "```", readme.index("```toml\n[tool.pitchlint]") + 8
        )
    ]
    data = tomllib.loads(toml)["tool"]["pitchlint"]
    data.pop("model")
    data.pop("rule-folders")
    config = config_from_mapping(data, REPO / "pyproject.toml")
    assert config.ignored_for(str(REPO / "replies" / "x.md")) == {"no-question", "too-long"}
    start = readme.index("```html\n<!-- pitchlint-disable-next-line") + 8
    example = readme[start : readme.index("```", start)]
    rules = _rules(engine, example)
    assert "fake-reply-subject" not in rules and "hype-superlatives" not in rules
    assert "fake-reply-subject" in _rules(engine, re.sub(r"<!--.*?-->\n", "", example))


def _findings(engine, text: str):
    (report,) = engine.check([parse_draft(text, "<t>")])
    return report.findings


def test_a_jinja_comment_is_blanked_before_the_parse(engine):
    """It used to open the sentence it stood before: messages quoted it, and rules read it as prose."""
    text = "Hi Sam,\n\n{# pitchlint: disable=hype-superlatives #}\nWe are the world's leading platform.\n"
    found = _findings(engine, text)
    assert "hype-superlatives" not in {f.rule for f in found}
    assert found and not any("{#" in f.message or "{#" in f.matched for f in found)
    assert any(f.matched.startswith("We are the world") for f in found)  # the sentence is its own


@pytest.mark.parametrize(
    "comment",
    [
        "{{!-- pitchlint: disable=hype-superlatives --}}",
        "{{! pitchlint: disable=hype-superlatives }}",
        "{{!-- pitchlint-disable-next-line hype-superlatives --}}",
        "{{! pitchlint-disable-next-line hype-superlatives }}",
    ],
)
def test_handlebars_comments_are_directives_and_never_prose(engine, comment):
    text = f"Hi Sam,\n\n{comment}\nWe are the world's leading platform. What changed in Q3?\n"
    found = _findings(engine, text)
    assert "hype-superlatives" not in {f.rule for f in found}
    assert not any("{{!" in f.message for f in found)


def test_a_handlebars_comment_that_is_not_a_directive_silences_nothing(engine):
    text = "Hi Sam,\n\n{{!-- TODO: ask legal --}}\nWe are the world's leading platform.\n"
    assert "hype-superlatives" in {f.rule for f in _findings(engine, text)}
