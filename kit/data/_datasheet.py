"""Write the datasheet of the synthetic applicant data, every number computed.

The datasheet follows the questions of "Datasheets for Datasets" (Gebru et
al., 2021): why the data exists, what is in it, how it was made, what it may
and may not be used for, and who looks after it. Nothing in it is typed by
hand: rates, ratios and group sizes come from the generated table, so the
text cannot drift away from the data.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from kit.data import _hiring as H

_PEOPLE = {"woman": "women", "man": "men", "non-binary": "non-binary people"}


def group_rates(df: pd.DataFrame, by: str | list[str]) -> pd.DataFrame:
    """Return size, qualification rate, selection rate and impact ratio per group.

    Parameters
    ----------
    df : pandas.DataFrame
        Applicants with ``shortlisted`` and ``qualified``.
    by : str or list of str
        Column(s) that define the groups.

    Returns
    -------
    pandas.DataFrame
        Columns ``n, share, qualified_rate, selection_rate, impact_ratio,
        judged``. The impact ratio compares each group with the highest
        selection rate among the *judged* groups, those holding at least
        :data:`kit.data.MIN_GROUP_SHARE` of the pool; smaller groups get a
        ratio too, but it should not be trusted.
    """
    grouped = df.groupby(by, observed=True)
    table = pd.DataFrame({
        "n": grouped.size(),
        "qualified_rate": grouped["qualified"].mean(),
        "selection_rate": grouped["shortlisted"].mean(),
    })
    table.insert(1, "share", table["n"] / len(df))
    table["judged"] = table["share"] >= H.MIN_GROUP_SHARE
    best = table.loc[table["judged"], "selection_rate"].max()
    table["impact_ratio"] = table["selection_rate"] / best
    return table[["n", "share", "qualified_rate", "selection_rate", "impact_ratio", "judged"]]


def _people(gender: str, ethnicity: str) -> str:
    return f"{ethnicity} {_PEOPLE.get(gender, gender)}"


def _pct(x: float) -> str:
    return f"{100 * x:.1f}%"


def _md(table: pd.DataFrame) -> str:
    """Render a small table as Markdown: rates as percentages, ratios to 2 dp."""
    table = table.reset_index()
    header = [str(c).replace("_", " ") for c in table.columns]
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    for _, row in table.iterrows():
        cells = []
        for col, value in row.items():
            if col in ("share", "qualified_rate", "selection_rate"):
                cells.append(_pct(value))
            elif col == "impact_ratio":
                cells.append(f"{value:.2f}")
            elif col == "judged":
                cells.append("yes" if value else "no: too small")
            else:
                cells.append(str(value))
        lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines)


def _columns_table(df: pd.DataFrame) -> str:
    lines = ["| column | kind | meaning | values in this file |", "|---|---|---|---|"]
    for col, meaning in H.COLUMN_GUIDE.items():
        s = df[col]
        if col == "applicant_id":
            kind, values = "text", f"{s.iloc[0]} to {s.iloc[-1]}"
        elif pd.api.types.is_numeric_dtype(s) and set(s.unique()) <= {0, 1}:
            kind, values = "0 or 1", f"1 for {_pct(s.mean())}"
        elif pd.api.types.is_numeric_dtype(s):
            kind = "decimal" if pd.api.types.is_float_dtype(s) else "whole number"
            digits = 2 if kind == "decimal" else 1
            values = f"{s.min():g} to {s.max():g}, average {s.mean():.{digits}f}"
        else:
            kind = "category"
            values = ", ".join(f"{k} ({v})" for k, v in s.value_counts().sort_index().items())
        lines.append(f"| `{col}` | {kind} | {meaning} | {values} |")
    return "\n".join(lines)


def hiring_datasheet(n: int = H.N_DEFAULT, seed: int = H.SEED_DEFAULT) -> str:
    """Return the datasheet text (Markdown) for ``make_applicants(n, seed)``.

    Parameters
    ----------
    n, seed : int
        Passed to :func:`kit.data.make_applicants`. The prose is written for
        the default pool; other pools of a few thousand rows also render, with
        their own numbers.

    Returns
    -------
    str
        The datasheet, every figure computed from the generated table.
    """
    from kit.fairness import wilson_interval  # here, not at import: no cycle
    from kit.fairness._proxy import cramers_v

    df = H.make_applicants(n, seed)
    older = df["age_band"] == "55+"
    qualified = df["qualified"] == 1
    age = group_rates(df, "age_band")
    area = group_rates(df, "postcode_area")
    gender, ethnicity = group_rates(df, "gender"), group_rates(df, "ethnicity")
    sub = group_rates(df, ["gender", "ethnicity"])
    judged_sub = sub[sub["judged"]].sort_values("impact_ratio")
    low_sub, next_sub = judged_sub.index[0], judged_sub.iloc[1]
    in_penalised = df["postcode_area"].isin(H.PENALISED_AREAS)
    living = in_penalised.groupby(df["ethnicity"]).mean()
    small = gender[~gender["judged"]]
    nb = df[df["gender"] == "non-binary"]
    low, high = wilson_interval(int(nb["shortlisted"].sum()), len(nb))
    tpr_old = df.loc[qualified & older, "shortlisted"].mean()
    tpr_rest = df.loc[qualified & ~older, "shortlisted"].mean()
    black_women = (df["gender"] == low_sub[0]) & (df["ethnicity"] == low_sub[1])
    tpr_bw = df.loc[qualified & black_women, "shortlisted"].mean()
    tpr_others = df.loc[qualified & ~black_women, "shortlisted"].mean()
    judged_groups = pd.concat([gender[gender["judged"]], ethnicity, age, area])
    areas = " and ".join(H.PENALISED_AREAS)
    text = _TEMPLATE.format(
        n=len(df), seed=seed, n_columns=len(df.columns), columns_table=_columns_table(df),
        threshold=H.SHORTLIST_THRESHOLD, years=H.EXPERIENCE_THAT_COUNTS,
        selected=_pct(df["shortlisted"].mean()), qualified=_pct(df["qualified"].mean()),
        age_table=_md(age), age_ratio=f"{age.loc['55+', 'impact_ratio']:.2f}",
        age_sel=_pct(age.loc["55+", "selection_rate"]),
        age_best=age["selection_rate"].idxmax(), age_best_sel=_pct(age["selection_rate"].max()),
        age_q=_pct(age.loc["55+", "qualified_rate"]),
        age_q_rest=_pct(df.loc[~older, "qualified"].mean()),
        test_gap=-H.PLANTED_EFFECTS["test_points_55_plus"],
        test_old=f"{df.loc[older, 'skills_test'].mean():.1f}",
        test_rest=f"{df.loc[~older, 'skills_test'].mean():.1f}",
        tpr_old=_pct(tpr_old), tpr_rest=_pct(tpr_rest),
        v=f"{cramers_v(df['postcode_area'], df['ethnicity']):.2f}", areas=areas,
        living="; ".join(f"{k} {_pct(v)}" for k, v in living.sort_values(ascending=False).items()),
        area_table=_md(area),
        sel_pen=_pct(df.loc[in_penalised, "shortlisted"].mean()),
        sel_rest=_pct(df.loc[~in_penalised, "shortlisted"].mean()),
        q_pen=_pct(df.loc[in_penalised, "qualified"].mean()),
        q_rest=_pct(df.loc[~in_penalised, "qualified"].mean()),
        gender_table=_md(gender), ethnicity_table=_md(ethnicity), sub_table=_md(sub),
        gender_min=f"{gender.loc[gender['judged'], 'impact_ratio'].min():.2f}",
        eth_min=f"{ethnicity['impact_ratio'].min():.2f}",
        eth_low=ethnicity["impact_ratio"].idxmin(),
        sub_name=_people(*low_sub), sub_n=judged_sub.iloc[0]["n"],
        sub_share=_pct(judged_sub.iloc[0]["share"]),
        sub_ratio=f"{judged_sub.iloc[0]['impact_ratio']:.2f}",
        next_name=_people(*next_sub.name),
        next_ratio=f"{next_sub['impact_ratio']:.2f}",
        tpr_bw=_pct(tpr_bw), tpr_others=_pct(tpr_others),
        small_name=", ".join(_PEOPLE.get(g, g) for g in small.index).capitalize(),
        small_n=len(nb), small_share=_pct(len(nb) / len(df)),
        min_share=_pct(H.MIN_GROUP_SHARE), small_sel=_pct(nb["shortlisted"].mean()),
        small_low=_pct(low), small_high=_pct(high),
        q_low=_pct(judged_groups["qualified_rate"].min()),
        q_high=_pct(judged_groups["qualified_rate"].max()),
        dis_ratio=f"{group_rates(df, 'disability')['impact_ratio'].min():.2f}",
    )
    return text


def write_hiring_datasheet(path: str | Path, n: int = H.N_DEFAULT,
                           seed: int = H.SEED_DEFAULT) -> Path:
    """Write the datasheet to ``path`` (UTF-8, Unix line endings) and return the path."""
    path = Path(path)
    path.write_text(hiring_datasheet(n, seed), encoding="utf-8", newline="\n")
    return path


_TEMPLATE = """\
# Datasheet: synthetic job applicants

