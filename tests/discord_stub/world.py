"""The stand-in's view of Discord: one application, its bot user and the guilds it sits in.

Plain dataclasses with snowflake ids; `payloads.py` turns them into API JSON.
"""

from __future__ import annotations

import itertools
import time
from collections.abc import Iterator
from dataclasses import dataclass, field

DISCORD_EPOCH_MS = 1_420_070_400_000

# Permission bits (https://discord.com/developers/docs/topics/permissions), only those we use.
ADMINISTRATOR = 1 << 3
MANAGE_GUILD = 1 << 5
VIEW_CHANNEL = 1 << 10
SEND_MESSAGES = 1 << 11
EMBED_LINKS = 1 << 14
READ_MESSAGE_HISTORY = 1 << 16
USE_APPLICATION_COMMANDS = 1 << 31
ALL_PERMISSIONS = (1 << 51) - 1
EVERYONE_PERMISSIONS = (
    VIEW_CHANNEL | SEND_MESSAGES | EMBED_LINKS | READ_MESSAGE_HISTORY | USE_APPLICATION_COMMANDS
)

# Gateway intent bits.
INTENT_GUILD_MEMBERS = 1 << 1
INTENT_GUILD_PRESENCES = 1 << 8
INTENT_GUILD_MESSAGES = 1 << 9
INTENT_MESSAGE_CONTENT = 1 << 15
PRIVILEGED_INTENTS = INTENT_GUILD_MEMBERS | INTENT_GUILD_PRESENCES | INTENT_MESSAGE_CONTENT

CHANNEL_NAMES = ("general", "news", "links")


class Snowflakes:
    """Makes increasing snowflake ids whose timestamp part is the current time, like Discord's."""

    def __init__(self) -> None:
        self._counter: Iterator[int] = itertools.count()

    def next(self) -> int:
        """A new id, greater than every id made before by this factory."""
        ms = int(time.time() * 1000) - DISCORD_EPOCH_MS
        return (ms << 22) | (next(self._counter) & 0x3FFFFF)


@dataclass
class User:
    """A Discord user (people and the bot alike)."""

    id: int
    username: str
    bot: bool = False


@dataclass
class Role:
    """A guild role; the @everyone role has the guild's id."""

    id: int
    name: str
    permissions: int
    position: int = 0


@dataclass
class Channel:
    """A guild text channel."""

    id: int
    name: str
    position: int = 0


@dataclass
class Member:
    """A user's membership of a guild."""

    user: User
    role_ids: list[int] = field(default_factory=list)


@dataclass
class Guild:
    """A guild with its channels, roles and members."""

    id: int
    name: str
    owner_id: int
    channels: list[Channel] = field(default_factory=list)
    roles: list[Role] = field(default_factory=list)
    members: list[Member] = field(default_factory=list)

    def channel(self, name: str) -> Channel:
        """The channel called `name`."""
        for channel in self.channels:
            if channel.name == name:
                return channel
        raise KeyError(f"no channel named {name!r} in guild {self.name!r}")

    def member(self, user_id: int) -> Member:
        """The membership of user `user_id`."""
        for member in self.members:
            if member.user.id == user_id:
                return member
        raise KeyError(f"user {user_id} is not in guild {self.name!r}")

    def permissions_of(self, user_id: int) -> int:
        """Guild-level permissions of a member, computed the way Discord does (no overwrites)."""
        if user_id == self.owner_id:
            return ALL_PERMISSIONS
        member = self.member(user_id)
        bits = 0
        for role in self.roles:
            if role.id == self.id or role.id in member.role_ids:
                bits |= role.permissions
        return ALL_PERMISSIONS if bits & ADMINISTRATOR else bits


@dataclass
class World:
    """Everything the stand-in knows: the application, its bot user, people and guilds."""

    application_id: int
    bot: User
    guilds: list[Guild]
    users: list[User]

    @property
    def guild(self) -> Guild:
        """The first guild, which the default world's tests use."""
        return self.guilds[0]

    def user(self, username: str) -> User:
        """The user called `username`."""
        for user in [self.bot, *self.users]:
            if user.username == username:
                return user
        raise KeyError(f"no user named {username!r}")

    def guild_of_channel(self, channel_id: int) -> Guild | None:
        """The guild holding channel `channel_id`, or None for an unknown channel."""
        for guild in self.guilds:
            if any(channel.id == channel_id for channel in guild.channels):
                return guild
        return None

    def find_channel(self, channel_id: int) -> Channel | None:
        """The channel with id `channel_id`, or None."""
        guild = self.guild_of_channel(channel_id)
        if guild is None:
            return None
        return next(channel for channel in guild.channels if channel.id == channel_id)


def default_world(ids: Snowflakes) -> World:
    """One guild "Newsroom" with #general, #news and #links, an owner, a moderator and a reader.

    The moderator holds Manage Server through the "Moderators" role; the reader has only the
    @everyone permissions.
    """
    bot = User(ids.next(), "digestbot", bot=True)
    owner = User(ids.next(), "owner")
    moderator = User(ids.next(), "moderator")
    reader = User(ids.next(), "reader")
    guild_id = ids.next()
    moderators_role = Role(ids.next(), "Moderators", MANAGE_GUILD | EVERYONE_PERMISSIONS, 1)
    guild = Guild(
        id=guild_id,
        name="Newsroom",
        owner_id=owner.id,
        channels=[
            Channel(ids.next(), name, position) for position, name in enumerate(CHANNEL_NAMES)
        ],
        roles=[Role(guild_id, "@everyone", EVERYONE_PERMISSIONS), moderators_role],
        members=[
            Member(bot),
            Member(owner),
            Member(moderator, [moderators_role.id]),
            Member(reader),
        ],
    )
    return World(application_id=bot.id, bot=bot, guilds=[guild], users=[owner, moderator, reader])
