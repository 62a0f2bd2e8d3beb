#!/usr/bin/env python3
"""Turns bench/run.sh's measurements (TSV: label, run, seconds, max RSS in KB) into the Markdown
tables of docs/benchmarks.md: medians, ratios keel/Django, and the targets of brief §10."""
import os
import statistics
import sys
from collections import defaultdict

results, check_size, migrate_size = sys.argv[1:4]
secs, rss, load = defaultdict(list), defaultdict(list), defaultdict(list)
for line in open(results):
    label, _run, s, kb, *rest = line.rstrip("\n").split("\t")
    secs[label].append(float(s))
    rss[label].append(int(kb) / 1024)
    if rest and rest[0]:
        load[label].append(float(rest[0]))

med = {k: statistics.median(v) for k, v in secs.items()}
ce, cm = check_size.split("x")
me, mm = migrate_size.split("x")


def share(ratio):
    return f"1/{1 / ratio:.1f}" if ratio < 1 else f"{ratio:.1f}×"


def loads(*labels):
    """The 1-minute load averages at the start of these measurements' runs: "a–b" (or "a")."""
    v = [x for label in labels for x in load.get(label, [])]
    if not v:
        return ""
    return f"{min(v):.2f}" if min(v) == max(v) else f"{min(v):.2f}–{max(v):.2f}"


def verdict(ratio, target):
    return "met" if ratio <= target else f"**gap**: {ratio / target:.1f}× over"


rows = [
    (f"`makemigrations --check`, {ce} entities / {cm} migrations, keel warm cache", "django-check", "keel-check-warm", 1 / 10, "1/10"),
    (f"`makemigrations --check`, {ce} entities / {cm} migrations, keel cold (no cache)", "django-check", "keel-check-cold", 1 / 3, "1/3"),
    (f"`migrate` onto an empty PostgreSQL, {me} entities / {mm} migrations", "django-migrate", "keel-migrate", 1 / 20, "1/20"),
]
pinned = [
    (f"`makemigrations --check`, {ce}/{cm}, keel warm, **one core** (`taskset -c 0`)", "django-check-1cpu", "keel-check-warm-1cpu"),
    (f"`makemigrations --check`, {ce}/{cm}, keel cold, **one core**", "django-check-1cpu", "keel-check-cold-1cpu"),
    (f"`migrate`, {me}/{mm}, **one core** (the tool pinned; PostgreSQL not)", "django-migrate-1cpu", "keel-migrate-1cpu"),
]
print("| measurement (median) | Django | keel | keel / Django | target | | load average (1 min) at the runs' start |")
print("|---|---:|---:|---:|---:|---|---:|")
for title, dj, kl, target, target_text in rows:
    ratio = med[kl] / med[dj]
    print(f"| {title} | {med[dj]:.2f} s | {med[kl]:.2f} s | {ratio:.2f} ({share(ratio)}) | ≤ {target_text} | {verdict(ratio, target)} | {loads(dj, kl)} |")
for title, dj, kl in pinned:
    if dj in med and kl in med:
        ratio = med[kl] / med[dj]
        print(f"| {title} | {med[dj]:.2f} s | {med[kl]:.2f} s | {ratio:.2f} ({share(ratio)}) | | without parallelism | {loads(dj, kl)} |")
peak = max(max(rss["keel-check-cold"]), max(rss["keel-check-warm"]))
print(f"| peak memory of the {ce}/{cm} check (max RSS, keel cold and warm) | {max(rss['django-check']):.0f} MB"
      f" | {peak:.0f} MB | | ≤ 512 MB | {'met' if peak <= 512 else f'**gap**: {peak - 512:.0f} MB over'} | {loads('django-check', 'keel-check-cold', 'keel-check-warm')} |")
