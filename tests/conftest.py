"""Test configuration: Hypothesis profiles for a quick edit-test loop and a thorough CI run.

Profiles (``HYPOTHESIS_PROFILE``, default ``dev``):

* ``dev`` — few examples per property, so ``pytest -m "not slow"`` finishes
  in well under a minute on a 2-core machine;
* ``ci`` — many examples (``.ci/run`` selects it).

Tests that drive real programs or measure at scale (browser, LibreOffice,
Sphinx, the notebook, memory) carry the ``slow`` marker: ``pytest -m "not
slow"`` leaves them out; the README's test command runs everything.
"""

from __future__ import annotations

import os

import pytest
from hypothesis import HealthCheck, settings

_COMMON = {
    "deadline": None,
    "suppress_health_check": [HealthCheck.too_slow, HealthCheck.data_too_large],
}
settings.register_profile("dev", max_examples=12, **_COMMON)  # type: ignore[arg-type]
settings.register_profile("ci", max_examples=50, **_COMMON)  # type: ignore[arg-type]
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "dev"))

# Commands default to the locale's language (en_US gives English); tests expect
# the built-in default, Chinese, whatever the machine's locale. Tests of the
# choice itself set the variables they need.
os.environ["YOUTHACTION_LANG"] = "zh"


@pytest.fixture
def english(monkeypatch: pytest.MonkeyPatch) -> None:
    """Run commands in English (tests that check the English wording of errors)."""
    monkeypatch.setenv("YOUTHACTION_LANG", "en")
