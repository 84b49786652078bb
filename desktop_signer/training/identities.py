"""Who lives in the training PKI: trainees, problem identities and their tokens.

Plain data, so trainers can read it and tests can refer to identities by label.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

TRAINING_TOKEN_LABEL = "LATIHAN"
SECOND_TOKEN_LABEL = "LATIHAN-2"
ON_TOKEN_KEY_LABEL = "kunci-token"


class Problem(StrEnum):
    """Deliberate defects for verification exercises and tests."""

    EXPIRED = "expired"
    REVOKED = "revoked"
    NOT_YET_VALID = "not_yet_valid"
    NO_SIGNING_USAGE = "no_signing_usage"
    FOREIGN_ROOT = "foreign_root"
    EXPIRING_SOON = "expiring_soon"


@dataclass(frozen=True)
class Trainee:
    label: str  # certomancer label, file stem, CKA_LABEL on the token
    name: str
    organization: str
    id_number: str  # NIP (18 digits) as BSrE puts it into the description attribute
    token: str | None  # token label, or None when only a PKCS#12 file is made
    problem: Problem | None = None
    key_on_token: bool = False  # generated on the token; no PKCS#12 copy can exist

    @property
    def description(self) -> str:
        """BSrE's style for the subject's description attribute."""
        return f"{self.id_number}_Tanda Tangan Elektronik"


AGENCY = "Pemerintah Kabupaten Latihan"

TRAINEES: tuple[Trainee, ...] = (
    Trainee("budi", "Budi Santoso", AGENCY, "198503152010011002", TRAINING_TOKEN_LABEL),
    Trainee("siti", "Ṡiti Nur'aini", AGENCY, "199001012015032001", TRAINING_TOKEN_LABEL),
    Trainee(
        ON_TOKEN_KEY_LABEL, "Dewi Lestari", AGENCY, "198812242012122003",
        TRAINING_TOKEN_LABEL, key_on_token=True,
    ),
    Trainee("kedaluwarsa", "Agus Kedaluwarsa", AGENCY, "197911112005011004",
            TRAINING_TOKEN_LABEL, Problem.EXPIRED),
    Trainee("dicabut", "Rina Dicabut", AGENCY, "198207072008012005",
            TRAINING_TOKEN_LABEL, Problem.REVOKED),
    Trainee("belum-berlaku", "Joko Belum Berlaku", AGENCY, "199305052019031006",
            TRAINING_TOKEN_LABEL, Problem.NOT_YET_VALID),
    Trainee("tanpa-ttd", "Sari Tanpa Tanda Tangan", AGENCY, "199410102020122007",
            TRAINING_TOKEN_LABEL, Problem.NO_SIGNING_USAGE),
    Trainee("asing", "Eko Root Asing", "Lembaga Asing Latihan", "198601012011011008",
            TRAINING_TOKEN_LABEL, Problem.FOREIGN_ROOT),
    Trainee("segera-berakhir", "Wati Segera Berakhir", AGENCY, "197512122000032009",
            TRAINING_TOKEN_LABEL, Problem.EXPIRING_SOON),
    Trainee("rahmat", "Rahmat Hidayat", "Dinas Komunikasi dan Informatika Latihan",
            "198004042006041010", SECOND_TOKEN_LABEL),
    Trainee("putri", "Putri Maharani", "Dinas Komunikasi dan Informatika Latihan",
            "199202022018012011", SECOND_TOKEN_LABEL),
)


def trainee(label: str) -> Trainee:
    for t in TRAINEES:
        if t.label == label:
            return t
    raise KeyError(label)
