#!/usr/bin/env python3
"""Turns bench/run's raw figures (one JSON line per run) into the report: median, min and max of every figure,
each command figure as a ratio to the PostgreSQL baseline of the same run, and the targets."""
import json
import os
import platform
import statistics
import subprocess
import sys
from collections import defaultdict


def load(path):
    groups = defaultdict(list)
    with open(path) as f:
        for line in f:
            row = json.loads(line)
            groups[(row["figure"], row["concurrency"])].append(row["result"])
    return groups


def spread(values):
    values = [v for v in values if v is not None]
    if not values:
        return None
    return {"median": statistics.median(values), "min": min(values), "max": max(values)}


def pick(results, *path):
    out = []
    for r in results:
        for key in path:
            r = r.get(key) if isinstance(r, dict) else None
        out.append(r)
    return out


def best_rate(path):
    groups = load(path)
    rates = [statistics.median(pick(v, "perSecond")) for (fig, _), v in groups.items() if fig == "submit"]
    print(max(rates))


def sh(cmd):
    try:
        return subprocess.run(cmd, shell=True, capture_output=True, text=True, timeout=30).stdout.strip()
    except Exception as e:  # the report still comes out without this line
        return "unknown (%s)" % e


def write(path, prefix, db, rows, settings):
    groups = load(path)
    figures = {}
    for (fig, conc), results in sorted(groups.items()):
        entry = {"runs": len(results), "perSecond": spread(pick(results, "perSecond"))}
        for name, keys in (("latencyP50Ms", ("latencyMs", "p50")), ("latencyP95Ms", ("latencyMs", "p95")),
                           ("latencyP99Ms", ("latencyMs", "p99")), ("lagP50Ms", ("lagMs", "p50")),
                           ("lagP99Ms", ("lagMs", "p99")), ("seconds", ("seconds",)),
                           ("failed", ("failed",)), ("rowsPerSecond", ("rowsPerSecond",)),
                           ("mbPerSecond", ("mbPerSecond",)), ("swapSeconds", ("swapSeconds",)),
                           ("replayPerSecond", ("replayPerSecond",)),
                           ("serviceCpuMs", ("cpuMsPerRequest", "service")),
                           ("postgresCpuMs", ("cpuMsPerRequest", "postgres")),
                           ("driverCpuMs", ("cpuMsPerRequest", "driver"))):
            s = spread(pick(results, *keys))
            if s is not None:
                entry[name] = s
        figures["%s@%s" % (fig, conc)] = entry

    def median(key, field="perSecond"):
        e = figures.get(key, {}).get(field)
        return e["median"] if e else None

    ratios = {}
    for conc in (16, 64):
        base = median("pgbench-insert-1@%d" % conc)
        for fig in ("submit", "transitions"):
            value = median("%s@%d" % (fig, conc))
            if base and value:
                ratios["%s@%d / pgbench-insert-1@%d" % (fig, conc, conc)] = round(value / base, 4)
    for floor_name in ("one-transaction", "service-transactions"):
        floor = median("pgbench-submission-%s@16" % floor_name)
        if floor and median("submit@16"):
            ratios["submit@16 / pgbench-submission-%s@16" % floor_name] = round(median("submit@16") / floor, 4)
    decision_floor = median("pgbench-decision-one-transaction@16")
    if decision_floor and median("authorize@16"):
        ratios["authorize@16 / pgbench-decision-one-transaction@16"] = round(median("authorize@16") / decision_floor, 4)
    rebuild_floor = median("pgbench-rebuild@2")
    if rebuild_floor and median("rebuild-beside-live@0"):
        ratios["rebuild-beside-live@0 / pgbench-rebuild@2"] = round(median("rebuild-beside-live@0") / rebuild_floor, 4)
    delivery_floor = median("pgbench-delivery-one-transaction@16")
    if delivery_floor and median("connector@16"):
        ratios["connector@16 / pgbench-delivery-one-transaction@16"] = round(median("connector@16") / delivery_floor,
                                                                             4)
    best_submit = max((median("submit@16") or 0), (median("submit@64") or 0))
    half = [k for k in figures if k.startswith("submit-at-half-rate")]
    lag_p99 = figures[half[0]]["lagP99Ms"]["median"] if half and "lagP99Ms" in figures[half[0]] else None
    rebuild = median("rebuild-beside-live@0")
    rebuild_read_p99 = {k: v["latencyP99Ms"]["median"] for k, v in figures.items()
                        if k.startswith("rebuild-reads@") and "latencyP99Ms" in v}
    query_p99 = {k: v["latencyP99Ms"]["median"] for k, v in figures.items() if k.startswith("query:")}
    floor_ratio = ratios.get("submit@16 / pgbench-submission-one-transaction@16")
    decision_p99 = median("authorize-at-rate@200", "latencyP99Ms")
    single_row = {k: v for k, v in ratios.items() if "insert-1" in k}
    targets = [
        ("real-time authorization decision p99 < 50 ms at 200 decisions/s (Stripe allows 2 s)",
         decision_p99 is not None and decision_p99 < 50, decision_p99),
        ("submissions at 16 clients >= 50% of the same rows written by pgbench in one transaction",
         floor_ratio is not None and floor_ratio >= 0.5, floor_ratio),
        ("command throughput >= 50% of single-row pgbench at equal concurrency",
         bool(single_row) and all(r >= 0.5 for k, r in single_row.items() if k.startswith("submit@")), single_row),
        ("projection lag p99 < 100 ms at half the maximum throughput", lag_p99 is not None and lag_p99 < 100,
         lag_p99),
        ("rebuild beside live >= 50,000 events/s", rebuild is not None and rebuild >= 50000, rebuild),
        ("queue read p99 < 20 ms during a rebuild beside live", bool(rebuild_read_p99)
         and all(v < 20 for v in rebuild_read_p99.values()), rebuild_read_p99),
        ("queue query p99 < 10 ms at 200 requests/s", bool(query_p99) and all(v < 10 for v in query_p99.values()),
         query_p99),
    ]
    report = {
        "machine": {"cpus": os.cpu_count(), "cpu": sh("grep -m1 'model name' /proc/cpuinfo | cut -d: -f2"),
                    "memory": sh("free -h | awk '/Mem:/{print $2}'"), "kernel": platform.release()},
        "versions": {"java": sh("java -version 2>&1 | head -1"),
                     "postgresql": sh("psql -d %s -Atc 'show server_version'" % db),
                     "opsledger": sh("git rev-parse --short HEAD")},
        "settings": settings, "readModelRows": int(rows), "figures": figures, "ratios": ratios,
        "targets": [{"target": t, "met": bool(m), "measured": v} for t, m, v in targets],
    }
    with open(prefix + ".json", "w") as f:
        json.dump(report, f, indent=2)

    def fmt2(e, key):
        s = e.get(key)
        return "%.2f" % s["median"] if s else "–"

    def fmt(e, key):
        s = e.get(key)
        return "%.1f (%.1f–%.1f)" % (s["median"], s["min"], s["max"]) if s else "–"

    lines = ["# OpsLedger benchmark %s" % os.path.basename(prefix), "",
             "Machine: %(cpus)s CPUs (%(cpu)s), %(memory)s memory, kernel %(kernel)s." % report["machine"],
             "Versions: %(java)s; PostgreSQL %(postgresql)s; OpsLedger %(opsledger)s." % report["versions"],
             "Settings: %s. Read-model rows for the queries: %s." % (settings, rows), "",
             "Every figure is the median of its runs, with min–max in brackets.", "",
             "CPU columns: milliseconds of CPU per request over the measured window, from /proc: the service's",
             "process, every PostgreSQL process, and the load driver's own (which shares the machine).", "",
             "| figure | per second | p50 ms | p95 ms | p99 ms | lag p50 ms | lag p99 ms | CPU ms service"
             " | CPU ms PostgreSQL | CPU ms driver |",
             "| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |"]
    for key, e in figures.items():
        if "warm-up" in key:
            continue
        lines.append("| %s | %s | %s | %s | %s | %s | %s | %s | %s | %s |" % (
            key, fmt(e, "perSecond"), fmt(e, "latencyP50Ms"), fmt(e, "latencyP95Ms"), fmt(e, "latencyP99Ms"),
            fmt(e, "lagP50Ms"), fmt(e, "lagP99Ms"), fmt2(e, "serviceCpuMs"), fmt2(e, "postgresCpuMs"),
            fmt2(e, "driverCpuMs")))
    for name, what in (("warm-up", "submission"), ("decision-warm-up", "decision"),
                       ("delivery-warm-up", "connector webhook")):
        warm = [g for (fig, _), g in groups.items() if fig == name]
        if warm:
            w = warm[0][0]
            lines += ["", "Warm-up: %d s of %ss at 16 clients until the service's CPU per %s was stable"
                      " (two 30 s windows within 5%%; last %.2f ms)." % (w["seconds"], what, what, w["serviceCpuMs"])]
    lines += ["", "Ratios to the PostgreSQL floors (same concurrency, same run):", ""]
    lines += ["- %s: %.3f" % (k, v) for k, v in ratios.items()]
    lines += ["", "Targets:", ""]
    lines += ["- %s: %s (measured %s)" % (t["target"], "met" if t["met"] else
                                         "not measured in this run" if t["measured"] in (None, {}) else "NOT met",
                                         t["measured"]) for t in report["targets"]]
    with open(prefix + ".md", "w") as f:
        f.write("\n".join(lines) + "\n")


if __name__ == "__main__":
    if sys.argv[1] == "best-rate":
        best_rate(sys.argv[2])
    else:
        write(*sys.argv[2:7])