*Every person in this file is invented. This datasheet is generated by
`kit.data.write_hiring_datasheet`; every number in it is computed from the
data, so do not edit it by hand.*

- File: `data/hiring.csv`, {n} rows, {n_columns} columns.
- Made by: `kit.data.make_applicants(n={n}, seed={seed})` in the Ethical AI
  Leadership Kit.
- Rebuild both files: `python -m kit.data`.

## Why this dataset exists

The kit's lesson on bias in hiring needs a table of job applicants that a
learner can audit: who applied, what an automated screening tool said about
them, and whether they were shortlisted. Real applicant records are personal
data and cannot be shared. Real data has a second problem for teaching: you
never know for sure where the bias is. Here we do, because we put it there.
So a learner can check their findings against the answer below.

## What is in it

Each row is one invented applicant for one invented job. A vendor's screening
tool gave each applicant a score, and the tool shortlisted everyone scoring
{threshold} or more: {selected} of the pool. Because the data is made up, we also know who
was really able to do the job (`qualified`): {qualified} of the pool. In real
life nobody has that column; it is what lets a learner compare mistakes
between groups.

{columns_table}

There are no missing values. Gender, ethnicity, age band and disability are
included on purpose: without them, nobody can check whether the tool treats
groups fairly. The postcode areas are fictional names, not real places.

