"""`pitchlint calibrate`: labels read from the files teams and research sets have, weights
fitted with the constraints the model promises, the weights file config loads, and the command
end to end on a labelled folder and on a CSV export written here."""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path

import numpy as np
import pytest
from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st

from pitchlint.calibration import labels as lb
from pitchlint.calibration import model
from pitchlint.calibration.seed import SEED_GRADES, check_seed_table, seed_paths
from pitchlint.calibration.weights_file import WeightsFileError, read_weights_file, render_weights_file
from pitchlint.cli import cli
from pitchlint.config import ConfigError, config_from_mapping
from pitchlint.draft import parse_draft
from pitchlint.engine import Engine
from pitchlint.findings import Finding, Severity

# --------------------------------------------------------------------------- labels


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ('good ("praised it")', True),
        ("bad (mocked it)", False),
        ("unknown (6.5%)", None),
        ("Replied", True),
        ("not replied", False),
        ("yes", True),
        ("No", False),
        ("1", True),
        ("0", False),
        ("12%", True),
        ("0.09", True),
        ("1.5%", False),
        ("4%", None),
        ("", None),
        ("maybe", None),
    ],
)
def test_label_words_and_rates(value, expected):
    assert lb.parse_label(value) is expected


def test_rate_bands_follow_the_thresholds():
    strict = lb.Thresholds(good=0.15, bad=0.05)
    assert lb.parse_label("12%", strict) is None
    assert lb.parse_label("16%", strict) is True
    assert lb.parse_label("4.9%", strict) is False


@pytest.mark.parametrize(
    ("source", "group"),
    [
        ("github:Acme/outbound-copy@1a2b3c:reports/q3.md (Email 2)", "github:acme/outbound-copy"),
        ("https://github.com/acme/widgets/issues/12 (a thread)", "github:acme/widgets"),
        ("https://www.example-blog.com/2019/05/pitches.html (post)", "example-blog.com"),
        ("Campaign 7", "campaign"),
    ],
)
def test_source_groups(source, group):
    assert lb.source_group(source) == group


def test_touch_words():
    assert [lb.parse_touch(v) for v in ("first", "follow-up", "3", "", "later step")] == [1, 2, 3, None, 2]


def test_labels_file_with_verdict_source_and_position(tmp_path):
    table = tmp_path / "SOURCES.tsv"
    table.write_text(
        "file\tsource\tstated_judgment\tsequence_position\n"
        "a.txt\thttps://blog.example.org/post\tgood (replied same day)\tfirst\n"
        "b.txt\tgithub:acme/copy@abc:x.md\tbad (0 replies)\tfollow-up\n"
        "c.txt\tgithub:acme/copy@abc:y.md\tunknown (4%)\tfirst\n",
        encoding="utf-8",
    )
    labels = lb.read_labels_file(table)
    assert labels["a.txt"] == lb.Label(True, "blog.example.org", 1)
    assert labels["b.txt"] == lb.Label(False, "github:acme/copy", 2)
    assert labels["c.txt"].good is None


def test_labels_file_with_reply_rate_column(tmp_path):
    table = tmp_path / "labels.csv"
    table.write_text("Email ID,Reply Rate,Campaign\nq-1,11%,Spring\nq-2,0.5%,Spring\n", encoding="utf-8")
    labels = lb.read_labels_file(table)
    assert labels["q-1"].good is True and labels["q-2"].good is False
    assert labels["q-1"].group == "spring"


def test_labels_file_errors_name_file_and_line(tmp_path):
    table = tmp_path / "labels.csv"
    table.write_text("file,notes\na.txt,hello\n", encoding="utf-8")
    with pytest.raises(lb.LabelError, match=r"labels\.csv: line 1: no label column"):
        lb.read_labels_file(table)
    table.write_text("name,label\na.txt,good\n", encoding="utf-8")
    with pytest.raises(lb.LabelError, match="no key column"):
        lb.read_labels_file(table)
    table.write_text("file,label\na.txt,good\n,bad\n", encoding="utf-8")
    with pytest.raises(lb.LabelError, match=r"line 3: empty `file`"):
        lb.read_labels_file(table)


