"""Who the eSign Client Service simulator knows: a NIK per trainee, plus a few NIKs whose
certificate is in each state a real service reports (for exercises and tests).

NIKs start with 3299, a province code that does not exist: no real person's number. Each
trainee can also log in by email (``<label>@latihan.invalid``: a domain that cannot exist).
"""

from __future__ import annotations

from dataclasses import dataclass

from desktop_signer.training.identities import TRAINEES, Problem, Trainee

NIK_PREFIX = "3299"
CLIENT_USER = "esign-latihan"  # the simulator's HTTP Basic user (password: latihan.json)

# trainees whose training certificate a real service would not sign with
_STATUS_BY_PROBLEM = {Problem.EXPIRED: "EXPIRED", Problem.REVOKED: "REVOKE"}

# NIKs without a certificate, one per state of /api/v2/user/check/status
STATUS_ONLY: tuple[tuple[str, str], ...] = (
    ("3299900101900001", "RENEW"),
    ("3299910101900001", "SUSPEND"),
    ("3299920101900001", "WAITING_FOR_VERIFICATION"),
    ("3299930101900001", "NEW"),
    ("3299940101900001", "NO_CERTIFICATE"),
)
UNREGISTERED_NIK = "3299990101900001"  # known to nobody: "User tidak terdaftar" (2011)


EMAIL_DOMAIN = "latihan.invalid"


def nik_for(index: int) -> str:
    return f"{NIK_PREFIX}{index:02d}0101900001"


def email_for(label: str) -> str:
    return f"{label}@{EMAIL_DOMAIN}"


@dataclass(frozen=True)
class EscUser:
    nik: str
    label: str  # the trainee's label; "" for the status-only NIKs
    status: str
    email: str = ""  # "" for the status-only NIKs


def users(trainees: tuple[Trainee, ...] = TRAINEES) -> tuple[EscUser, ...]:
    out = []
    for index, t in enumerate(trainees, start=1):
        status = _STATUS_BY_PROBLEM.get(t.problem, "ISSUE") if t.problem else "ISSUE"
        if t.key_on_token:
            status = "NO_CERTIFICATE"  # its key never leaves the token: nothing to sign with
        out.append(EscUser(nik_for(index), t.label, status, email_for(t.label)))
    out += [EscUser(nik, "", status) for nik, status in STATUS_ONLY]
    return tuple(out)
