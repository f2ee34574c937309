"""The Discord bot: slash commands, the link watcher and the scheduled daily digest."""
