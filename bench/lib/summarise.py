#!/usr/bin/env python3
"""Turns bench/run.sh's measurements into the Markdown of docs/benchmarks.md: medians, ratios, and a verdict
on each target of issue 19 (brief §10 raised), with by how much a target is missed.

Usage: summarise.py RESULTS CHECK_SIZE MIGRATE_SIZE   (sizes as ENTITIESxMIGRATIONS, e.g. 1000x5000)

RESULTS is a TSV file, one line per timed run: label, run, seconds, max RSS in KB, and the 1-minute load
average at the run's start (optional). Labels ending in -1cpu are the run pinned to one core (taskset -c 0);
LABEL-server is PostgreSQL's own time (pg_stat_statements) in the run LABEL. bench/lib/test_summarise.py
tests it.
"""
import os
import statistics
import sys
from collections import defaultdict
from typing import NamedTuple

PINNED = "-1cpu"


class Results(NamedTuple):
    secs: dict   # label -> [seconds of each run]
    rss: dict    # label -> [max RSS of each run, MB]
    load: dict   # label -> [1-minute load average at each run's start]

    def median(self, label):
        v = self.secs.get(label)
        return statistics.median(v) if v else None


def parse(lines):
    """The measurements of RESULTS' lines (a line: label, run, seconds, KB[, load average])."""
    secs, rss, load = defaultdict(list), defaultdict(list), defaultdict(list)
    for number, line in enumerate(lines, 1):
        line = line.rstrip("\n")
        if not line.strip():
            continue
        fields = line.split("\t")
        if len(fields) < 4:
            raise ValueError(f"line {number}: expected label, run, seconds, KB[, load average]; got {line!r}")
        label, _run, s, kb, *rest = fields
        secs[label].append(float(s))
        rss[label].append(int(kb) / 1024)
        if rest and rest[0]:
            load[label].append(float(rest[0]))
    return Results(dict(secs), dict(rss), dict(load))


class Target(NamedTuple):
    """One target: keel's figure (`keel`, a label) against a reference (`ref`, a label), by `kind`:
    ratio — keel / ref ≤ limit; within — keel ≤ limit × ref; faster — keel < ref; memory — keel's peak
    max RSS over the labels in `keel` (a tuple) ≤ limit MB."""
    name: str
    kind: str
    keel: object
    ref: object
    limit: float
    limit_text: str
    short: str


def targets(check_size, migrate_size):
    """Issue 19's targets, in the order the summary lists them."""
    ce, cm = check_size.split("x")
    me, mm = migrate_size.split("x")
    check = f"{ce} entities / {cm} migrations"
    migrate = f"{me} entities / {mm} migrations"
    return [
        Target(f"`makemigrations --check` unchanged (warm cache), {check}, against Django's", "ratio",
               "keel-check-warm", "django-check", 1 / 20, "≤ 1/20 of Django's", "unchanged check"),
        Target(f"`makemigrations --check` after one entity changed, {check}, against Django's after a one-model edit",
               "ratio", "keel-check-one-entity", "django-check-one-entity", 1 / 10, "≤ 1/10 of Django's",
               "check after one entity changed"),
        Target(f"`makemigrations --check` after one migration added, {check}, against Django's after one added migration",
               "ratio", "keel-check-one-migration", "django-check-one-migration", 1 / 10, "≤ 1/10 of Django's",
               "check after one migration added"),
        Target(f"`makemigrations --check` cold (no cache), {check}, against Django's", "ratio",
               "keel-check-cold", "django-check", 1 / 4, "≤ 1/4 of Django's", "cold check"),
        Target(f"`migrate` onto an empty PostgreSQL, {migrate}, against PostgreSQL's own time on keel's statements",
               "within", "keel-migrate", "keel-migrate-server", 1.5, "≤ 1.5× PostgreSQL's",
               "migrate against PostgreSQL's time"),
        Target(f"`migrate` onto an empty PostgreSQL, {migrate}, against Flyway applying the same SQL", "faster",
               "keel-migrate", "flyway-migrate", 1.0, "faster than Flyway",
               "migrate against Flyway"),
        Target(f"peak memory of the {check} check (max RSS of every keel check run)", "memory",
               ("keel-check-cold", "keel-check-warm", "keel-check-one-entity", "keel-check-one-migration"), None,
               256, "≤ 256 MB", "peak memory of the check"),
    ]


class Verdict(NamedTuple):
    target: Target
    pinned: bool
    keel: float      # seconds, or MB for memory
    ref: float       # seconds (None for memory)
    value: float     # the ratio keel / ref (memory: MB)
    met: bool
    gap: str         # by how much the target is missed ("" when met)
    loads: str


