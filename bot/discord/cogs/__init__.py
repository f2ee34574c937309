"""The bot's command groups and listeners, one cog per feature."""
