#!/usr/bin/env python3
"""Independent known-answer for the backtest test: the baseline Spearman rho of issue 5 item 7,
computed from the CSVs with nothing but the Python standard library (no code shared with LiqLens).

usage: baseline_spearman.py FROM_MS TO_MS OI_CSV LIQ_CSV KLINE_CSV [KLINE_CSV ...]
prints: {"intervals": n, "long": rho, "short": rho}
"""
import csv
import json
import sys


def ranks(values):
    order = sorted(range(len(values)), key=lambda i: values[i])
    out = [0.0] * len(values)
    i = 0
    while i < len(order):
        j = i
        while j + 1 < len(order) and values[order[j + 1]] == values[order[i]]:
            j += 1
        for k in range(i, j + 1):
            out[order[k]] = (i + j) / 2 + 1
        i = j + 1
    return out


def pearson(x, y):
    n = len(x)
    mx, my = sum(x) / n, sum(y) / n
    sxy = sum((a - mx) * (b - my) for a, b in zip(x, y))
    sxx = sum((a - mx) ** 2 for a in x)
    syy = sum((b - my) ** 2 for b in y)
    return sxy / (sxx * syy) ** 0.5


def main():
    start, end, oi_path, liq_path, *kline_paths = sys.argv[1:]
    start, end = int(start), int(end)
    oi = {}
    with open(oi_path) as f:
        for row in csv.DictReader(f):
            if row["oi_close"]:
                oi[int(row["timestamp"])] = float(row["oi_close"])
    liq = {}
    with open(liq_path) as f:
        for row in csv.DictReader(f):
            liq[int(row["timestamp"])] = (float(row["longUsd"]), float(row["shortUsd"]))
    bars = {}
    for path in kline_paths:
        with open(path) as f:
            for row in csv.reader(f):
                if not row[0].isdigit():
                    continue
                bars[int(row[0])] = tuple(float(v) for v in row[1:5])
    hour = 3_600_000
    base_l, base_s, real_l, real_s = [], [], [], []
    for t in sorted(bars):
        if t < start or t >= end or t not in liq or (t - hour) not in oi:
            continue
        o, h, l, _c = bars[t]
        base_l.append((o - l) / o * oi[t - hour])
        base_s.append((h - o) / o * oi[t - hour])
        real_l.append(liq[t][0])
        real_s.append(liq[t][1])
    print(json.dumps({
        "intervals": len(base_l),
        "long": pearson(ranks(base_l), ranks(real_l)),
        "short": pearson(ranks(base_s), ranks(real_s)),
    }))


main()