def share(ratio):
    return f"1/{1 / ratio:.1f}" if ratio < 1 else f"{ratio:.2f}×"


def load_range(results, labels):
    """The 1-minute load averages at the start of these labels' runs: "a–b" (or "a")."""
    v = [x for label in labels for x in results.load.get(label, [])]
    if not v:
        return ""
    return f"{min(v):.2f}" if min(v) == max(v) else f"{min(v):.2f}–{max(v):.2f}"


def evaluate(results, target, pinned=False):
    """The verdict on `target` (its one-core form when `pinned`), or None when a figure it needs was not measured."""
    suffix = PINNED if pinned else ""
    if target.kind == "memory":
        labels = [label + suffix for label in target.keel]
        peaks = [max(results.rss[label]) for label in labels if results.rss.get(label)]
        if not peaks:
            return None
        peak = max(peaks)
        met = peak <= target.limit
        return Verdict(target, pinned, peak, None, peak, met,
                       "" if met else f"{peak - target.limit:.0f} MB over ({peak / target.limit:.2f}× the limit)",
                       load_range(results, labels))
    keel_label = target.keel + suffix
    # PostgreSQL's time is that of keel's own run (keel-migrate-1cpu-server for keel-migrate-1cpu)
    ref_label = keel_label + "-server" if target.ref == target.keel + "-server" else target.ref + suffix
    keel, ref = results.median(keel_label), results.median(ref_label)
    if keel is None or ref is None or ref <= 0:
        return None
    ratio = keel / ref
    if target.kind == "ratio":
        met = ratio <= target.limit
        gap = "" if met else (f"{ratio / target.limit:.2f}× over: keel {keel:.2f} s where the target allows"
                              f" {ref * target.limit:.2f} s")
    elif target.kind == "within":
        met = ratio <= target.limit
        gap = "" if met else (f"{ratio / target.limit:.2f}× over: keel {keel:.2f} s where the target allows"
                              f" {ref * target.limit:.2f} s ({keel - ref * target.limit:.2f} s too many)")
    elif target.kind == "faster":
        met = keel < ref
        gap = "" if met else f"keel takes {ratio:.2f}× Flyway's time ({keel - ref:.2f} s more)"
    else:
        raise ValueError(f"unknown kind of target {target.kind!r}")
    return Verdict(target, pinned, keel, ref, ratio, met, gap, load_range(results, [keel_label, ref_label]))


def verdicts(results, check_size, migrate_size):
    """Every target's verdict on every core, then on one core; the targets not measured are left out."""
    out = []
    for pinned in (False, True):
        for t in targets(check_size, migrate_size):
            v = evaluate(results, t, pinned)
            if v is not None:
                out.append(v)
    return out


def missing(results, check_size, migrate_size):
    """The targets that could not be judged on every core (a figure they need was not measured)."""
    return [t for t in targets(check_size, migrate_size) if evaluate(results, t) is None]


def verdict_table(results, check_size, migrate_size):
    rows = ["| target (median of the runs) | cores | keel | against | keel / against | target | verdict | load average (1 min) at the runs' start |",
            "|---|---|---:|---:|---:|---|---|---:|"]
    for v in verdicts(results, check_size, migrate_size):
        cores = "one core (`taskset -c 0`)" if v.pinned else "every core"
        if v.target.kind == "memory":
            rows.append(f"| {v.target.name} | {cores} | {v.keel:.0f} MB | | | {v.target.limit_text} |"
                        f" {'met' if v.met else '**gap**: ' + v.gap} | {v.loads} |")
        else:
            rows.append(f"| {v.target.name} | {cores} | {v.keel:.2f} s | {v.ref:.2f} s | {v.value:.3f} ({share(v.value)}) |"
                        f" {v.target.limit_text} | {'met' if v.met else '**gap**: ' + v.gap} | {v.loads} |")
    for t in missing(results, check_size, migrate_size):
        rows.append(f"| {t.name} | | | | | {t.limit_text} | **not measured** | |")
    return rows


