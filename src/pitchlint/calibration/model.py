"""Rules as features, weights fitted to outcomes: SpamAssassin's way of scoring hand-written
rules (its `masses/` perceptron over sorted mail), as a regularised logistic model.

The score is `100 * prod((1 - w/100) ** x)` over the rules that fired, `x` being how many
findings' worth a rule has (capped), and positive signals multiply by `(1 + b/100) ** x`
(pitchlint.score). So `log(score / 100)` is linear in the rules, and a logistic model of "got
a good outcome" on the same features maps one to one onto weights:
`beta = SCALE * log(1 - w/100)`. The fit

- pulls every coefficient toward the bundled weight (a Gaussian prior), so that little data
  moves the weights little and a rule that never fires keeps its weight;
- keeps a smell a penalty (beta <= 0) and a positive signal a bonus (beta >= 0), and a rule
  with a policy floor (`min_weight`) at least that heavy;
- weighs good emails more than bad ones (`fp_cost`): a good email graded F costs more than a
  bad one graded B, SpamAssassin's preference against false positives.

scipy's L-BFGS-B does the bounded fit, scikit-learn the grouped folds and the AUC."""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace

import numpy as np

from pitchlint.findings import Finding, Severity
from pitchlint.report import Report
from pitchlint.rules.schema import DEFAULT_WEIGHTS
from pitchlint.score import CAP_FACTOR, Score, score_findings

# Logits per unit of log(score / 100): a score of 50 against 100 is log(0.5) * 4 = -2.8
# logits, odds of a good outcome about 16 times lower. It fixes how weights map to
# coefficients; the data then set each coefficient.
SCALE = 4.0
MAX_WEIGHT = 95.0  # a penalty keeps at least 5% of the score
MAX_BONUS = 30.0


@dataclass(frozen=True)
class RuleTerm:
    """What the fit needs to know of a rule."""

    id: str
    weight: float  # the weight in use (bundled or configured)
    severity: str  # declared severity: a finding at a lower one counts less
    cap_multiple: float  # repeated findings count at most this many times
    positive: bool = False
    min_weight: float = 0.0

    @classmethod
    def of(cls, rule) -> RuleTerm:  # type: ignore[no-untyped-def]
        spec = rule.spec
        weight = spec.effective_weight
        cap = spec.weight_cap / weight if spec.weight_cap and weight else CAP_FACTOR
        return cls(spec.id, weight, spec.severity, cap, spec.positive, spec.min_weight or 0.0)

    def factor(self, finding: Finding) -> float:
        """A finding's share of one full finding: its severity's default weight over the
        rule's own (a warning from an error rule counts 8/15)."""
        declared = DEFAULT_WEIGHTS[self.severity]
        return DEFAULT_WEIGHTS[str(finding.severity)] / declared if declared else 1.0


def to_beta(weight: float, positive: bool) -> float:
    if positive:
        return SCALE * math.log1p(weight / 100)
    return SCALE * math.log1p(-min(weight, MAX_WEIGHT) / 100)


def to_weight(beta: float, positive: bool) -> float:
    if positive:
        return 100 * math.expm1(max(beta, 0.0) / SCALE) + 0.0
    return -100 * math.expm1(min(beta, 0.0) / SCALE) + 0.0  # + 0.0: no "-0" weights


def features(reports: Sequence[Report], terms: Sequence[RuleTerm]) -> np.ndarray:
    """One row per email, one column per rule: findings' worth, capped."""
    column = {t.id: i for i, t in enumerate(terms)}
    matrix = np.zeros((len(reports), len(terms)))
    for row, report in enumerate(reports):
        for finding in report.findings:
            index = column.get(finding.rule)
            if index is not None:
                matrix[row, index] += terms[index].factor(finding)
    caps = np.array([t.cap_multiple for t in terms])
    return np.minimum(matrix, caps)


ANCHOR_STRENGTH = 1e5  # a miss of 1% of the score costs about as much as 10 emails misjudged


@dataclass(frozen=True)
class Anchor:
    """An email whose score must stay in [low, high] points (compared as logs of score/100)."""

    row: np.ndarray  # its features
    low: float
    high: float

    @classmethod
    def band(cls, row: np.ndarray, low_points: float, high_points: float) -> Anchor:
        return cls(row, math.log(max(low_points, 0.5) / 100), math.log(min(high_points, 100.0) / 100))


@dataclass(frozen=True)
class Fitted:
    weights: dict[str, float]
    intercept: float


