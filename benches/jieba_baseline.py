"""Python jieba baseline for `cargo bench --bench classify`.

Usage: python3 benches/jieba_baseline.py CORPUS.jsonl [ROUNDS]

CORPUS.jsonl holds one JSON object per line with a "text" field (the
input form of `yuqing classify`). Prints one JSON object on stdout:

    {"load_s": ..., "cut_s": ..., "bytes": ..., "tokens": ...}

where `load_s` is the time `jieba.initialize()` takes (dictionary load, from
jieba's on-disk cache after the first run) and `cut_s` the best of ROUNDS
passes (CPU time) of `jieba.lcut` (default mode, HMM on, as jieba-rs `cut(text, true)`)
over every text. `bytes` counts UTF-8 bytes, as the Rust side does.

Exits with status 3 and a note on stderr when jieba is not installed, so the
bench can skip the column.
"""

import json
import logging
import sys
import time


def main():
    try:
        import jieba
    except ImportError:
        print("python jieba is not installed (pip install jieba)", file=sys.stderr)
        sys.exit(3)
    jieba.setLogLevel(logging.WARNING)
    path = sys.argv[1]
    rounds = int(sys.argv[2]) if len(sys.argv) > 2 else 3
    with open(path, encoding="utf-8") as f:
        texts = [json.loads(line)["text"] for line in f if line.strip()]
    nbytes = sum(len(t.encode("utf-8")) for t in texts)

    start = time.perf_counter()
    jieba.initialize()
    load_s = time.perf_counter() - start

    # CPU time, as the Rust side measures: other work on the machine does
    # not count against either.
    best = float("inf")
    tokens = 0
    for _ in range(rounds):
        start = time.process_time()
        tokens = 0
        for t in texts:
            tokens += len(jieba.lcut(t))
        best = min(best, time.process_time() - start)

    json.dump({"load_s": load_s, "cut_s": best, "bytes": nbytes, "tokens": tokens}, sys.stdout)
    print()


if __name__ == "__main__":
    main()