def summary(results, check_size, migrate_size, flyway_version="", cache_dir=None):
    """The Markdown of the results (lines)."""
    out = []
    me, mm = migrate_size.split("x")
    out += verdict_table(results, check_size, migrate_size)
    out.append("")
    every = [v for v in verdicts(results, check_size, migrate_size) if not v.pinned]
    absent = missing(results, check_size, migrate_size)
    gaps = [v for v in every if not v.met]
    out.append(f"Targets met on every core: {len(every) - len(gaps)} of {len(every) + len(absent)}"
               + (f"; missed: " + "; ".join(f"{v.target.short} ({v.gap.split(':')[0]})" for v in gaps) if gaps else "")
               + (f"; not measured: " + "; ".join(t.short for t in absent) if absent else "") + ".")
    out.append("")
    med = results.median
    if med("keel-migrate") and med("django-migrate"):
        out.append(f"Django's `migrate` ({me}/{mm}) for comparison: {med('django-migrate'):.2f} s, keel's"
                   f" {med('keel-migrate'):.2f} s ({share(med('keel-migrate') / med('django-migrate'))} of Django's).")
        out.append("")
    if med("keel-migrate") and med("keel-migrate-server") and med("django-migrate") and med("django-migrate-server"):
        ks, ds = med("keel-migrate-server"), med("django-migrate-server")
        kown, down = med("keel-migrate") - ks, med("django-migrate") - ds
        out.append(f"Of the `migrate` times, PostgreSQL itself spent (median, the execution time of every statement the"
                   f" tool sent, from `pg_stat_statements`) {ds:.2f} s for Django and {ks:.2f} s for keel. What is left is"
                   f" each tool's own time (start-up, reading the migrations, planning, round trips): Django {down:.2f} s,"
                   f" keel {kown:.2f} s. Within 1.5× of PostgreSQL's time, keel's own time may be at most {ks / 2:.2f} s.")
        out.append("")
    if med("flyway-migrate"):
        out.append(f"`migrate` onto an empty PostgreSQL, {me} entities / {mm} migrations, side by side (medians). Flyway"
                   " applies the SQL `keel sqlmigrate` prints for each of keel's migrations, in keel's plan order, as"
                   " versioned SQL migrations V1__… (bench/peers/flyway). *PostgreSQL* is the execution time of every"
                   " statement the tool sent (`pg_stat_statements`); *own* is the rest of the wall time (start-up, reading"
                   " the migrations, planning, round trips, the tool's history table).")
        out.append("")
        out.append("| tool | cores | wall | PostgreSQL | own | wall / PostgreSQL | wall / keel's | load average (1 min) at the runs' start |")
        out.append("|---|---|---:|---:|---:|---:|---:|---:|")
        for pin, cores in (("", "every core"), (PINNED, "one core (`taskset -c 0`)")):
            keel = med("keel-migrate" + pin)
            for tool, label in (("keel", "keel-migrate"), (("Flyway " + flyway_version).strip(), "flyway-migrate"),
                                ("Django", "django-migrate")):
                label += pin
                wall, server = med(label), med(label + "-server")
                if wall is None:
                    continue
                pg = f"{server:.2f} s" if server is not None else ""
                own = f"{wall - server:.2f} s" if server is not None else ""
                over = f"{wall / server:.2f}×" if server else ""
                rel = f"{wall / keel:.2f}×" if keel else ""
                out.append(f"| {tool} | {cores} | {wall:.2f} s | {pg} | {own} | {over} | {rel} | {load_range(results, [label])} |")
        out.append("")
    if cache_dir is not None and not os.path.isdir(cache_dir):
        out.append("keel at this commit left no replay cache (`.keel/cache` is absent after its runs): *warm* and *cold*"
                   " do the same work, and differ only by noise.")
        out.append("")
    out.append("Every run (seconds; max RSS in MB):")
    out.append("")
    out.append("| measurement | runs (s) | min | median | max | max RSS | load average (1 min) at each run's start |")
    out.append("|---|---|---:|---:|---:|---:|---|")
    for label, v in results.secs.items():
        memory = f"{max(results.rss[label]):.0f}" if max(results.rss[label]) > 0 else ""
        out.append(f"| {label} | {', '.join(f'{x:.2f}' for x in v)} | {min(v):.2f} | {med(label):.2f} | {max(v):.2f} |"
                   f" {memory} | {', '.join(f'{x:.2f}' for x in results.load.get(label, []))} |")
    return out


def main(argv):
    if len(argv) != 4:
        sys.exit("usage: summarise.py RESULTS CHECK_SIZE MIGRATE_SIZE (sizes like 1000x5000)")
    path, check_size, migrate_size = argv[1:4]
    with open(path) as f:
        results = parse(f)
    cache = os.path.join(os.path.dirname(os.path.abspath(path)), "keel-check", ".keel", "cache")
    print("\n".join(summary(results, check_size, migrate_size, os.environ.get("FLYWAY_VERSION", ""), cache)))


if __name__ == "__main__":
    main(sys.argv)
