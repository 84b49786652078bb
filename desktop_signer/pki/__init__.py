"""Certificate helpers shared by tokens, signing, verification and training."""
