"""Reference scorer for bench/quality.ts: what a user would otherwise do.

scikit-learn IsolationForest (200 trees, random_state=42) on the raw numeric NetFlow columns of one
CSV file, fitted and scored on that same file. Identifier, timestamp and label columns are left out
(a timestamp would let the forest find the attack's capture day rather than the attack). Zeek's "-"
and other non-numbers make a column non-numeric unless it is numeric in at least 95 % of rows, in
which case the gaps become 0 (what a hurried user would do with fillna(0)).

Usage: sklearn_iforest.py FILE.csv|FILE.tsv   → prints {"scores": [...], "anomaly": [0/1 ...]} in row order.
"""
import csv
import json
import sys

import numpy as np
from sklearn.ensemble import IsolationForest

LABELS = {"label", "attack", "detailed-label", "dataset"}
EXCLUDE = {"batch", "flow_id", "id", "uid", "ts", "flow_start_milliseconds", "flow_end_milliseconds",
           "first_switched", "last_switched", "tunnel_parents"}


def read_rows(path):
    with open(path, newline="") as f:
        if path.endswith(".tsv"):
            return list(csv.DictReader(f, delimiter="\t"))
        return list(csv.DictReader(f))


def is_anomaly(row):
    lower = {k.lower(): (v or "").strip() for k, v in row.items() if k is not None}
    if "attack" in lower:
        return 0 if lower["attack"].lower() == "benign" else 1
    if "label" in lower:
        value = lower["label"].lower()
        return 0 if value in ("0", "benign", "normal") else 1
    raise SystemExit("no label column")


def to_float(value):
    try:
        x = float(value)
        return x if np.isfinite(x) else None
    except (TypeError, ValueError):
        return None


def main():
    rows = read_rows(sys.argv[1])
    columns = [c for c in rows[0].keys() if c is not None and c.lower() not in LABELS | EXCLUDE]
    numeric = []
    for c in columns:
        values = [to_float(r[c]) for r in rows]
        if sum(v is not None for v in values) >= 0.95 * len(rows):
            numeric.append([0.0 if v is None else v for v in values])
    X = np.array(numeric, dtype=float).T
    forest = IsolationForest(n_estimators=200, random_state=42).fit(X)
    scores = (-forest.score_samples(X)).tolist()
    print(json.dumps({"scores": scores, "anomaly": [is_anomaly(r) for r in rows], "columns": len(numeric)}))


if __name__ == "__main__":
    main()
