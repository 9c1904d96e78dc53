"""The intent model's life in the bot: training, loading, learned examples, retraining, data checks."""
