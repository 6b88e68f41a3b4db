"""Peer for `flowlens score` in bench/peers.bench.ts: scikit-learn's IsolationForest, read + fit + score.

Same trees and sample size as flowlens's forest (600 trees of 4,096 rows), on the numeric nProbe
columns of the CSV (no ids, timestamps or labels), fitted on the file and scoring every row, the
scores written one a line. Usage: sklearn_iforest.py IN.csv OUT.txt
"""
import sys

import numpy as np
import pandas as pd
from sklearn.ensemble import IsolationForest

COLUMNS = ["L4_SRC_PORT", "L4_DST_PORT", "PROTOCOL", "IN_BYTES", "IN_PKTS", "OUT_BYTES", "OUT_PKTS", "TCP_FLAGS", "FLOW_DURATION_MILLISECONDS"]

src, out = sys.argv[1], sys.argv[2]
x = pd.read_csv(src, usecols=COLUMNS).fillna(0).to_numpy(dtype=np.float64)
forest = IsolationForest(n_estimators=600, max_samples=4096, random_state=42).fit(x)
np.savetxt(out, -forest.score_samples(x), fmt="%.6f")
