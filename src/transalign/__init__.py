"""transalign: terminology-consistent MT and sentence alignment for multilingual newsrooms.

Heavy dependencies (torch, transformers) are imported lazily by the modules that need them,
so importing this package and running ``transalign --help`` stays fast.
"""

from transalign.errors import TransalignError

__version__ = "0.1.0"

__all__ = ["TransalignError", "__version__"]
