"""Reading and writing the interchange formats: JSON, JSON Lines, registers, schema, files."""
