#!/usr/bin/env python3
"""Tests of summarise.py: the targets of issue 19 as bench/run.sh's results are judged against them.

Run from the repository root: python3 -m unittest discover -s bench/lib -p 'test_*.py'
(.ci/run runs it before mvn verify)."""
import os
import re
import subprocess
import sys
import tempfile
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import summarise  # noqa: E402

CHECK, MIGRATE = "1000x5000", "200x1000"
RUN_SH = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "run.sh")

# Every figure of a run where each target is met, with a margin: label -> (seconds, max RSS in MB).
MET = {
    "django-check": (9.0, 225), "keel-check-warm": (0.40, 108), "keel-check-cold": (2.0, 240),
    "django-check-one-entity": (9.0, 225), "keel-check-one-entity": (0.80, 150),
    "django-check-one-migration": (9.0, 225), "keel-check-one-migration": (0.80, 150),
    "django-migrate": (38.0, 95), "django-migrate-server": (5.0, 0),
    "keel-migrate": (1.2, 160), "keel-migrate-server": (1.0, 0),
    "flyway-migrate": (5.6, 339), "flyway-migrate-server": (1.0, 0),
}


def tsv(figures, runs=3, load=2.5, pinned=True):
    """RESULTS lines for `figures` (label -> (seconds, MB)), each measured `runs` times, also on one core."""
    lines = []
    for label, (secs, mb) in figures.items():
        labels = [label]
        if pinned:
            labels.append(label.replace("-server", "") + "-1cpu" + ("-server" if label.endswith("-server") else ""))
        for one in labels:
            for run in range(1, runs + 1):
                lines.append(f"{one}\t{run}\t{secs}\t{int(mb * 1024)}\t{load}")
    return lines


def judged(figures, **kw):
    """{(short name, pinned): verdict} for `figures`."""
    results = summarise.parse(tsv(figures, **kw))
    return {(v.target.short, v.pinned): v for v in summarise.verdicts(results, CHECK, MIGRATE)}


def changed(**figures):
    f = dict(MET)
    for label, value in figures.items():
        f[label.replace("_", "-")] = value
    return f


