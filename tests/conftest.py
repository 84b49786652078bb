"""The test bench: the same code as ``desktop-signer training init`` builds a real PKI and
real SoftHSM2 tokens in a temporary folder, and the same services as ``training serve``
answer TSA, OCSP and CRL requests over HTTP on 127.0.0.1 for the whole test session.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from desktop_signer.training import setup
from desktop_signer.training.esc_sim import EscSimulator
from desktop_signer.training.services import TrainingServices

REPO = Path(__file__).resolve().parents[1]
# The project's own report schema: every JSON report is checked against it (the shared one
# is the spec it follows; tests never read files outside the repository except the corpus).
REPORT_SCHEMA = REPO / "docs" / "verification-report.schema.json"
# Third-party signed and attack PDFs under several licences: kept outside the repository
# (README "Conformance corpus"). DESKTOP_SIGNER_CORPUS names it; else ../shared/corpus.
CORPUS_ENV = "DESKTOP_SIGNER_CORPUS"


def corpus_dir() -> Path | None:
    """The conformance corpus, or None when neither place has one."""
    given = os.environ.get(CORPUS_ENV)
    for candidate in ([Path(given)] if given else []) + [REPO.parent / "shared" / "corpus"]:
        if (candidate / "expected.json").is_file():
            return candidate
    return None


@pytest.fixture(scope="session")
def training(tmp_path_factory: pytest.TempPathFactory) -> Iterator[setup.TrainingSetup]:
    """Training PKI + tokens LATIHAN (many identities) and LATIHAN-2 (two identities).

    SOFTHSM2_CONF is set for the whole session: SoftHSM reads it once, when the module is
    first loaded in this process."""
    made = setup.create(tmp_path_factory.mktemp("bench") / "latihan")
    previous = os.environ.get("SOFTHSM2_CONF")
    os.environ["SOFTHSM2_CONF"] = made.softhsm_conf
    yield made
    if previous is None:
        os.environ.pop("SOFTHSM2_CONF", None)
    else:
        os.environ["SOFTHSM2_CONF"] = previous


@pytest.fixture(scope="session")
def training_services(training: setup.TrainingSetup) -> Iterator[TrainingServices]:
    """TSA, OCSP and CRL of the training PKI over HTTP on 127.0.0.1 (a free port)."""
    with TrainingServices(Path(training.directory), training.port) as services:
        yield services


@pytest.fixture(scope="session")
def esc_server(training: setup.TrainingSetup,
               training_services: TrainingServices) -> Iterator[EscSimulator]:
    """The eSign Client Service simulator over HTTP on 127.0.0.1 (issue 13)."""
    with EscSimulator(Path(training.directory)) as sim:  # port 0: bound, then read back
        yield sim


@pytest.fixture
def esc(esc_server: EscSimulator) -> Iterator[EscSimulator]:
    """The simulator with no latency and no fault; whatever a test sets is undone."""
    esc_server.control.latency = 0.0
    esc_server.control.fault = None
    yield esc_server
    esc_server.control.latency = 0.0
    esc_server.control.fault = None


@pytest.fixture(autouse=True)
def _no_token_session_outlives_its_test() -> Iterator[None]:
    """A token session left open (still logged in) makes every later token test fail with
    UserAlreadyLoggedIn, far from the cause. Catch the leak in the test that made it."""
    yield
    from desktop_signer.tokens import session

    leaked = session.open_sessions()
    if leaked:
        session.close_all()
        pytest.fail(f"token session(s) left open by this test: {', '.join(leaked)}")


@pytest.fixture(scope="session")
def corpus() -> Path:
    found = corpus_dir()
    if found is None:
        pytest.skip(
            f"conformance corpus not found: set {CORPUS_ENV} to a folder with expected.json "
            "(the project's shared corpus of third-party PDFs) or place it at ../shared/corpus"
        )
    return found


@pytest.fixture
def isolated_dirs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> dict[str, Path]:
    """User config/data and the administrator's folder, all inside tmp_path."""
    dirs = {
        "config": tmp_path / "xdg-config",
        "data": tmp_path / "xdg-data",
        "site": tmp_path / "xdg-site",
    }
    for d in dirs.values():
        d.mkdir()
    monkeypatch.setenv("XDG_CONFIG_HOME", str(dirs["config"]))
    monkeypatch.setenv("XDG_DATA_HOME", str(dirs["data"]))
    monkeypatch.setenv("XDG_CONFIG_DIRS", str(dirs["site"]))
    return dirs
