"""Extension points: MT backends by name, and the glossary enforcer used when a glossary is given.

- A new backend (e.g. CTranslate2) registers a factory in :data:`BACKENDS`; the factory gets
  the located model files and the settings and returns an object implementing
  :class:`~transalign.translate.backend.Translator`.
- Terminology enforcement (constrained decoding) is returned by :func:`default_enforcer`; the
  translation core calls it for every batch that comes with a glossary.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable

from transalign.errors import InputError
from transalign.translate.backend import GlossaryEnforcer, Translator
from transalign.translate.models import ModelFiles
from transalign.translate.settings import GenerationSettings, RuntimeSettings

BackendFactory = Callable[[ModelFiles, GenerationSettings, RuntimeSettings, "GlossaryEnforcer | None"],
                          Translator]


def _transformers_backend(files: ModelFiles, settings: GenerationSettings, runtime: RuntimeSettings,
                          enforcer: GlossaryEnforcer | None) -> Translator:
    from transalign.translate.marian import MarianTranslator

    return MarianTranslator(files, settings, runtime, enforcer)


def _ctranslate2_backend(files: ModelFiles, settings: GenerationSettings, runtime: RuntimeSettings,
                         enforcer: GlossaryEnforcer | None) -> Translator:
    from transalign.translate.ct2 import CTranslate2Translator

    return CTranslate2Translator(files, settings, runtime, enforcer)


BACKENDS: dict[str, BackendFactory] = {
    "transformers": _transformers_backend,
    "ctranslate2": _ctranslate2_backend,
}
"""Backend name (``--backend``) → factory."""

ENFORCER_MODULE = "transalign.constrained"
"""Module whose ``make_enforcer() -> GlossaryEnforcer`` provides terminology enforcement."""


def default_enforcer() -> GlossaryEnforcer | None:
    """The constrained decoder when installed (``transalign.constrained.make_enforcer()``), else None."""
    try:
        module = importlib.import_module(ENFORCER_MODULE)
    except ImportError:
        return None
    factory = getattr(module, "make_enforcer", None)
    enforcer: GlossaryEnforcer | None = factory() if callable(factory) else None
    return enforcer


def make_translator(files: ModelFiles, backend: str = "transformers",
                    settings: GenerationSettings | None = None, runtime: RuntimeSettings | None = None,
                    enforcer: GlossaryEnforcer | None = None) -> Translator:
    """Instantiate ``backend`` for ``files`` (E306 for an unknown backend name)."""
    factory = BACKENDS.get(backend)
    if factory is None:
        raise InputError("E306", f"unknown backend {backend!r}",
                         hint=f"use one of: {', '.join(sorted(BACKENDS))}")
    return factory(files, settings or GenerationSettings(), runtime or RuntimeSettings(), enforcer)
