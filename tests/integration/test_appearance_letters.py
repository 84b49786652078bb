"""``training init`` writes the sample letters, each with one lone ``#`` anchor."""

from __future__ import annotations

from pathlib import Path

import pymupdf
import pytest

from desktop_signer.appearance import find_anchor
from desktop_signer.training import letters
from desktop_signer.training.setup import TrainingSetup

pytestmark = pytest.mark.integration


@pytest.mark.parametrize(("name", "pages"), [(letters.SURAT_FILE, 3), (letters.NOTA_FILE, 1)])
def test_training_init_writes_sample_letters(training: TrainingSetup, name: str,
                                             pages: int) -> None:
    path = Path(training.directory) / "surat" / name
    with pymupdf.open(path) as doc:
        assert doc.page_count == pages
        hit = find_anchor(doc, letters.ANCHOR)
        assert hit is not None and hit.occurrences == 1 and hit.page_index == pages - 1
        text = " ".join(doc[pages - 1].get_text().split())
    assert letters.SIGNER_NAME in text and letters.SIGNER_NIP in text
