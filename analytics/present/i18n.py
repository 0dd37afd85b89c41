"""Short name for the one catalogue: ``t(key, lang, **params)`` is :func:`analytics.present.catalogue.text`."""

from __future__ import annotations

from analytics.present.catalogue import CATALOGUE as STRINGS, text as t

__all__ = ["STRINGS", "t"]