def test_near_duplicate_emails_share_a_group_across_sources():
    invite = (
        "We would love to have you on the podcast to talk about {project} and the work your "
        "maintainers have been doing this year. Who would be the best person to talk with us?"
    )
    other = "Your Ohio filing changed on July 1 and the new threshold applies to marketplace sales."
    groups = lb.link_near_duplicates(
        [invite.format(project="Lumen"), invite.format(project="Noms"), other], ["repo-a", "repo-b", "repo-c"]
    )
    assert groups[0] == groups[1] != groups[2]


# --------------------------------------------------------------------------- the model


@given(st.floats(min_value=0, max_value=95, allow_nan=False), st.booleans())
def test_weight_and_coefficient_map_one_to_one(weight, positive):
    weight = min(weight, model.MAX_BONUS) if positive else weight
    assert model.to_weight(model.to_beta(weight, positive), positive) == pytest.approx(weight, abs=1e-6)


def _terms():
    return [
        model.RuleTerm("spammy", 8.0, "warning", 1.5),
        model.RuleTerm("on-good", 8.0, "warning", 1.5),
        model.RuleTerm("silent", 12.0, "error", 1.5),
        model.RuleTerm("research", 6.0, "info", 1.5, positive=True),
        model.RuleTerm("bump-only", 45.0, "error", 1.5, min_weight=45.0),
    ]


def _synthetic(n: int = 120, seed: int = 3):
    """`spammy` fires on most bad emails, `on-good` and `research` on good ones, `silent` never."""
    rng = np.random.default_rng(seed)
    good = rng.random(n) < 0.5
    matrix = np.zeros((n, 5))
    matrix[:, 0] = (rng.random(n) < np.where(good, 0.1, 0.8)).astype(float)
    matrix[:, 1] = (rng.random(n) < np.where(good, 0.7, 0.2)).astype(float)
    matrix[:, 3] = (rng.random(n) < np.where(good, 0.6, 0.1)).astype(float)
    matrix[:, 4] = (rng.random(n) < 0.05).astype(float)
    return matrix, good


def test_fit_follows_the_data_within_its_bounds():
    matrix, good = _synthetic()
    fitted = model.fit(matrix, good, _terms())
    weights = fitted.weights
    assert weights["spammy"] > 8.0  # separates: heavier than the prior
    assert 0.0 <= weights["on-good"] < 8.0  # fires on good mail: lighter, but never a bonus
    assert weights["silent"] == 12.0  # no data: the prior stands
    assert weights["research"] > 6.0  # a positive signal may grow
    assert weights["bump-only"] >= 45.0  # the policy floor holds


def test_a_stronger_prior_moves_weights_less():
    matrix, good = _synthetic()
    loose = model.fit(matrix, good, _terms(), prior_strength=0.5).weights["spammy"]
    firm = model.fit(matrix, good, _terms(), prior_strength=50.0).weights["spammy"]
    assert abs(firm - 8.0) < abs(loose - 8.0)


def test_good_emails_weigh_more_with_a_higher_false_positive_cost():
    good = np.array([True, True, False, False])
    weights = model.sample_weights(good, fp_cost=2.0)
    assert weights[0] == pytest.approx(2 * weights[2])
    assert weights.sum() == pytest.approx(4)
    strata = ["big", "big", "big", "small"]
    balanced = model.sample_weights(np.array([True, False, False, True]), 1.0, strata)
    # the one good email of the small stratum weighs as much as the big one's good email
    assert balanced[3] == pytest.approx(balanced[0])


def _finding(
    rule: str, weight: float, severity: Severity = Severity.ERROR, positive: bool = False
) -> Finding:
    return Finding(rule, severity, 0, 1, 1, 1, "x", "m", weight=weight, positive=positive)


