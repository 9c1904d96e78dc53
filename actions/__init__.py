"""The bot's handlers as rasa_sdk actions; the engine (or `python -m rasa_sdk`) finds them here."""
