"""The SSRF guard on its own: host spellings, address ranges, allow-list, socket gate."""

from __future__ import annotations

import ipaddress
import socket

import pytest

from bot.settings import Settings, SettingsError
from summarizers.errors import BlockedAddressError, FetchError
from summarizers.fetch.guard import (
    CREDENTIALS_MESSAGE,
    OUTSIDE_LIST_MESSAGE,
    PRIVATE_MESSAGE,
    AddressPolicy,
    Guard,
    is_public_address,
)
from summarizers.fetch.hosts import canonical_host, parse_ipv4


@pytest.mark.parametrize(
    ("spelling", "address"),
    [
        ("2130706433", "127.0.0.1"),
        ("0x7f.1", "127.0.0.1"),
        ("017700000001", "127.0.0.1"),
        ("0x7f000001", "127.0.0.1"),
        ("0X7F.0.0.1", "127.0.0.1"),
        ("0x7f.0x0.0x0.0x1", "127.0.0.1"),
        ("0177.0.0.1", "127.0.0.1"),
        ("127.000.000.001", "127.0.0.1"),
        ("127.1", "127.0.0.1"),
        ("127.0.1", "127.0.0.1"),
        ("127.0.0.1.", "127.0.0.1"),
        ("0", "0.0.0.0"),
        ("0xa.0.0.1", "10.0.0.1"),
        ("167772161", "10.0.0.1"),
        ("2852039166", "169.254.169.254"),
        ("0xa9.0xfe.0xa9.0xfe", "169.254.169.254"),
        ("134744072", "8.8.8.8"),
    ],
)
def test_numeric_ipv4_spellings_are_read_as_browsers_read_them(spelling: str, address: str) -> None:
    assert str(parse_ipv4(spelling)) == address
    assert canonical_host(spelling) == address


@pytest.mark.parametrize(
    "host", ["example.com", "1.2.3.4.5", "08.1", "256.1.1.1", "1.2.3.0x100", "0x7g.1", "1..1"]
)
def test_host_names_and_invalid_numbers_are_not_ipv4(host: str) -> None:
    assert parse_ipv4(host) is None


def test_canonical_host_lowercases_names_and_rejects_junk() -> None:
    assert canonical_host("News.Example.COM.") == "news.example.com"
    assert canonical_host("[::FFFF:10.0.0.1]") == "::ffff:a00:1"
    with pytest.raises(ValueError):
        canonical_host("a b.example")


@pytest.mark.parametrize(
    "link",
    [
        "http://127.0.0.1/",
        "http://10.0.0.1/",
        "http://172.16.5.4/",
        "http://192.168.1.1:8080/admin",
        "http://169.254.169.254/latest/meta-data/",
        "http://100.64.0.1/",
        "http://0.0.0.0/",
        "http://0/",
        "http://224.0.0.1/",
        "http://239.255.255.250:1900/",
        "http://240.0.0.1/",
        "http://255.255.255.255/",
        "http://192.0.2.1/",
        "http://198.18.0.1/",
        "http://2130706433/",
        "http://0x7f.1/",
        "http://017700000001/",
        "http://0xa.0.0.1/",
        "http://2852039166/",
        "http://127.1/",
        "http://１２７。０。０。１/",
        "http://good.com@10.0.0.1/",
        "http://good.com:pw@169.254.169.254/",
        "http://[::1]/",
        "http://[::]/",
        "http://[fc00::1]/",
        "http://[fd12:3456::1]/",
        "http://[fe80::1]/",
        "http://[fec0::1]/",
        "http://[ff02::1]/",
        "http://[::ffff:10.0.0.1]/",
        "http://[::ffff:127.0.0.1]/",
        "http://[0:0:0:0:0:ffff:169.254.169.254]/",
        "http://[::ffff:8.8.8.8]/",
        "http://[::127.0.0.1]/",
        "http://[64:ff9b::a00:1]/",
        "http://[64:ff9b::7f00:1]/",
        "http://[64:ff9b:1::808:808]/",
        "http://[2002:a00:1::1]/",
        "http://[2001:db8::1]/",
        "http://[2001::1]/",
        "https://[::ffff:a9fe:a9fe]/",
        "http://[fe80::1%25eth0]/",
        "http://①②⑦.0.0.1/",
        "http://0x7f.0.0.1./",
    ],
)
def test_private_and_special_addresses_are_refused_in_every_spelling(link: str) -> None:
    guard = Guard(AddressPolicy())
    with pytest.raises(BlockedAddressError) as caught:
        guard.check_url(link)
    assert str(caught.value) == PRIVATE_MESSAGE
    assert not guard.approved


@pytest.mark.parametrize(
    ("link", "host"),
    [
        ("http://8.8.8.8/", "8.8.8.8"),
        ("https://134744072/path", "8.8.8.8"),
        ("http://0x8.0x8.0x8.0x8/", "8.8.8.8"),
        ("http://[2606:4700:4700::1111]/", "2606:4700:4700::1111"),
        ("http://[64:ff9b::808:808]/", "64:ff9b::808:808"),
        ("http://[2002:808:808::1]/", "2002:808:808::1"),
        ("http://News.Example.com./a#frag", "news.example.com"),
    ],
)
def test_public_links_pass_with_their_host_in_canonical_form(link: str, host: str) -> None:
    url = Guard(AddressPolicy()).check_url(link)
    assert url.raw_host == host
    assert url.fragment == ""


