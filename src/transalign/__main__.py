"""``python -m transalign``: the same as the ``transalign`` command."""

from transalign.cli.main import run

if __name__ == "__main__":
    run()
