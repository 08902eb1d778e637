"""The rulebook as code: its amounts, and one function per clause beside its record."""
