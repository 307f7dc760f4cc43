"""The price of terminology constraints, measured by the constrained decoder's own timing.

``python -m transalign.bench.overhead MODEL_DIR REQUEST_JSON`` runs
:func:`transalign.constrained.timing.constrained_overhead` on the request's sentences (1 to 3
glossary constraints each, the same forced length and beam) and prints its JSON: constrained
over unconstrained seconds of the same search, and over transformers' ``generate``.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from transalign.bench.systems import Request


def main(argv: list[str]) -> None:
    """Entry point of the subprocess (see the module docstring)."""
    import torch

    from transalign.constrained.timing import constrained_overhead

    model_dir, request_path = argv
    request = Request.from_json(Path(request_path).read_text(encoding="utf-8"))
    torch.set_num_threads(request.threads)
    result = constrained_overhead(
        model_dir,
        request.sentences,
        tgt_lang=request.tgt_lang,
        glossary_path=request.glossary,
        beam=request.beam,
        length=request.length,
        device=request.device,
        repeats=request.rounds,
    )
    sys.stdout.write(json.dumps(result) + "\n")


if __name__ == "__main__":
    main(sys.argv[1:])