## How it was made

Nothing was collected. The code draws every value from one random generator
started with seed {seed}, in this order:

1. Gender, ethnicity, age band and disability, each independently, with fixed
   shares.
2. Postcode area, with shares that depend on ethnicity (the proxy below).
3. Years of experience, which grow with the age band.
4. A hidden "true skill" for each applicant. Education and the skills test are
   noisy readings of it.
5. `qualified`: true skill plus experience (counting up to {years} years) above a
   fixed cut-off. No group membership enters this step.
6. The vendor's score: built from the skills test, experience and referral,
   plus random noise, plus the planted effects described next.
7. `shortlisted`: 1 when the score is {threshold} or more.

The same seed always gives the same file, byte for byte, and the kit's tests
check that the committed files match a fresh rebuild.

## The planted effects: what a careful audit should find

A common first check is the **four-fifths rule**: divide each group's
selection rate by the highest group's rate. A result under 0.8 is a warning
sign worth investigating. The rule comes from US employment guidance; UK
equality law sets no fixed number, but the check is still a useful first look.
In the tables, groups under {min_share} of the pool are marked "too small":
their rates move too much by chance to be judged.

### (a) A gap by age that fails the four-fifths rule

{age_table}

Applicants aged 55+ are shortlisted at {age_sel}, against {age_best_sel} for
the {age_best} band: an impact ratio of {age_ratio}, well under 0.8. Yet they
are qualified just as often ({age_q}, against {age_q_rest} for everyone
younger). The tool never sees age. The gap comes in through the skills test:
it is timed and online, and it takes about {test_gap} points from applicants
aged 55+ compared with younger applicants of the same true skill. Their
average test score is {test_old}, against {test_rest} for everyone else. The
result: the tool shortlists {tpr_old} of qualified applicants aged 55+, but
{tpr_rest} of qualified younger applicants.

