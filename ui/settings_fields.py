"""Binding between settings keys and editor widgets, with administrator locks.

A :class:`Field` knows its dotted key (``tsa_url``, ``profile.nip``), how to show a value
and how to read it back. Locked keys are shown with the administrator's value, disabled,
with a tooltip that says who set them, and never written.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, fields, is_dataclass, replace
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDoubleSpinBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QWidget,
)

from desktop_signer.settings import Settings


def get_value(settings: Settings, key: str) -> Any:
    value: Any = settings
    for part in key.split("."):
        value = getattr(value, part)
    return value


def with_value(settings: Any, key: str, value: Any) -> Any:
    """A copy of ``settings`` with the dotted ``key`` set (nested dataclasses included)."""
    head, _, rest = key.partition(".")
    if rest:
        return replace(settings, **{head: with_value(getattr(settings, head), rest, value)})
    return replace(settings, **{head: value})


def all_keys(value: Any, prefix: str = "") -> list[str]:
    keys: list[str] = []
    for f in fields(value):
        inner = getattr(value, f.name)
        if is_dataclass(inner):
            keys.extend(all_keys(inner, f"{prefix}{f.name}."))
        else:
            keys.append(f"{prefix}{f.name}")
    return keys


def locked_tooltip() -> str:
    return QCoreApplication.translate(
        "Settings", "Set by your administrator; it cannot be changed here.")


@dataclass
class Field:
    key: str
    widget: QWidget
    show: Callable[[Any], None]
    read: Callable[[], Any]
    label: QLabel | None = None
    also: tuple[QWidget, ...] = ()  # e.g. a "Choose…" button that belongs to the field
    locked: bool = False

    def lock(self) -> None:
        self.locked = True
        for widget in (self.widget, *self.also):
            widget.setEnabled(False)
            widget.setToolTip(locked_tooltip())
        if self.label is not None:
            self.label.setToolTip(locked_tooltip())
            self.label.setEnabled(False)


def line_field(key: str, widget: QLineEdit, label: QLabel | None = None,
               also: tuple[QWidget, ...] = ()) -> Field:
    return Field(key, widget, lambda v: widget.setText(str(v)), lambda: widget.text().strip(),
                 label, also)


def text_field(key: str, widget: QPlainTextEdit, label: QLabel | None = None) -> Field:
    return Field(key, widget, lambda v: widget.setPlainText(str(v)),
                 lambda: widget.toPlainText().strip(), label)


def check_field(key: str, widget: QCheckBox) -> Field:
    return Field(key, widget, lambda v: widget.setChecked(bool(v)), widget.isChecked)


def number_field(key: str, widget: QDoubleSpinBox, label: QLabel | None = None) -> Field:
    return Field(key, widget, lambda v: widget.setValue(float(v)), widget.value, label)


def choice_field(key: str, widget: QComboBox, label: QLabel | None = None) -> Field:
    """Items carry their stored value as item data."""

    def show(value: Any) -> None:
        index = widget.findData(value)
        widget.setCurrentIndex(max(index, 0))

    return Field(key, widget, show, widget.currentData, label)
