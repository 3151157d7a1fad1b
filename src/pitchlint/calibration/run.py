"""One calibration run: read labelled email, check it once with the rules in use, then measure
how well the current weights and weights fitted out of fold separate good from bad, and fit
the weights a team can load."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from pitchlint.calibration import labels as lb
from pitchlint.calibration import model
from pitchlint.calibration.seed import SEED_GRADES, SeedCheck, band_points, check_seed_table, seed_paths
from pitchlint.engine import Engine
from pitchlint.inputs.load import load_inputs
from pitchlint.report import Report
from pitchlint.sources import Skipped, read_draft


@dataclass(frozen=True)
class Options:
    labels: Path | None = None
    label_column: str | None = None
    group_column: str | None = None
    thresholds: lb.Thresholds = field(default_factory=lb.Thresholds)
    folds: int = 5
    repeats: int = 5
    bootstrap: int = 2000
    prior_strength: float = 2.0
    fp_cost: float = 1.5
    seed: int = 0
    jobs: int = 1


@dataclass(frozen=True)
class CollectionResult:
    name: str
    good: int
    bad: int
    current_auc: float
    fitted_auc: float  # from the out-of-fold scores
    current_interval: tuple[float, float]
    fitted_interval: tuple[float, float]  # bootstrap over this input's own groups


@dataclass
class Calibration:
    emails: list[lb.Labelled]
    reports: list[Report]
    unknown: int
    skipped: list[Skipped]
    terms: list[model.RuleTerm]
    current: list[int]  # each email's score under the weights in use
    current_auc: float
    current_interval: tuple[float, float]
    cross_validated: model.CrossValidated
    fitted_interval: tuple[float, float]
    collections: list[CollectionResult]
    hit_rates: list[model.HitRate]
    fitted: model.Fitted
    seed_current: list[SeedCheck] = field(default_factory=list)
    seed_fitted: list[SeedCheck] = field(default_factory=list)

    @property
    def good(self) -> np.ndarray:
        return np.array([e.good for e in self.emails], dtype=bool)

    @property
    def groups(self) -> list[str]:
        return [e.group for e in self.emails]


class NotEnoughLabels(ValueError):
    pass


def load_labelled(paths: Sequence[str], options: Options) -> tuple[list[lb.Labelled], int, list[Skipped]]:
    """Labelled emails from folders (with a labels file beside the drafts) and batch files
    (with a label column), each tagged with the input it came from."""
    explicit = (
        lb.read_labels_file(options.labels, options.thresholds, options.label_column, options.group_column)
        if options.labels
        else None
    )
    found: list[tuple] = []
    skipped: list[Skipped] = []
    for raw in paths:
        path = Path(raw)
        loaded = load_inputs([raw])
        skipped.extend(loaded.skipped)
        table, base = explicit, options.labels.parent if options.labels else path
        if table is None and path.is_dir():
            labels_file = lb.find_labels_file(path)
            if labels_file is not None:
                table = lb.read_labels_file(
                    labels_file, options.thresholds, options.label_column, options.group_column
                )
        for email in loaded.emails:
            label = lb.lookup(table, base, email) if table is not None else None
            if label is None:
                label = lb.row_label(email, options.thresholds, options.label_column, options.group_column)
            found.append((email, label, raw))
    emails, unknown = lb.collect(found)
    return emails, unknown, skipped


def calibrate(paths: Sequence[str], engine: Engine, options: Options = Options()) -> Calibration:
    from pitchlint.run import check_drafts

    emails, unknown, skipped = load_labelled(paths, options)
    good = np.array([e.good for e in emails], dtype=bool)
    if good.sum() < 2 or (~good).sum() < 2:
        raise NotEnoughLabels(
            f"calibration needs at least 2 good and 2 bad emails; found {int(good.sum())} good, "
            f"{int((~good).sum())} bad ({unknown} without a known label)"
        )
    reports = check_drafts(engine, [e.email.draft for e in emails], jobs=options.jobs)
    terms = [model.RuleTerm.of(rule) for rule in engine.per_email_rules]
    by_id = {t.id: t for t in terms}
    bands = engine.config.grades
    groups = [e.group for e in emails]
    strata = [e.collection for e in emails]
    current = [r.score.value for r in reports]
    seed_reports = dict(
        zip(seed_paths(), engine.check([read_draft(str(p)) for p in seed_paths().values()]), strict=True)
    )
    seed_rows = model.features(list(seed_reports.values()), terms)
    anchors = [
        model.Anchor.band(row, *band_points(SEED_GRADES[name], bands))
        for name, row in zip(seed_reports, seed_rows, strict=True)
    ]
    cross = model.cross_validate(
        reports,
        good,
        groups,
        terms,
        bands,
        folds=options.folds,
        repeats=options.repeats,
        seed=options.seed,
        prior_strength=options.prior_strength,
        fp_cost=options.fp_cost,
        strata=strata,
        anchors=anchors,
    )
    fitted = model.fit(
        model.features(reports, terms),
        good,
        terms,
        prior_strength=options.prior_strength,
        fp_cost=options.fp_cost,
        strata=strata,
        anchors=anchors,
    )
    collections = []
    for name in dict.fromkeys(e.collection for e in emails):
        rows = [i for i, e in enumerate(emails) if e.collection == name]
        sub = good[rows]
        collections.append(
            CollectionResult(
                name,
                int(sub.sum()),
                int((~sub).sum()),
                model.auc([current[i] for i in rows], sub),
                model.auc(cross.scores[rows], sub),
                model.bootstrap_interval([current[i] for i in rows], sub, [groups[i] for i in rows]),
                model.bootstrap_interval(cross.scores[rows], sub, [groups[i] for i in rows]),
            )
        )
    seed_scores = {name: report.score for name, report in seed_reports.items()}
    seed_refit = {name: model.rescore(r, fitted.weights, by_id, bands) for name, r in seed_reports.items()}
    return Calibration(
        emails=emails,
        reports=reports,
        unknown=unknown,
        skipped=skipped,
        terms=terms,
        current=current,
        current_auc=model.auc(current, good),
        current_interval=model.bootstrap_interval(
            current, good, groups, reps=options.bootstrap, seed=options.seed
        ),
        cross_validated=cross,
        fitted_interval=model.bootstrap_interval(
            cross.scores, good, groups, reps=options.bootstrap, seed=options.seed
        ),
        collections=collections,
        hit_rates=model.hit_rates(reports, good, [t.id for t in terms]),
        fitted=fitted,
        seed_current=check_seed_table(seed_scores),
        seed_fitted=check_seed_table(seed_refit),
    )
