"""The hostile-input battery: every reader and every output path, tried as an attacker would."""
