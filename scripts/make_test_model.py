"""Build the tiny deterministic MarianMT test checkpoint: ``python scripts/make_test_model.py OUT_DIR``.

Real SentencePiece vocabularies trained on text shipped with transalign, ``>>rus<<``/``>>bel<<``
target tokens, random weights with a fixed seed. Use it with ``transalign translate --model OUT_DIR``
on a machine without access to the model hub. Prints the folder and its files.
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

from transalign.translate.testmodel import build_test_model, describe


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out_dir", type=Path, help="folder to write the checkpoint into")
    args = parser.parse_args()
    started = time.perf_counter()
    out = build_test_model(args.out_dir)
    print(f"built {out} in {time.perf_counter() - started:.1f} s")
    print(describe(out.iterdir()))


if __name__ == "__main__":
    main()