def sample_weights(good: np.ndarray, fp_cost: float, strata: Sequence[str] | None = None) -> np.ndarray:
    """Each input (stratum) counts as much as any other, each class within it as much as the
    other, and good emails `fp_cost` times more: a large folder of templates must not drown a
    small one of real outcomes."""
    labels = np.asarray(strata if strata is not None else [""] * len(good))
    weights = np.zeros(len(good))
    for stratum in np.unique(labels):
        inside = labels == stratum
        n_good, n_bad = int((good & inside).sum()), int((~good & inside).sum())
        weights[inside & good] = fp_cost / max(n_good, 1)
        weights[inside & ~good] = 1.0 / max(n_bad, 1)
    return weights * len(good) / weights.sum()


def fit(
    matrix: np.ndarray,
    good: np.ndarray,
    terms: Sequence[RuleTerm],
    *,
    prior_strength: float = 2.0,
    fp_cost: float = 1.5,
    strata: Sequence[str] | None = None,
    anchors: Sequence[Anchor] = (),
) -> Fitted:
    """The penalised, bounded logistic fit (see the module docstring). Anchors are emails whose
    score must stay inside a band whatever the data say (the seed table): a steep penalty
    outside it, none inside."""
    from scipy.optimize import minimize

    prior = np.array([to_beta(t.weight, t.positive) for t in terms])
    bounds = [(None, None)]
    for term in terms:
        if term.positive:
            bounds.append((0.0, to_beta(MAX_BONUS, True)))
        else:
            bounds.append((to_beta(MAX_WEIGHT, False), to_beta(term.min_weight, False)))
    y = good.astype(float)
    s = sample_weights(good, fp_cost, strata)

    def loss(params: np.ndarray) -> tuple[float, np.ndarray]:
        z = params[0] + matrix @ params[1:]
        log_loss = np.logaddexp(0.0, z) - y * z
        residual = s * (1.0 / (1.0 + np.exp(-z)) - y)
        shift = params[1:] - prior
        value = float(s @ log_loss + 0.5 * prior_strength * shift @ shift)
        gradient = np.concatenate(([residual.sum()], matrix.T @ residual + prior_strength * shift))
        for anchor in anchors:
            raw = float(anchor.row @ params[1:]) / SCALE
            log_score = min(raw, 0.0)  # a score never passes 100
            for bound, outside in (
                (anchor.low, log_score < anchor.low),
                (anchor.high, log_score > anchor.high),
            ):
                if outside:
                    miss = log_score - bound
                    value += ANCHOR_STRENGTH * miss * miss
                    if raw < 0:
                        gradient[1:] += 2 * ANCHOR_STRENGTH * miss * anchor.row / SCALE
        return value, gradient

    start = np.concatenate(([math.log(max(y.mean(), 1e-3) / max(1 - y.mean(), 1e-3))], prior))
    start[1:] = np.clip(
        start[1:], [b[0] if b[0] is not None else -np.inf for b in bounds[1:]], [b[1] for b in bounds[1:]]
    )
    result = minimize(loss, start, jac=True, method="L-BFGS-B", bounds=bounds)
    betas = result.x[1:]
    weights = {t.id: round(to_weight(b, t.positive), 1) for t, b in zip(terms, betas, strict=True)}
    return Fitted(weights, float(result.x[0]))


def rescore(
    report: Report, weights: Mapping[str, float], terms: Mapping[str, RuleTerm], bands: Mapping[str, float]
) -> Score:
    """The score the engine gives this report's findings under other weights."""
    findings: list[Finding] = []
    caps: dict[str, float] = {}
    for finding in report.findings:
        term = terms.get(finding.rule)
        if term is None or finding.rule not in weights:
            findings.append(finding)
            continue
        weight = weights[finding.rule]
        findings.append(replace(finding, weight=weight * term.factor(finding)))
        caps[finding.rule] = weight * term.cap_multiple
    return score_findings(findings, caps, bands, report.score.metrics)


def auc(scores: Sequence[float], good: Sequence[bool]) -> float:
    """Probability that a good email scores above a bad one (ties count half)."""
    from sklearn.metrics import roc_auc_score

    labels = np.asarray(good, dtype=bool)
    if labels.all() or not labels.any():
        return float("nan")
    return float(roc_auc_score(labels, np.asarray(scores, dtype=float)))


def grouped_folds(good: np.ndarray, groups: Sequence[str], folds: int, seed: int) -> list[np.ndarray]:
    """Test indices of each fold; no group is split across folds."""
    from sklearn.model_selection import StratifiedGroupKFold

    distinct = len(set(groups))
    splits = max(2, min(folds, distinct))
    splitter = StratifiedGroupKFold(n_splits=splits, shuffle=True, random_state=seed)
    index = np.zeros(len(good))
    return [test for _train, test in splitter.split(index, good, groups)]


@dataclass(frozen=True)
class CrossValidated:
    scores: np.ndarray  # each email's out-of-fold score, averaged over the repeats
    auc: float  # mean over repeats of the pooled out-of-fold AUC
    aucs: tuple[float, ...]