@settings(max_examples=60)
@given(
    st.lists(
        st.tuples(
            st.sampled_from(["a-rule", "b-rule", "sig"]),
            st.sampled_from([Severity.ERROR, Severity.WARNING, Severity.INFO]),
        ),
        max_size=8,
    )
)
def test_rescoring_with_the_weights_in_use_gives_the_engines_score(items):
    """The fit's rescoring is the engine's scoring: same weights, same score."""
    from pitchlint.rules.schema import DEFAULT_WEIGHTS
    from pitchlint.score import score_findings

    terms = {
        "a-rule": model.RuleTerm("a-rule", 15.0, "error", 1.5),
        "b-rule": model.RuleTerm("b-rule", 10.0, "error", 2.2),
        "sig": model.RuleTerm("sig", 6.0, "error", 1.5, positive=True),
    }
    findings = [
        _finding(rule, terms[rule].weight * DEFAULT_WEIGHTS[str(sev)] / 15.0, sev, positive=rule == "sig")
        for rule, sev in items
    ]
    caps = {r: t.weight * t.cap_multiple for r, t in terms.items()}
    from pitchlint.report import Report

    engine_score = score_findings(findings, caps, {"A": 85, "B": 70, "C": 60, "D": 45})
    report = Report(parse_draft("Hi"), tuple(findings), engine_score)
    weights = {r: t.weight for r, t in terms.items()}
    assert model.rescore(report, weights, terms, {"A": 85, "B": 70, "C": 60, "D": 45}) == engine_score


def test_auc_and_bootstrap_interval():
    scores = [90, 80, 70, 40, 30, 20]
    good = [True, True, True, False, False, False]
    assert model.auc(scores, good) == 1.0
    assert model.auc([50] * 6, good) == 0.5
    low, high = model.bootstrap_interval(scores, good, list("aabbcc"), reps=200)
    assert 0.0 <= low <= high <= 1.0


def test_hit_rates_say_whether_a_rule_separates():
    from pitchlint.report import Report
    from pitchlint.score import Score

    good = np.array([True] * 10 + [False] * 10)
    reports = []
    for i in range(20):
        rules = ["spam"] if i >= 11 else []
        rules += ["both"] if i % 2 else []
        findings = tuple(_finding(r, 8) for r in rules)
        reports.append(Report(parse_draft("Hi"), findings, Score(100, "A", ())))
    rates = {r.rule: r for r in model.hit_rates(reports, good, ["spam", "both", "never"])}
    assert rates["spam"].verdict() == "separates"
    assert rates["both"].verdict() == "does not separate"
    assert rates["never"].verdict() == "too rare to tell"


def test_severity_supported_by_a_weight():
    assert model.severity_for(0.5, "error") == "info"
    assert model.severity_for(4, "error") == "warning"
    assert model.severity_for(12, "error") == "error"
    assert model.severity_for(12, "warning") == "warning"  # never raised


def test_seed_table_checks_bands_and_the_order_of_c():
    from pitchlint.score import Score

    scores = {n: Score(20, "F", ()) for n in SEED_GRADES}
    scores["godin"] = Score(100, "A", ())
    scores["sample-c"] = Score(50, "D", ())
    assert all(c.ok for c in check_seed_table(scores))
    scores["sample-c"] = Score(15, "F", ())
    assert not next(c for c in check_seed_table(scores) if c.name == "sample-c").ok
    assert all(p.is_file() for p in seed_paths().values())


# --------------------------------------------------------------------------- weights file and config


