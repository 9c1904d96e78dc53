"""The bottom layer: shapes and rules every other package may use; imports nothing from bot."""
