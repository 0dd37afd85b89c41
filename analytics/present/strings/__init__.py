"""String tables of the one message catalogue, one module per domain.

Each module defines ``STRINGS: dict[str, dict[str, str]]`` — key → {"zh": template, "en": template}
(``str.format`` templates). :mod:`analytics.present.catalogue` merges them: keys of ``ui`` stay as
they are, every other domain's keys are reached as ``"<domain>.<key>"`` (``"forecast.method_prorata"``).
"""
