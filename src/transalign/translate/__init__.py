"""Machine translation of stories into aligned TSVs (``transalign translate``).

Modules, from the outside in:

- :mod:`.pipeline` — ``translate_documents``: read and segment inputs, plan each output (skip
  up-to-date ones, keep approved rows, fill from the translation memory), translate what is
  left, write TSV + manifest atomically.
- :mod:`.documents`, :mod:`.rows`, :mod:`.memory`, :mod:`.manifest`, :mod:`.qa` — inputs, rows,
  approved-row reuse, the run signature, review flags.
- :mod:`.backend` — the ``Translator`` protocol every MT engine implements, ``Translation``,
  ``Hypothesis`` and the ``GlossaryEnforcer`` protocol for terminology enforcement.
- :mod:`.hooks` — extension points: ``BACKENDS`` (name → factory; add CTranslate2 here) and
  ``default_enforcer()`` (``transalign.constrained.make_enforcer()`` when installed).
- :mod:`.marian` — the transformers MarianMT backend; :mod:`.batching`, :mod:`.splitting`,
  :mod:`.limits`, :mod:`.quality` are its backend-independent parts (reusable by others).
- :mod:`.models`, :mod:`.langtokens`, :mod:`.settings` — which model, where its files are,
  target-language tokens, generation settings (the signature) and runtime settings.
- :mod:`.testmodel` — the tiny deterministic MarianMT checkpoint for tests and demos.
"""
