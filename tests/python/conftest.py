import pathlib

import pytest

import samverkan

ROOT = pathlib.Path(__file__).resolve().parents[2]
SAMPLE = ROOT / "data" / "sample" / "corpus.json"
BROKEN = ROOT / "data" / "sample" / "broken.json"


@pytest.fixture
def sample() -> samverkan.Corpus:
    return samverkan.Corpus.load(str(SAMPLE))
