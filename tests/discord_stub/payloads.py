"""Pure builders of Discord API v10 JSON objects from the stand-in's world.

Field sets follow the API documentation closely enough that discord.py parses them as it
parses real Discord's answers.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from .world import Channel, Guild, Member, Role, User, World

JSON = dict[str, Any]

MESSAGE_FLAG_EPHEMERAL = 1 << 6
MESSAGE_FLAG_LOADING = 1 << 7
CHANNEL_TYPE_GUILD_TEXT = 0

_USER_MENTION = re.compile(r"<@!?(\d+)>")
_ROLE_MENTION = re.compile(r"<@&(\d+)>")


def iso_now() -> str:
    """The current time as Discord writes timestamps."""
    return datetime.now(UTC).isoformat()


def user_json(user: User) -> JSON:
    """A user object."""
    return {
        "id": str(user.id),
        "username": user.username,
        "discriminator": "0",
        "global_name": None if user.bot else user.username.title(),
        "avatar": None,
        "bot": user.bot,
        "public_flags": 0,
        "flags": 0,
    }


def role_json(role: Role) -> JSON:
    """A role object."""
    return {
        "id": str(role.id),
        "name": role.name,
        "color": 0,
        "hoist": False,
        "icon": None,
        "unicode_emoji": None,
        "position": role.position,
        "permissions": str(role.permissions),
        "managed": False,
        "mentionable": False,
        "flags": 0,
    }


def channel_json(channel: Channel, guild: Guild) -> JSON:
    """A guild text channel object."""
    return {
        "id": str(channel.id),
        "type": CHANNEL_TYPE_GUILD_TEXT,
        "guild_id": str(guild.id),
        "name": channel.name,
        "position": channel.position,
        "permission_overwrites": [],
        "topic": None,
        "nsfw": False,
        "last_message_id": None,
        "rate_limit_per_user": 0,
        "parent_id": None,
        "flags": 0,
    }


def member_json(member: Member, joined_at: str) -> JSON:
    """A guild member object (without the interaction-only `permissions`)."""
    return {
        "user": user_json(member.user),
        "nick": None,
        "avatar": None,
        "roles": [str(role_id) for role_id in member.role_ids],
        "joined_at": joined_at,
        "premium_since": None,
        "deaf": False,
        "mute": False,
        "flags": 0,
        "pending": False,
    }


def guild_json(guild: Guild) -> JSON:
    """A guild object as `GET /guilds/{id}` returns it."""
    return {
        "id": str(guild.id),
        "name": guild.name,
        "icon": None,
        "splash": None,
        "discovery_splash": None,
        "owner_id": str(guild.owner_id),
        "afk_channel_id": None,
        "afk_timeout": 300,
        "verification_level": 0,
        "default_message_notifications": 0,
        "explicit_content_filter": 0,
        "roles": [role_json(role) for role in guild.roles],
        "emojis": [],
        "stickers": [],
        "features": [],
        "mfa_level": 0,
        "application_id": None,
        "system_channel_id": None,
        "system_channel_flags": 0,
        "rules_channel_id": None,
        "vanity_url_code": None,
        "description": None,
        "banner": None,
        "premium_tier": 0,
        "premium_subscription_count": 0,
        "preferred_locale": "en-US",
        "public_updates_channel_id": None,
        "nsfw_level": 0,
        "premium_progress_bar_enabled": False,
    }


def guild_create_json(guild: Guild, joined_at: str, members: list[Member]) -> JSON:
    """The GUILD_CREATE dispatch payload: the guild with its channels and `members`."""
    return {
        **guild_json(guild),
        "joined_at": joined_at,
        "large": False,
        "unavailable": False,
        "member_count": len(guild.members),
        "voice_states": [],
        "members": [member_json(member, joined_at) for member in members],
        "channels": [channel_json(channel, guild) for channel in guild.channels],
        "threads": [],
        "presences": [],
        "stage_instances": [],
        "guild_scheduled_events": [],
        "soundboard_sounds": [],
    }


def application_json(world: World, owner: User) -> JSON:
    """The application object of `GET /oauth2/applications/@me`."""
    return {
        "id": str(world.application_id),
        "name": world.bot.username,
        "icon": None,
        "description": "",
        "rpc_origins": [],
        "bot_public": True,
        "bot_require_code_grant": False,
        "bot": user_json(world.bot),
        "owner": user_json(owner),
        "summary": "",
        "verify_key": "0" * 64,
        "team": None,
        "flags": 0,
        "tags": [],
        "redirect_uris": [],
        "interactions_endpoint_url": None,
    }


def ready_json(world: World, session_id: str, resume_url: str) -> JSON:
    """The READY dispatch payload, guilds listed as unavailable until their GUILD_CREATE."""
    return {
        "v": 10,
        "user": user_json(world.bot),
        "guilds": [{"id": str(guild.id), "unavailable": True} for guild in world.guilds],
        "session_id": session_id,
        "session_type": "normal",
        "resume_gateway_url": resume_url,
        "application": {"id": str(world.application_id), "flags": 0},
        "private_channels": [],
        "relationships": [],
        "presences": [],
        "guild_join_requests": [],
        "geo_ordered_rtc_regions": [],
        "user_settings": {},
        "_trace": ["digestbot-discord-stub"],
    }


@dataclass(frozen=True)
class Pings:
    """Whom a message notifies: what Discord derives from its content and allowed_mentions."""

    everyone: bool = False
    users: frozenset[int] = field(default_factory=frozenset)
    roles: frozenset[int] = field(default_factory=frozenset)

    @property
    def anyone(self) -> bool:
        """True when the message pings anybody at all."""
        return self.everyone or bool(self.users) or bool(self.roles)


def resolve_pings(content: str, allowed_mentions: JSON | None) -> Pings:
    """Apply Discord's allowed_mentions rules to the mentions written in `content`.

    Without `allowed_mentions` every mention in the content pings (Discord's default). Embeds
    never ping, so only the content counts. Mentioned ids ping even when nobody has them, so
    a test can tell that a ping *would* have happened.
    """
    users = frozenset(int(raw) for raw in _USER_MENTION.findall(content))
    roles = frozenset(int(raw) for raw in _ROLE_MENTION.findall(content))
    everyone = "@everyone" in content or "@here" in content
    if allowed_mentions is None:
        return Pings(everyone, users, roles)
    parse = set(allowed_mentions.get("parse", []))
    allowed_users = {int(raw) for raw in allowed_mentions.get("users", [])}
    allowed_roles = {int(raw) for raw in allowed_mentions.get("roles", [])}
    return Pings(
        everyone="everyone" in parse and everyone,
        users=users if "users" in parse else users & allowed_users,
        roles=roles if "roles" in parse else roles & allowed_roles,
    )


def message_json(
    *,
    message_id: int,
    channel_id: int,
    guild_id: int | None,
    author: User,
    body: JSON,
    pings: Pings,
    known_users: dict[int, User],
    extra: JSON | None = None,
) -> JSON:
    """A message object made from a create-message request body and its resolved pings."""
    return {
        "id": str(message_id),
        "type": 0,
        "channel_id": str(channel_id),
        **({"guild_id": str(guild_id)} if guild_id is not None else {}),
        "author": user_json(author),
        "content": body.get("content") or "",
        "timestamp": iso_now(),
        "edited_timestamp": None,
        "tts": bool(body.get("tts", False)),
        "mention_everyone": pings.everyone,
        "mentions": [
            user_json(known_users[uid]) for uid in sorted(pings.users & known_users.keys())
        ],
        "mention_roles": [str(role_id) for role_id in sorted(pings.roles)],
        "attachments": [],
        "embeds": list(body.get("embeds") or []),
        "components": list(body.get("components") or []),
        "pinned": False,
        "flags": int(body.get("flags") or 0),
        **(extra or {}),
    }
