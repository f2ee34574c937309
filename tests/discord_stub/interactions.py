"""INTERACTION_CREATE payloads for slash and message context-menu commands.

Option types come from the command schema the bot registered, so a test writes
`{"url": "http://…", "points": 3}` and gets the same JSON Discord would send.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from .payloads import JSON, channel_json, member_json, role_json, user_json
from .world import Channel, Guild, Role, User, World

INTERACTION_APPLICATION_COMMAND = 2
COMMAND_CHAT_INPUT = 1
COMMAND_MESSAGE = 3
OPTION_SUB_COMMAND = 1
OPTION_SUB_COMMAND_GROUP = 2
OPTION_STRING = 3
OPTION_INTEGER = 4
OPTION_BOOLEAN = 5
OPTION_USER = 6
OPTION_CHANNEL = 7
OPTION_ROLE = 8
OPTION_NUMBER = 10


@dataclass
class Interaction:
    """One interaction the test sent, and what the bot did with it."""

    id: int
    token: str
    name: str
    channel_id: int
    guild_id: int
    user_id: int
    dispatched_at: float
    command_type: int = COMMAND_CHAT_INPUT
    response_type: int | None = None
    responded_at: float | None = None
    original_message_id: int | None = None
    followup_message_ids: list[int] = field(default_factory=list)

    @property
    def response_delay(self) -> float | None:
        """Seconds from dispatch to the bot's callback, or None before it answered."""
        if self.responded_at is None:
            return None
        return self.responded_at - self.dispatched_at


@dataclass(frozen=True)
class Invocation:
    """Who invokes a command, and where."""

    interaction_id: int
    token: str
    guild: Guild
    channel: Channel
    user: User
    joined_at: str


def _base_json(world: World, inv: Invocation, data: JSON) -> JSON:
    permissions = str(inv.guild.permissions_of(inv.user.id))
    member = {
        **member_json(inv.guild.member(inv.user.id), inv.joined_at),
        "permissions": permissions,
    }
    return {
        "id": str(inv.interaction_id),
        "application_id": str(world.application_id),
        "type": INTERACTION_APPLICATION_COMMAND,
        "data": data,
        "token": inv.token,
        "version": 1,
        "guild_id": str(inv.guild.id),
        "guild": {"id": str(inv.guild.id), "locale": "en-US", "features": []},
        "channel_id": str(inv.channel.id),
        "channel": {**channel_json(inv.channel, inv.guild), "permissions": permissions},
        "member": member,
        "app_permissions": str(inv.guild.permissions_of(world.bot.id)),
        "locale": "en-US",
        "guild_locale": "en-US",
        "entitlements": [],
        "entitlement_sku_ids": [],
        "authorizing_integration_owners": {"0": str(inv.guild.id)},
        "context": 0,
        "attachment_size_limit": 10 * 1024 * 1024,
    }


def slash_command_json(
    world: World, inv: Invocation, command: JSON, path: list[str], values: Mapping[str, Any]
) -> JSON:
    """A chat-input interaction for `command` (as registered), subcommand `path`, `values`."""
    chain: list[JSON] = []
    schemas: list[JSON] = list(command.get("options") or [])
    for part in path:
        schema = _option_schema(schemas, part, (OPTION_SUB_COMMAND, OPTION_SUB_COMMAND_GROUP))
        chain.append(schema)
        schemas = list(schema.get("options") or [])
    resolved: dict[str, dict[str, JSON]] = {}
    options = _leaf_options(schemas, values, inv, resolved)
    for schema in reversed(chain):
        options = [{"type": schema["type"], "name": schema["name"], "options": options}]
    data: JSON = {
        "id": command["id"],
        "name": command["name"],
        "type": COMMAND_CHAT_INPUT,
        "options": options,
        "guild_id": str(inv.guild.id),
    }
    if resolved:
        data["resolved"] = resolved
    return _base_json(world, inv, data)


def message_command_json(world: World, inv: Invocation, command: JSON, target: JSON) -> JSON:
    """A message context-menu interaction for `command` on message `target`."""
    data: JSON = {
        "id": command["id"],
        "name": command["name"],
        "type": COMMAND_MESSAGE,
        "target_id": target["id"],
        "resolved": {"messages": {target["id"]: target}},
        "guild_id": str(inv.guild.id),
    }
    return _base_json(world, inv, data)


def _option_schema(schemas: list[JSON], name: str, types: tuple[int, ...]) -> JSON:
    for schema in schemas:
        if schema["name"] == name and schema["type"] in types:
            return schema
    known = sorted(s["name"] for s in schemas)
    raise KeyError(f"the command has no option {name!r}; it has {known}")


def _leaf_options(
    schemas: list[JSON],
    values: Mapping[str, Any],
    inv: Invocation,
    resolved: dict[str, dict[str, JSON]],
) -> list[JSON]:
    missing = [s["name"] for s in schemas if s.get("required") and s["name"] not in values]
    if missing:
        raise ValueError(f"Discord requires the options {missing}")
    options = []
    for name, value in values.items():
        schema = _option_schema(schemas, name, tuple(range(3, 12)))
        options.append(
            {
                "type": schema["type"],
                "name": name,
                "value": _value(schema["type"], value, inv, resolved),
            }
        )
    return options


def _value(kind: int, value: Any, inv: Invocation, resolved: dict[str, dict[str, JSON]]) -> Any:
    if kind == OPTION_STRING:
        return str(value)
    if kind == OPTION_INTEGER:
        return int(value)
    if kind == OPTION_NUMBER:
        return float(value)
    if kind == OPTION_BOOLEAN:
        return bool(value)
    if kind == OPTION_CHANNEL:
        channel = value if isinstance(value, Channel) else _channel(inv.guild, int(value))
        permissions = str(inv.guild.permissions_of(inv.user.id))
        resolved.setdefault("channels", {})[str(channel.id)] = {
            **channel_json(channel, inv.guild),
            "permissions": permissions,
        }
        return str(channel.id)
    if kind == OPTION_USER:
        user = value if isinstance(value, User) else inv.guild.member(int(value)).user
        member = member_json(inv.guild.member(user.id), inv.joined_at)
        member.pop("user")
        member["permissions"] = str(inv.guild.permissions_of(user.id))
        resolved.setdefault("users", {})[str(user.id)] = user_json(user)
        resolved.setdefault("members", {})[str(user.id)] = member
        return str(user.id)
    if kind == OPTION_ROLE:
        role = (
            value
            if isinstance(value, Role)
            else next(r for r in inv.guild.roles if r.id == int(value))
        )
        resolved.setdefault("roles", {})[str(role.id)] = role_json(role)
        return str(role.id)
    raise ValueError(f"option type {kind} is not supported by the stand-in")


def _channel(guild: Guild, channel_id: int) -> Channel:
    for channel in guild.channels:
        if channel.id == channel_id:
            return channel
    raise KeyError(f"no channel {channel_id} in guild {guild.name!r}")
