#!/usr/bin/env bash
# The GPU check of the performance issue: transalign's benchmark on a lent H100/H200, in under
# 5 minutes, its JSON (and a profile) written to $OUT.
#
# 1. On the development machine, in the checkout the device tool sends (the repo root):
#        bash scripts/gpu_check.sh --prepare
#    downloads the wheels the GPU image lacks (ctranslate2, pyahocorasick, pymorphy3 and its
#    dictionary) into .gpu-wheels/ (git-ignored through .git/info/exclude; about 50 MiB).
# 2. Through the device tool:
#        run(command="bash scripts/gpu_check.sh", carry=[".gpu-wheels"], timeout_s=420)
#    $OUT/bench.json is the benchmark's JSON line; bench.log its log; profile.txt where the
#    transformers path spends its GPU time; gpu.txt and pip.log what the machine had.
set -uo pipefail
cd "$(dirname "$0")/.."
WHEELS=.gpu-wheels

if [[ "${1:-}" == "--prepare" ]]; then
    mkdir -p "$WHEELS"
    prep_python=${PYTHON:-python3}
    [[ -x .venv/bin/python ]] && prep_python=.venv/bin/python
    "$prep_python" -m pip download --quiet --no-deps --only-binary=:all: --python-version 3.12 \
        --platform manylinux_2_28_x86_64 --platform manylinux_2_17_x86_64 --platform manylinux2014_x86_64 \
        --platform any -d "$WHEELS" "ctranslate2>=4.5,<5" pyahocorasick pymorphy3 pymorphy3-dicts-ru dawg2-python
    exclude="$(git rev-parse --git-path info/exclude)"
    grep -qx "/$WHEELS/" "$exclude" 2>/dev/null || echo "/$WHEELS/" >> "$exclude"
    du -sh "$WHEELS"
    exit 0
fi

OUT=${OUT:-/tmp/gpu-check}
mkdir -p "$OUT"
PY=${PYTHON:-python3}
nvidia-smi --query-gpu=name,memory.total,driver_version --format=csv > "$OUT/gpu.txt" 2>&1
if [[ -d "$WHEELS" ]]; then
    "$PY" -m pip install --no-index --no-deps "$WHEELS"/*.whl > "$OUT/pip.log" 2>&1 \
        || echo "some wheels did not install: systems that need them report null" >> "$OUT/pip.log"
fi
"$PY" -c "import torch, transformers; print('torch', torch.__version__, 'transformers', transformers.__version__)" >> "$OUT/gpu.txt" 2>&1
export PYTHONPATH=src TRANSALIGN_CACHE=/tmp/transalign-cache

# 2,048 sentences of ~35 source tokens, 40 target tokens each, beam 4; the one-sentence loop on
# 24 of them (about 100 tok/s, it would take 10 minutes on all), the glossary path and the
# constrained search timing on 512; one round (nothing else runs on that machine).
timeout 300 "$PY" scripts/bench_translate.py --device cuda --sentences 2048 --length 40 \
    --naive-sentences 24 --limit glossary=512 --limit overhead=512 --rounds 1 --model-dir /tmp/bench-model > "$OUT/bench.out" 2> "$OUT/bench.log"
echo "bench exit status $?" >> "$OUT/bench.log"
tail -n 1 "$OUT/bench.out" > "$OUT/bench.json"
cat "$OUT/bench.json"

timeout 90 "$PY" scripts/profile_translate.py /tmp/bench-model --device cuda --sentences 512 --length 40 \
    > "$OUT/profile.txt" 2>&1
tail -n 1 "$OUT/profile.txt"