def cross_validate(
    reports: Sequence[Report],
    good: np.ndarray,
    groups: Sequence[str],
    terms: Sequence[RuleTerm],
    bands: Mapping[str, float],
    *,
    folds: int = 5,
    repeats: int = 5,
    seed: int = 0,
    prior_strength: float = 2.0,
    fp_cost: float = 1.5,
    strata: Sequence[str] | None = None,
    anchors: Sequence[Anchor] = (),
) -> CrossValidated:
    """Scores each email got from weights fitted without its group, over several shuffles."""
    matrix = features(reports, terms)
    by_id = {t.id: t for t in terms}
    totals = np.zeros(len(reports))
    aucs = []
    for repeat in range(repeats):
        scores = np.zeros(len(reports))
        for test in grouped_folds(good, groups, folds, seed + repeat):
            train = np.setdiff1d(np.arange(len(reports)), test)
            fitted = fit(
                matrix[train],
                good[train],
                terms,
                prior_strength=prior_strength,
                fp_cost=fp_cost,
                strata=None if strata is None else [strata[i] for i in train],
                anchors=anchors,
            )
            for i in test:
                scores[i] = rescore(reports[i], fitted.weights, by_id, bands).value
        aucs.append(auc(scores, good))
        totals += scores
    return CrossValidated(totals / repeats, float(np.mean(aucs)), tuple(aucs))


def bootstrap_interval(
    scores: Sequence[float], good: Sequence[bool], groups: Sequence[str], *, reps: int = 2000, seed: int = 0
) -> tuple[float, float]:
    """A 95% interval for the AUC, resampling whole groups (emails of one source move
    together, so the interval is not narrowed by near-copies)."""
    rng = np.random.default_rng(seed)
    names = sorted(set(groups))
    members = {g: [i for i, x in enumerate(groups) if x == g] for g in names}
    values = np.asarray(scores, dtype=float)
    labels = np.asarray(good, dtype=bool)
    found = []
    for _ in range(reps):
        picked = rng.choice(len(names), size=len(names), replace=True)
        rows = [i for p in picked for i in members[names[p]]]
        sample = labels[rows]
        if sample.all() or not sample.any():
            continue
        found.append(_fast_auc(values[rows], sample))
    if not found:
        return float("nan"), float("nan")
    low, high = np.percentile(found, [2.5, 97.5])
    return float(low), float(high)


def _fast_auc(scores: np.ndarray, good: np.ndarray) -> float:
    """Mann-Whitney AUC by ranks (the bootstrap calls this thousands of times)."""
    from scipy.stats import rankdata

    ranks = rankdata(scores)
    n_good = good.sum()
    n_bad = len(good) - n_good
    return float((ranks[good].sum() - n_good * (n_good + 1) / 2) / (n_good * n_bad))


@dataclass(frozen=True)
class HitRate:
    rule: str
    good: float  # share of good emails it fires on
    bad: float
    hits: int
    p_value: float

    @property
    def ratio(self) -> float:
        """How many times more often it fires on bad email than on good (smoothed)."""
        return (self.bad + 0.01) / (self.good + 0.01)

    def verdict(self, positive: bool = False) -> str:
        if self.hits < 3:
            return "too rare to tell"
        wrong_way = self.bad < self.good if not positive else self.good < self.bad
        if self.p_value < 0.1:
            return "fires on the wrong side" if wrong_way else "separates"
        return "does not separate"


def hit_rates(reports: Sequence[Report], good: np.ndarray, rules: Sequence[str]) -> list[HitRate]:
    """Per rule: the share of good and of bad emails it fires on, and Fisher's exact test of
    whether that differs (a rule that does not separate is seen, and can be dropped)."""
    from scipy.stats import fisher_exact

    fired = {r: np.array([any(f.rule == r for f in rep.findings) for rep in reports]) for r in rules}
    n_good, n_bad = int(good.sum()), int((~good).sum())
    rates = []
    for rule in rules:
        hits = fired[rule]
        on_good, on_bad = int((hits & good).sum()), int((hits & ~good).sum())
        table = [[on_good, n_good - on_good], [on_bad, n_bad - on_bad]]
        p_value = float(fisher_exact(table).pvalue) if on_good + on_bad else 1.0
        rates.append(
            HitRate(rule, on_good / max(n_good, 1), on_bad / max(n_bad, 1), on_good + on_bad, p_value)
        )
    return rates


def severity_for(weight: float, declared: str) -> str:
    """The severity a fitted weight supports: a rule the data barely weigh is advice (info),
    a light one a warning; never raised above what the rule declares."""
    order = [Severity.INFO, Severity.WARNING, Severity.ERROR]
    supported = Severity.INFO if weight < 2 else Severity.WARNING if weight < 6 else Severity.ERROR
    return str(min(supported, Severity.parse(declared), key=order.index))