def test_credentials_are_refused_even_on_public_hosts() -> None:
    with pytest.raises(BlockedAddressError) as caught:
        Guard(AddressPolicy()).check_url("http://user:secret@example.com/")
    assert str(caught.value) == CREDENTIALS_MESSAGE


@pytest.mark.parametrize(
    "link",
    ["ftp://example.com/", "file:///etc/passwd", "javascript:alert(1)", "gopher://x/", "//x/"],
)
def test_only_http_and_https_are_fetched(link: str) -> None:
    with pytest.raises(FetchError) as caught:
        Guard(AddressPolicy()).check_url(link)
    assert not isinstance(caught.value, BlockedAddressError)
    assert "only http and https" in str(caught.value)


@pytest.mark.parametrize(
    "link",
    [
        "http://",
        "http://exa mple.com/",
        "http://a\nb.com/",
        "http://[::1/",
        "http://%31%32%37.0.0.1/",
    ],
)
def test_malformed_links_are_invalid(link: str) -> None:
    with pytest.raises(FetchError, match="not a valid web address"):
        Guard(AddressPolicy()).check_url(link)


@pytest.mark.parametrize(
    ("address", "public"),
    [
        ("93.184.216.34", True),
        ("1.1.1.1", True),
        ("2606:4700:4700::1111", True),
        ("100.127.255.255", False),
        ("100.128.0.1", True),
        ("169.254.169.254", False),
        ("fd00:ec2::254", False),
        ("::ffff:93.184.216.34", False),
        ("64:ff9b::5db8:d822", True),
        ("64:ff9b::c0a8:101", False),
        ("2001:0:4136:e378::1", False),
    ],
)
def test_is_public_address(address: str, public: bool) -> None:
    assert is_public_address(ipaddress.ip_address(address)) is public


def test_allow_list_is_the_whole_reachable_world() -> None:
    policy = AddressPolicy.from_allow_hosts(["127.0.0.1", "10.1.0.0/16", "intranet.test", " "])
    ip = ipaddress.ip_address
    assert policy.refusal(ip("127.0.0.1")) is None
    assert policy.refusal(ip("::ffff:127.0.0.1")) is None
    assert policy.refusal(ip("10.1.200.3")) is None
    assert policy.refusal(ip("10.0.0.1")) == PRIVATE_MESSAGE
    assert policy.refusal(ip("127.0.0.2")) == PRIVATE_MESSAGE
    assert policy.refusal(ip("8.8.8.8")) == OUTSIDE_LIST_MESSAGE
    assert policy.trusts_name("intranet.test")
    assert not policy.trusts_name("other.test")


@pytest.mark.parametrize("entry", ["10.0.0.1/33", "not a host", "http://x/"])
def test_bad_allow_list_entries_are_named(entry: str) -> None:
    with pytest.raises(ValueError, match="is not a"):
        AddressPolicy.from_allow_hosts([entry])


def test_a_name_with_any_refused_answer_is_refused_whole() -> None:
    guard = Guard(AddressPolicy())
    answers = [ipaddress.ip_address("93.184.216.34"), ipaddress.ip_address("10.0.0.1")]
    with pytest.raises(BlockedAddressError):
        guard.approve("mixed.example", answers)
    assert not guard.approved
    assert guard.refused == ["10.0.0.1"]


def test_socket_gate_refuses_unapproved_addresses_before_creating_a_socket() -> None:
    attempts: list[tuple[str, int]] = []
    guard = Guard(AddressPolicy(), on_connect=lambda host, port: attempts.append((host, port)))
    guard.approve("example.com", [ipaddress.ip_address("93.184.216.34")])
    info = (socket.AF_INET, socket.SOCK_STREAM, socket.IPPROTO_TCP, "", ("10.0.0.1", 80))
    with pytest.raises(OSError, match="unapproved"):
        guard.socket_factory(info)
    assert attempts == [("10.0.0.1", 80)]
    assert str(guard.blocked_error()) == PRIVATE_MESSAGE
    approved = (socket.AF_INET, socket.SOCK_STREAM, socket.IPPROTO_TCP, "", ("93.184.216.34", 80))
    sock = guard.socket_factory(approved)  # created, never connected
    sock.close()


def test_settings_build_fetch_options_and_name_a_bad_allow_list() -> None:
    env = {
        "DIGESTBOT_ALLOW_HOSTS": "127.0.0.1, 10.1.0.0/16",
        "DIGESTBOT_CONNECT_TIMEOUT": "2",
        "DIGESTBOT_FETCH_TIMEOUT": "7",
        "DIGESTBOT_MAX_PAGE_BYTES": "1000",
    }
    options = Settings.load(env, dotenv_path=None).fetch_options()
    assert options.allow_hosts == ("127.0.0.1", "10.1.0.0/16")
    assert (options.connect_timeout, options.total_timeout, options.max_bytes) == (2, 7, 1000)
    assert options.max_redirects == 5
    bad = Settings.load({"DIGESTBOT_ALLOW_HOSTS": "10.0.0.0/99"}, dotenv_path=None)
    with pytest.raises(SettingsError, match="DIGESTBOT_ALLOW_HOSTS"):
        bad.fetch_options()
