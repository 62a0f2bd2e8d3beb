#!/usr/bin/env python3
"""Turns bench/run.sh's measurements (TSV: label, run, seconds, max RSS in KB) into the Markdown
tables of docs/benchmarks.md: medians, ratios keel/Django, and the targets of brief §10."""
import os
import statistics
import sys
from collections import defaultdict

results, check_size, migrate_size = sys.argv[1:4]
secs, rss = defaultdict(list), defaultdict(list)
for line in open(results):
    label, _run, s, kb = line.rstrip("\n").split("\t")
    secs[label].append(float(s))
    rss[label].append(int(kb) / 1024)

med = {k: statistics.median(v) for k, v in secs.items()}
ce, cm = check_size.split("x")
me, mm = migrate_size.split("x")


def share(ratio):
    return f"1/{1 / ratio:.1f}" if ratio < 1 else f"{ratio:.1f}×"


def verdict(ratio, target):
    return "met" if ratio <= target else f"**gap**: {ratio / target:.1f}× over"


rows = [
    (f"`makemigrations --check`, {ce} entities / {cm} migrations, keel warm cache", "django-check", "keel-check-warm", 1 / 10, "1/10"),
    (f"`makemigrations --check`, {ce} entities / {cm} migrations, keel cold (no cache)", "django-check", "keel-check-cold", 1 / 3, "1/3"),
    (f"`migrate` onto an empty PostgreSQL, {me} entities / {mm} migrations", "django-migrate", "keel-migrate", 1 / 20, "1/20"),
]
print("| measurement (median) | Django | keel | keel / Django | target | |")
print("|---|---:|---:|---:|---:|---|")
for title, dj, kl, target, target_text in rows:
    ratio = med[kl] / med[dj]
    print(f"| {title} | {med[dj]:.2f} s | {med[kl]:.2f} s | {ratio:.2f} ({share(ratio)}) | ≤ {target_text} | {verdict(ratio, target)} |")
peak = max(max(rss["keel-check-cold"]), max(rss["keel-check-warm"]))
print(f"| peak memory of the {ce}/{cm} check (max RSS, keel cold and warm) | {max(rss['django-check']):.0f} MB"
      f" | {peak:.0f} MB | | ≤ 512 MB | {'met' if peak <= 512 else f'**gap**: {peak - 512:.0f} MB over'} |")
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
cache = os.path.join(os.path.dirname(os.path.abspath(results)), "keel-check", ".keel", "cache")
if not os.path.isdir(cache):
    print("keel at this commit left no replay cache (`.keel/cache` is absent after its runs): *warm* and *cold* do"
          " the same work, and differ only by noise.")
    print()
print("Every run (seconds; max RSS in MB):")
print()
print("| measurement | runs (s) | min | median | max | max RSS |")
print("|---|---|---:|---:|---:|---:|")
for label in ["django-check", "keel-check-cold", "keel-check-warm", "django-migrate", "keel-migrate",
              "django-migrate-server", "keel-migrate-server"]:
    if label not in secs:
        continue
    v = secs[label]
    memory = f"{max(rss[label]):.0f}" if max(rss[label]) > 0 else ""
    print(f"| {label} | {', '.join(f'{x:.2f}' for x in v)} | {min(v):.2f} | {med[label]:.2f} | {max(v):.2f} | {memory} |")