def test_weights_file_round_trip_and_config(tmp_path):
    text = render_weights_file(
        {"too-long": 2.5, "hype-superlatives": 14.0}, {"too-long": "info"}, ["fitted here"]
    )
    path = tmp_path / "weights.yaml"
    path.write_text(text, encoding="utf-8")
    assert read_weights_file(path) == ({"too-long": 2.5, "hype-superlatives": 14.0}, {"too-long": "info"})
    config = config_from_mapping(
        {"weights-file": "weights.yaml", "weights": {"too-long": 1}}, tmp_path / "x.yaml"
    )
    assert config.weights == {"too-long": 1.0, "hype-superlatives": 14.0}  # config's own weight wins
    assert str(config.severity["too-long"]) == "info"


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("weights:\n  too-long: lots\n", r"weights\.yaml:2: weights\.too-long must be a number"),
        ("weights:\n  too-long: 250\n", r"weights\.yaml:2: .*from 0 to 100"),
        ("severity:\n  too-long: loud\n", r"weights\.yaml:2: severity\.too-long must be one of"),
        ("scores:\n  too-long: 3\n", r"weights\.yaml:1: unknown key `scores`"),
        ("weights: [1, 2]\n", r"weights\.yaml:1: `weights` maps rule ids"),
        ("weights:\n  too-long: [1\n", r"weights\.yaml:\d+: weights file is not valid YAML"),
    ],
)
def test_weights_file_errors_name_file_line_and_field(tmp_path, text, message):
    path = tmp_path / "weights.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(WeightsFileError, match=message):
        read_weights_file(path)
    with pytest.raises(ConfigError, match=message):
        config_from_mapping({"weights-file": "weights.yaml"}, tmp_path / "x.yaml")


def test_missing_weights_file_and_unknown_rule_are_config_errors(tmp_path):
    with pytest.raises(ConfigError, match=r"weights-file 'nope\.yaml' not found"):
        config_from_mapping({"weights-file": "nope.yaml"}, tmp_path / "x.yaml")
    (tmp_path / "w.yaml").write_text("weights:\n  not-a-rule: 3\n", encoding="utf-8")
    config = config_from_mapping({"weights-file": "w.yaml"}, tmp_path / "x.yaml")
    with pytest.raises(ConfigError, match=r"w\.yaml: unknown rule `not-a-rule`"):
        Engine(config)


def test_configured_weight_moves_the_cap_with_it(rules):
    base = Engine(rules=rules)
    heavier = Engine(dataclasses.replace(base.config, weights={"feature-dumping": 30.0}), rules=rules)
    spec = next(r.spec for r in heavier.selected if r.id == "feature-dumping")
    original = next(r.spec for r in base.selected if r.id == "feature-dumping")
    assert spec.weight_cap / spec.weight == pytest.approx(original.weight_cap / original.weight)


# --------------------------------------------------------------------------- the command

GOOD = [
    "Subject: Your retry helper in a talk\n\nHi Mara,\n\nI loved your post on jittered retries last"
    " week. Could I show your backoff chart in my PyCon talk? I'd credit you on the slide.\n\nBen\n",
    "Subject: Episode about Larkspur\n\nHi Theo,\n\nWe'd love to have you on the show to talk about"
    " Larkspur 2.0 and the new query planner. Would May work for you?\n\nIvy\n",
    "Subject: Sponsoring your parser\n\nHi Quinn,\n\nOur team relies on your YAML parser in every"
    " build. We'd like to sponsor the project; where should we send the paperwork?\n\nRae\n",
    "Subject: Ohio rate change\n\nHi Sam,\n\nOhio moved the marketplace threshold on July 1, and your"
    " Q2 filing lists 40 Ohio orders. Is that on your radar?\n\nLi\n",
]
BAD = [
    "Subject: Re: Re: quick question\n\nDear Sir/Madam,\n\nWe are the world's leading provider of"
    " innovative solutions. Our platform offers AI, dashboards, SSO and reporting. Do you have 15"
    " minutes this week?\n",
    "Subject: partnership\n\nHi there,\n\nI came across your website and we'd love to exchange links."
    " Please add our link to your blog and we will link back.\n",
    "Subject: Following up\n\nHi Sam,\n\nJust checking in to see if you had a chance to read my last"
    " email.\n",
    "Subject: A better way\n\nHello,\n\nOur award-winning platform is the #1 rated tool for teams."
    " It offers integrations, analytics, automation and alerts. Book a demo today!\n",
]