print()
if "keel-migrate-server" in med and "django-migrate-server" in med:
    ks, ds = med["keel-migrate-server"], med["django-migrate-server"]
    kown, down = med["keel-migrate"] - ks, med["django-migrate"] - ds
    print(f"Of the `migrate` times, PostgreSQL itself spent (median, the execution time of every statement the tool sent,"
          f" from `pg_stat_statements`) {ds:.2f} s for Django and {ks:.2f} s for keel. What is left is each tool's own"
          f" time (start-up, reading the migrations, planning, round trips): Django {down:.2f} s, keel {kown:.2f} s"
          f" ({share(kown / down)} of Django's). A keel `migrate` at 1/20 of Django's time would take"
          f" {med['django-migrate'] / 20:.2f} s{', less than PostgreSQL alone spends on these statements' if med['django-migrate'] / 20 < ks else ''}.")
    print()
if "flyway-migrate" in med:
    print(f"`migrate` onto an empty PostgreSQL, {me} entities / {mm} migrations, side by side (medians). Flyway applies"
          " the SQL `keel sqlmigrate` prints for each of keel's migrations, in keel's plan order, as versioned SQL"
          " migrations V1__… (bench/peers/flyway). *PostgreSQL* is the execution time of every statement the tool sent"
          " (`pg_stat_statements`); *own* is the rest of the wall time (start-up, reading the migrations, planning,"
          " round trips, the tool's history table).")
    print()
    print("| tool | cores | wall | PostgreSQL | own | wall / PostgreSQL | wall / keel's | load average (1 min) at the runs' start |")
    print("|---|---|---:|---:|---:|---:|---:|---:|")
    for pin, cores in (("", "every core"), ("-1cpu", "one core (`taskset -c 0`)")):
        keel = med.get("keel-migrate" + pin)
        for tool, label in (("keel", "keel-migrate"), ("Flyway " + os.environ.get("FLYWAY_VERSION", ""), "flyway-migrate"),
                            ("Django", "django-migrate")):
            label += pin
            if label not in med:
                continue
            wall, server = med[label], med.get(label + "-server")
            pg = f"{server:.2f} s" if server is not None else ""
            own = f"{wall - server:.2f} s" if server is not None else ""
            over = f"{wall / server:.2f}×" if server else ""
            rel = f"{wall / keel:.2f}×" if keel else ""
            print(f"| {tool.strip()} | {cores} | {wall:.2f} s | {pg} | {own} | {over} | {rel} | {loads(label)} |")
    k, f = med.get("keel-migrate"), med.get("flyway-migrate")
    ks = med.get("keel-migrate-server")
    if k and f:
        print()
        print(f"Targets (issue 19): keel faster than Flyway applying the same SQL — keel {k:.2f} s, Flyway {f:.2f} s:"
              f" {'met' if k < f else f'**gap**: keel takes {k / f:.2f}× Flyway’s time'}"
              + (f"; keel within 1.5× of PostgreSQL's own time on its statements — {k / ks:.2f}×:"
                 f" {'met' if k <= 1.5 * ks else f'**gap**: {k / (1.5 * ks):.1f}× over'}" if ks else "") + ".")
    print()
cache = os.path.join(os.path.dirname(os.path.abspath(results)), "keel-check", ".keel", "cache")
if not os.path.isdir(cache):
    print("keel at this commit left no replay cache (`.keel/cache` is absent after its runs): *warm* and *cold* do"
          " the same work, and differ only by noise.")
    print()
print("Every run (seconds; max RSS in MB):")
print()
print("| measurement | runs (s) | min | median | max | max RSS | load average (1 min) at each run's start |")
print("|---|---|---:|---:|---:|---:|---|")
for label in secs:
    v = secs[label]
    memory = f"{max(rss[label]):.0f}" if max(rss[label]) > 0 else ""
    print(f"| {label} | {', '.join(f'{x:.2f}' for x in v)} | {min(v):.2f} | {med[label]:.2f} | {max(v):.2f} | {memory}"
          f" | {', '.join(f'{x:.2f}' for x in load.get(label, []))} |")
