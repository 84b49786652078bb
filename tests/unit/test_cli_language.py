from __future__ import annotations

import pytest

from desktop_signer.cli.i18n import Catalogue, detect_language
from desktop_signer.cli.messages import MESSAGES


@pytest.mark.parametrize(
    ("env", "expected"),
    [
        ({"LANG": "id_ID.UTF-8"}, "id"),
        ({"LANG": "en_US.UTF-8"}, "en"),
        ({"LANGUAGE": "id:en", "LANG": "en_US.UTF-8"}, "id"),
        ({"LC_ALL": "en_GB.UTF-8", "LANG": "id_ID.UTF-8"}, "en"),
        ({"LANG": "C"}, "id"),  # a locale that names no language: Indonesian by default
        ({"LANG": "C.UTF-8"}, "id"),
        ({"LC_ALL": "POSIX", "LANG": "en_US.UTF-8"}, "en"),
        ({}, "id"),
        ({"LANG": "en_US.UTF-8", "DESKTOP_SIGNER_LANG": "id"}, "id"),
        ({"LANG": "in_ID"}, "id"),
    ],
)
def test_language_follows_the_locale(env: dict[str, str], expected: str) -> None:
    assert detect_language(env) == expected


def test_the_settings_choice_comes_before_the_locale() -> None:
    assert detect_language({"LANG": "en_US.UTF-8"}, setting="id") == "id"
    assert detect_language({"LANG": "id_ID.UTF-8"}, setting="en") == "en"
    assert detect_language({"LANG": "id_ID.UTF-8"}, setting="") == "id"
    assert detect_language({"DESKTOP_SIGNER_LANG": "en"}, setting="id") == "en"


def test_every_message_has_both_languages_and_the_same_placeholders() -> None:
    import string

    for key, (ind, eng) in MESSAGES.items():
        assert ind.strip() and eng.strip(), key
        fields_id = {f for _, f, _, _ in string.Formatter().parse(ind) if f}
        fields_en = {f for _, f, _, _ in string.Formatter().parse(eng) if f}
        assert fields_id == fields_en, key


def test_catalogue_formats_in_the_chosen_language() -> None:
    assert Catalogue(MESSAGES, "id")("err_port_in_use", port=1).startswith("Port 1 di")
    assert Catalogue(MESSAGES, "en")("err_port_in_use", port=1).startswith("Port 1 on")