### (b) A proxy: postcode area stands in for ethnicity

Postcode area and ethnicity are strongly linked: Cramér's V is {v}
(bias-corrected; 0 means no link, 1 means one gives the other away). Share of
each group living in {areas}: {living}. The vendor's score marks down
applicants from {areas}. It never sees ethnicity, but through the postcode it
lowers the chances of the groups who live there most.

{area_table}

In {areas}, {sel_pen} of applicants are shortlisted, against {sel_rest}
elsewhere, while their qualification rates are similar ({q_pen} against
{q_rest}).

### (c) An intersectional gap that neither attribute shows alone

By gender alone, the lowest impact ratio among judged groups is {gender_min}:
it passes the four-fifths rule.

{gender_table}

By ethnicity alone, the lowest is {eth_min} ({eth_low}): it also passes.

{ethnicity_table}

But split by both at once, {sub_name} ({sub_n} people, {sub_share} of the
pool) have an impact ratio of {sub_ratio}: a clear fail. The next lowest judged
subgroup is {next_name} at {next_ratio}. The tool shortlists {tpr_bw} of
qualified {sub_name}, against {tpr_others} of all other qualified applicants.

{sub_table}

How it was planted: the score marks down Black women and nudges Black men up a
little, so that the average for Black applicants looks acceptable. An audit
that only looks at one attribute at a time misses it.

### (d) A group too small to judge

{small_name}: {small_n} applicants, {small_share} of the pool, under the
{min_share} line. Their selection rate is {small_sel}, but with so few people
the true rate could plausibly be anywhere from {small_low} to {small_high}
(95% Wilson interval). The honest conclusion is "we cannot tell": gather more
data or review the process for this group by hand, rather than reading
anything into the rate.

### What is not planted

Qualification rates are close across all judged groups of gender, ethnicity,
age band and postcode area (from {q_low} to {q_high}): differences there are
chance. No effect is planted for disability (lowest impact ratio {dis_ratio}).
The vendor's score also rewards a referral; that is a questionable practice
worth discussing, but it is not tied to any group in this data.

## What it is for

- Practising an audit: selection rates, the four-fifths rule, error rates by
  group, intersectional groups, proxies and mitigations.
- Rehearsing the questions a leader should ask a vendor.
- Testing the kit's own audit code against known answers.

## What it must not be used for

- Drawing conclusions about real people, real groups or real places. The
  shares and the sizes of the effects were chosen for teaching.
- Training, tuning or benchmarking a real hiring tool.
- As evidence that any real vendor or any real test is biased, or that any
  method removes bias.
- As a picture of what a real applicant pool looks like.

## Maintenance

The data lives in the kit's repository and changes only through its code. To
change it, edit `kit/data/_hiring.py`, run `python -m kit.data`, and commit
the CSV and this datasheet together; the tests then check that the planted
effects still hold. Then run `python -m kit.transparency`: it trains the
lessons' screening model on the new data and stores its numbers in
`data/screening_model.json` (the transparency lesson reads them instead of
training; a test fails until they match the data). Report problems through
the repository's issue tracker.
"""
