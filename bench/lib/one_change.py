#!/usr/bin/env python3
"""One change of the kind a developer makes between two pre-commit checks, in a project of gen_keel_project.py.

Usage: one_change.py PROJECT entity N     -- edits entity Model<N> without changing its schema (a comment line)
       one_change.py PROJECT migration N  -- adds the nullable integer bench_<N> to Model<N> and the migration
                                             that adds it (after the app's latest), and updates the lockfile

Either way `keel makemigrations --check` passes afterwards: the entity scan and the migrations see one
changed or new file each, and nothing else changes. N must differ from one call to the next (a new change).
"""
import os
import re
import sys

project, kind, n = sys.argv[1], sys.argv[2], int(sys.argv[3])
pkg = os.path.join(project, "src", "main", "java", "com", "example", "shop")
models = len([f for f in os.listdir(pkg) if re.fullmatch(r"Model\d+\.java", f)])
entity = os.path.join(pkg, f"Model{n % models}.java")
text = open(entity).read().rstrip()
assert text.endswith("}"), entity
if kind == "entity":
    open(entity, "w").write(text[:-1] + f"    // edited for the benchmark, change {n}\n}}\n")
    sys.exit(0)
if kind != "migration":
    sys.exit(f"one_change.py: unknown kind {kind} (entity or migration)")
field = f"bench_{n}"
open(entity, "w").write(text[:-1] + f"\n    private Integer {field};\n}}\n")
lockfile = os.path.join(project, "migrations_lockfile.txt")
locked = open(lockfile).read()
latest = re.search(r"^shop: (\S+)$", locked, re.M).group(1)
number = int(latest.split("_", 1)[0]) + 1
name = f"{number:04d}_add_model{n % models}_{field}"
with open(os.path.join(pkg, "migrations", f"M{name}.java"), "w") as f:
    f.write(f"""package com.example.shop.migrations;

import dev.keel.migration.Migration;

import static dev.keel.migration.Operations.*;

/**
 * Written by bench/lib/one_change.py: one field added between two checks.
 */
public final class M{name} extends Migration {{
    @Override
    protected void define() {{
        dependsOn("shop", "{latest}");
        operations(
                addField("model{n % models}", "{field}", column("{field}", "integer").nullable()));
    }}
}}
""")
with open(lockfile, "w") as f:
    f.write(locked.replace(f"shop: {latest}", f"shop: {name}"))