@pytest.fixture(scope="module")
def labelled_folder(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("labelled")
    rows = ["file,label,group"]
    for i, text in enumerate(GOOD + BAD):
        name = f"{i:02d}.txt"
        (folder / name).write_text(text, encoding="utf-8")
        rows.append(f"{name},{'good' if i < len(GOOD) else 'bad'},source-{i % 4}")
    (folder / "labels.csv").write_text("\n".join(rows) + "\n", encoding="utf-8")
    return folder


def _invoke(*args: str):
    return CliRunner().invoke(cli, ["calibrate", *args, "--repeats", "1", "--bootstrap", "50"])


def test_calibrate_a_labelled_folder_and_load_its_weights(labelled_folder, tmp_path):
    out = tmp_path / "weights.yaml"
    result = _invoke(str(labelled_folder), "-o", str(out))
    assert result.exit_code == 0, result.output
    text = result.output
    assert "8 labelled emails (4 good, 4 bad) in " in text
    assert "fitted, out of fold" in text and "Seed table" in text
    for name in SEED_GRADES:
        assert name in text
    weights, _severity = read_weights_file(out)
    assert set(weights) >= {"hype-superlatives", "valueless-follow-up", "feature-dumping"}
    # a team loads the file from config and the score uses it
    draft = labelled_folder / "07.txt"
    config = tmp_path / ".pitchlint.yaml"
    config.write_text("weights-file: weights.yaml\n", encoding="utf-8")
    check = CliRunner().invoke(
        cli, ["check", "--no-cache", "--format", "json", "--config", str(config), str(draft)]
    )
    assert check.exit_code in (0, 1), check.output
    graded = json.loads(check.output)["drafts"][0]
    expected = {f["rule"]: weights[f["rule"]] for f in graded["findings"] if f["severity"] == "error"}
    assert all(
        f["weight"] == pytest.approx(expected[f["rule"]]) for f in graded["findings"] if f["rule"] in expected
    )


def test_calibrate_a_csv_export_with_a_replied_column(tmp_path):
    import csv

    path = tmp_path / "export.csv"
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["id", "Subject", "body", "Replied", "Campaign"])
        for i, text in enumerate(GOOD + BAD):
            subject, body = text.split("\n\n", 1)
            replied = "yes" if i < len(GOOD) else "no"
            writer.writerow([f"r{i}", subject.removeprefix("Subject: "), body, replied, f"c{i % 3}"])
    result = _invoke(str(path), "--format", "json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert (data["good"], data["bad"]) == (4, 4)
    assert data["groups"] <= 3
    assert {r["rule"] for r in data["rules"]} >= {"ask-without-give", "hype-superlatives"}


def test_calibrate_reports_bad_labels_with_exit_2(tmp_path):
    (tmp_path / "a.txt").write_text(GOOD[0], encoding="utf-8")
    (tmp_path / "labels.csv").write_text("file,notes\na.txt,x\n", encoding="utf-8")
    result = _invoke(str(tmp_path))
    assert result.exit_code == 2
    assert "labels.csv: line 1: no label column" in result.output + (result.stderr or "")
    (tmp_path / "labels.csv").write_text("file,label\na.txt,good\n", encoding="utf-8")
    result = _invoke(str(tmp_path))
    assert result.exit_code == 2
    assert "at least 2 good and 2 bad" in result.output + (result.stderr or "")


def test_anchors_keep_an_email_inside_its_band():
    """Data that would make `spammy` heavy cannot push an anchored email out of its band."""
    matrix, good = _synthetic()
    free = model.fit(matrix, good, _terms())
    row = np.array([1.0, 0.0, 0.0, 0.0, 0.0])  # one `spammy` finding
    assert 100 * (1 - free.weights["spammy"] / 100) < 95
    anchored = model.fit(matrix, good, _terms(), anchors=[model.Anchor.band(row, 95, 100)])
    assert 100 * (1 - anchored.weights["spammy"] / 100) >= 94.5


def test_band_points_from_the_grade_thresholds():
    from pitchlint.calibration.seed import band_points

    grades = {"A": 85, "B": 70, "C": 60, "D": 45}
    assert band_points("F", grades) == (0.0, 44)
    assert band_points("D", grades) == (46, 59)
    assert band_points("AB", grades) == (71, 100.0)
