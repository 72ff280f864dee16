"""Shared fixtures for the validator's tests."""

from pathlib import Path

import pytest


@pytest.fixture
def fixtures() -> Path:
    """Realistic, fictional settings and values files."""
    return Path(__file__).resolve().parent / "fixtures"
