"""Training in the window (bimbingan teknis, DESIGN §8): the Latihan menu, the set-up
dialog, the background services, the exercises and presentation mode."""

from ui.training.feature import TrainingFeature

__all__ = ["TrainingFeature"]