class TargetsTest(unittest.TestCase):
    def test_the_targets_are_issue_19s(self):
        t = {x.short: x for x in summarise.targets(CHECK, MIGRATE)}
        self.assertEqual(t["unchanged check"].limit, 1 / 20)
        self.assertEqual(t["check after one entity changed"].limit, 1 / 10)
        self.assertEqual(t["check after one migration added"].limit, 1 / 10)
        self.assertEqual(t["cold check"].limit, 1 / 4)
        self.assertEqual((t["migrate against PostgreSQL's time"].kind, t["migrate against PostgreSQL's time"].limit),
                         ("within", 1.5))
        self.assertEqual(t["migrate against Flyway"].kind, "faster")
        self.assertEqual((t["peak memory of the check"].kind, t["peak memory of the check"].limit), ("memory", 256))

    def test_all_met(self):
        v = judged(MET)
        self.assertEqual(len(v), 14)  # seven targets, every core and one core
        self.assertTrue(all(x.met for x in v.values()), [x for x in v.values() if not x.met])
        text = "\n".join(summarise.summary(summarise.parse(tsv(MET)), CHECK, MIGRATE))
        self.assertIn("Targets met on every core: 7 of 7.", text)
        self.assertNotIn("gap", text)

    def test_warm_check_over_one_twentieth(self):
        v = judged(changed(keel_check_warm=(0.72, 108)))["unchanged check", False]
        self.assertFalse(v.met)
        self.assertIn("1.60× over", v.gap)
        self.assertIn("allows 0.45 s", v.gap)

    def test_at_the_limit_is_met(self):
        self.assertTrue(judged(changed(keel_check_warm=(0.45, 108)))["unchanged check", False].met)
        self.assertTrue(judged(changed(keel_migrate=(1.5, 160)))["migrate against PostgreSQL's time", False].met)

    def test_one_entity_and_one_migration_against_djangos_own_runs(self):
        # Django's check after the edit is the reference, not its unchanged check
        v = judged(changed(keel_check_one_entity=(0.95, 150), django_check_one_entity=(9.0, 225),
                           django_check=(20.0, 225)))
        self.assertFalse(v["check after one entity changed", False].met)
        self.assertAlmostEqual(v["check after one entity changed", False].value, 0.95 / 9.0)
        self.assertTrue(v["check after one migration added", False].met)
        v = judged(changed(keel_check_one_migration=(1.0, 150)))
        self.assertFalse(v["check after one migration added", False].met)
        self.assertIn("1.11× over", v["check after one migration added", False].gap)

    def test_cold_check_over_one_quarter(self):
        v = judged(changed(keel_check_cold=(4.32, 240)))["cold check", False]
        self.assertFalse(v.met)
        self.assertIn("1.92× over", v.gap)

    def test_migrate_against_postgresqls_own_time_of_the_same_run(self):
        v = judged(changed(keel_migrate=(2.16, 160), keel_migrate_server=(0.87, 0)))
        self.assertFalse(v["migrate against PostgreSQL's time", False].met)
        self.assertIn("1.66× over", v["migrate against PostgreSQL's time", False].gap)
        self.assertIn("0.86 s too many", v["migrate against PostgreSQL's time", False].gap)
        self.assertTrue(v["migrate against Flyway", False].met)

    def test_migrate_slower_than_flyway(self):
        v = judged(changed(keel_migrate=(1.4, 160), flyway_migrate=(1.3, 339)))["migrate against Flyway", False]
        self.assertFalse(v.met)
        self.assertIn("1.08× Flyway's time", v.gap)
        self.assertFalse(judged(changed(keel_migrate=(1.3, 160), flyway_migrate=(1.3, 339)))["migrate against Flyway", False].met)

    def test_peak_memory_is_the_largest_of_every_keel_check(self):
        v = judged(changed(keel_check_one_migration=(0.8, 290)))["peak memory of the check", False]
        self.assertFalse(v.met)
        self.assertEqual(round(v.keel), 290)
        self.assertIn("34 MB over", v.gap)
        self.assertTrue(judged(changed(keel_check_cold=(2.0, 256)))["peak memory of the check", False].met)
        # Django's or Flyway's memory is not keel's
        self.assertTrue(judged(changed(django_check=(9.0, 900), flyway_migrate=(5.6, 900)))["peak memory of the check", False].met)

    def test_one_core_is_judged_on_the_pinned_runs(self):
        lines = tsv(MET) + [f"keel-check-cold-1cpu\t{r}\t3.0\t{240 * 1024}\t4.0" for r in (4, 5, 6, 7)]
        results = summarise.parse(lines)
        v = {(x.target.short, x.pinned): x for x in summarise.verdicts(results, CHECK, MIGRATE)}
        self.assertTrue(v["cold check", False].met)
        self.assertFalse(v["cold check", True].met)  # median of 2.0 ×3 and 3.0 ×4 is 3.0: 3/9 > 1/4
        self.assertEqual(v["cold check", True].loads, "2.50–4.00")

    def test_median_not_mean(self):
        lines = [f"keel-check-warm\t{r}\t{s}\t1024\t1" for r, s in enumerate((0.4, 0.4, 9.0), 1)]
        lines += [f"django-check\t{r}\t9.0\t1024\t1" for r in (1, 2, 3)]
        v = {x.target.short: x for x in summarise.verdicts(summarise.parse(lines), CHECK, MIGRATE)}
        self.assertTrue(v["unchanged check"].met)

    def test_a_target_without_its_figures_is_not_measured_and_not_met(self):
        figures = {k: x for k, x in MET.items() if "one-migration" not in k and not k.startswith("flyway")}
        results = summarise.parse(tsv(figures))
        self.assertEqual([t.short for t in summarise.missing(results, CHECK, MIGRATE)],
                         ["check after one migration added", "migrate against Flyway"])
        text = "\n".join(summarise.summary(results, CHECK, MIGRATE))
        self.assertIn("Targets met on every core: 5 of 7; not measured: check after one migration added;"
                      " migrate against Flyway.", text)
        self.assertIn("**not measured**", text)

    def test_summary_names_each_gap(self):
        results = summarise.parse(tsv(changed(keel_check_cold=(4.32, 290), keel_migrate=(2.16, 160),
                                              keel_migrate_server=(0.87, 0))))
        text = "\n".join(summarise.summary(results, CHECK, MIGRATE))
        self.assertIn("Targets met on every core: 4 of 7; missed: cold check (1.92× over); migrate against"
                      " PostgreSQL's time (1.66× over); peak memory of the check (34 MB over (1.13× the limit)).", text)
        self.assertIn("| every core | 4.32 s | 9.00 s | 0.480 (1/2.1) | ≤ 1/4 of Django's | **gap**: 1.92× over", text)

    def test_malformed_line(self):
        with self.assertRaises(ValueError) as e:
            summarise.parse(["keel-check-warm\t1\t0.5"])
        self.assertIn("line 1", str(e.exception))


class RunShTest(unittest.TestCase):
    def test_run_sh_measures_every_label_the_targets_read(self):
        with open(RUN_SH) as f:
            script = f.read()
        labels = set()
        for t in summarise.targets(CHECK, MIGRATE):
            for label in (t.keel if isinstance(t.keel, tuple) else (t.keel,)) + ((t.ref,) if t.ref else ()):
                labels.add(label.removesuffix("-server"))
        for label in sorted(labels):
            # run.sh passes each label to `timed` or `migrate_runs` (with $pin for the one-core run)
            pattern = r"(^|[\s;])(timed|migrate_runs|edited_runs) ([^\n]*[\s\"])?\"?" + re.escape(label) + r"(\$pin)?[\"\s]"
            self.assertTrue(re.search(pattern, script, re.M), f"bench/run.sh does not measure {label}")

    def test_command_line(self):
        with tempfile.TemporaryDirectory() as d:
            path = os.path.join(d, "results.tsv")
            with open(path, "w") as f:
                f.write("\n".join(tsv(MET)) + "\n")
            out = subprocess.run([sys.executable, os.path.join(os.path.dirname(RUN_SH), "lib", "summarise.py"),
                                  path, CHECK, MIGRATE], capture_output=True, text=True, check=True).stdout
        self.assertIn("Targets met on every core: 7 of 7.", out)
        self.assertIn("| keel-check-one-entity-1cpu | 0.80, 0.80, 0.80 |", out)


if __name__ == "__main__":
    unittest.main()
