"""The domain: what a pilot community has done and what its score is, as frozen values."""
