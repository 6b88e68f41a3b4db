"""Peer for `flowlens features` in bench/peers.bench.ts: what a pandas user would write.

Reads the nProbe CSV, computes 9 of flowlens's 18 features (the 8 per-flow ones and the count of
flows from the same source in the preceding 60 s, a time-based rolling window per source), and
writes them with to_csv. Usage: pandas_features.py IN.csv OUT.csv
"""
import sys

import numpy as np
import pandas as pd

src, out = sys.argv[1], sys.argv[2]
df = pd.read_csv(src)
f = pd.DataFrame({"id": df["FLOW_ID"], "src_addr": df["IPV4_SRC_ADDR"], "dst_addr": df["IPV4_DST_ADDR"]})
f["IN_BYTES"] = df["IN_BYTES"]
f["IN_PKTS"] = df["IN_PKTS"]
f["OUT_BYTES"] = df["OUT_BYTES"]
f["OUT_PKTS"] = df["OUT_PKTS"]
f["duration_ms"] = df["FLOW_DURATION_MILLISECONDS"]
f["avg_in_packet_size"] = df["IN_BYTES"] / df["IN_PKTS"].replace(0, np.nan)
seconds = df["FLOW_DURATION_MILLISECONDS"].replace(0, np.nan) / 1000
f["in_bytes_per_s"] = df["IN_BYTES"] / seconds
f["in_pkts_per_s"] = df["IN_PKTS"] / seconds
start = pd.to_datetime(df["FLOW_START_MILLISECONDS"], unit="ms")
counts = (
    pd.DataFrame({"src": df["IPV4_SRC_ADDR"].to_numpy(), "one": 1}, index=start)
    .groupby("src")["one"]
    .rolling("60s")
    .count()
)
# back to input order: the groupby result is indexed by (source, start); rows within a source keep their order
order = df.assign(_start=start).reset_index().sort_values(["IPV4_SRC_ADDR", "_start", "index"], kind="stable")["index"].to_numpy()
window = np.empty(len(df))
window[order] = counts.to_numpy()
f["src_flows_in_window"] = window
f.to_csv(out, index=False)
