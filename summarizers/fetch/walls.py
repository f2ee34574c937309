"""Pages that are not articles: paywalls, consent walls, login walls, JavaScript shells.

Every rule pairs a signal (a phrase, a password field, structured data, an empty app
container) with the absence of a real article: a full story that merely carries a cookie
banner, a "subscribe" footer or a login link stays an article. Only short extractions, or
extractions that *are* the wall's own text, are refused.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import lxml.etree
import lxml.html
from yarl import URL

from summarizers.models import Article

PAYWALL = "That page is behind a paywall."
CONSENT_WALL = "That page shows a cookie consent wall instead of the article."
LOGIN_WALL = "That page asks for a login before showing the article."
NEEDS_JAVASCRIPT = "That page needs JavaScript to show its text, which digestbot does not run."

# Fewer words than this is a caption, a stub or an error page, not a story to summarise;
# with this little text, even a weak wall signal (a hidden login form) explains the page.
MIN_ARTICLE_WORDS = 50
# Below this many words, a strong wall signal (a wall's own wording) means the wall is all
# there is.
SHORT_WORDS = 150
# A teaser ending in a paywall prompt is at most this long.
TEASER_WORDS = 400


def _patterns(*texts: str) -> tuple[re.Pattern[str], ...]:
    return tuple(re.compile(t, re.IGNORECASE) for t in texts)


_CONSENT = _patterns(
    r"\b(accept|allow|agree to) (all )?(cookies|tracking)\b",
    r"\b(accept|reject|refuse|decline) all\b",
    r"\bmanage (cookies|(your )?(privacy |cookie |consent )?"
    r"(settings|preferences|options|choices))\b",
    r"\bcookie (policy|settings|preferences|consent|notice)\b",
    r"\bwe( and our (\d+ )?(partners|vendors))? (use|store|set)\b.{0,60}\bcookies\b",
    r"\bbefore you continue\b",
    r"\byour privacy (choices|options|settings)\b",
    r"\bpersonali[sz]ed (ads|advertising|content)\b",
    r"\blegitimate interests?\b",
    r"\b(alle akzeptieren|tout accepter|aceptar todo|accetta tutti|alles accepteren)\b",
)
_PAYWALL = _patterns(
    r"\bsubscribe (now |today )?to (continue|keep) reading\b",
    r"\bto (continue|keep) reading,? (please )?(subscribe|become a (subscriber|member))\b",
    r"\b(this|the) (article|story|content|rest of (this|the) (article|story)) is "
    r"(only )?(available|reserved|exclusive)( only)? (to|for) (paying )?(subscribers|members)\b",
    r"\b(for )?subscribers only\b|\bsubscriber[- ]only\b|\bsubscriber[- ]exclusive\b",
    r"\bunlock (this|the full) (article|story)\b",
    r"\byou('ve| have) (reached|read) (your|all|the) (limit|\d+ free|free articles)",
    r"\bread the full (article|story) (with|by subscribing)\b",
    r"\b(réservé aux abonnés|exklusiv für abonnenten|nur für abonnenten|solo para suscriptores)\b",
)
# A subscription price ("12€ par mois", "$1 a week"): the end of a teaser, not of a story.
_OFFER = _patterns(
    r"(\d+([.,]\d+)?\s?[$€£]|[$€£]\s?\d+([.,]\d+)?)\s?\*?\s?(/|per|a|an|par|pro|al|le)\s?"
    r"(1er |first )?(month|week|year|mois|semaine|an|monat|woche|jahr|mes|semana|año)\b",
)
_SUBSCRIPTION = re.compile(
    r"\b(subscri\w*|abonn\w*|abo|suscri\w*|offer|offre|oferta|angebot|trial|essai)\b",
    re.IGNORECASE,
)
# Softer prompts that also sit on free pages; they count only beside paywall markup.
_SUBSCRIBE = _patterns(
    r"\balready (a subscriber|subscribed)\b",
    r"\bsubscribe (now )?(for|from) (just |only )?[$€£]",
    r"\b(start|begin) your (free )?(trial|subscription)\b",
)
_PAYWALL_MARKUP = re.compile(
    r"paywall|regwall|meteredcontent|piano-?(offer|template|paywall)|tp-modal|"
    r"subscriber-content|premium-wall|article-locked|locked-content",
    re.IGNORECASE,
)
_NOT_FREE = re.compile(r'"isAccessibleForFree"\s*:\s*"?false"?', re.IGNORECASE)
_LOGIN = _patterns(
    r"\b(sign|log) ?in to (continue|read|view|see|access)\b",
    r"\byou (must|need to) (be )?(signed|logged) ?in\b",
    r"\bplease (sign|log) ?in\b",
    r"\b(create|register) (a |an )?(free )?account to (continue|read|view)\b",
    r"\bregister (for free )?to (continue|read)\b",
)
_LOGIN_PATH = re.compile(
    r"/(login|log-in|signin|sign-in|sign_in|sso|auth)(/|$|\.)|/accounts?/login", re.IGNORECASE
)
_CONSENT_HOST = re.compile(r"^(consent|guce|cmp|privacy|cookies?)\.", re.IGNORECASE)
_CONSENT_PATH = re.compile(
    r"/(consent|collectconsent|cookie-?wall|cookie-?consent|privacy-?gate)(/|$|\.)", re.IGNORECASE
)
_JAVASCRIPT = _patterns(
    r"\b(please )?(enable|turn on|activate|allow) javascript\b",
    r"\bjavascript (is )?(required|disabled|needed|must be enabled|is not enabled)\b",
    r"\b(requires|need|needs) javascript\b",
    r"\bjavascript aktivieren\b",
)
_APP_ROOTS = frozenset({"root", "app", "__next", "__nuxt", "___gatsby", "svelte", "main-app"})


@dataclass(frozen=True)
class _Signals:
    visible: str
    noscript: str
    has_password: bool
    not_free: bool
    paywall_markup: bool
    app_shell: bool


def find_wall(html: str | None, url: str, article: Article | None) -> str | None:
    """The sentence saying why this page is not an article, or None if nothing walls it.

    `html` is the page's text (None for plain-text pages), `url` where it was fetched
    from, `article` what the cleaner extracted (None when it found nothing).
    """
    signals = _read_signals(html) if html else _Signals("", "", False, False, False, False)
    paragraphs = article.paragraphs if article is not None else []
    words = article.word_count if article is not None else 0
    link = URL(url)
    if _is_consent_wall(signals, link, paragraphs, words):
        return CONSENT_WALL
    if _is_paywall(signals, paragraphs, words):
        return PAYWALL
    if _is_login_wall(signals, link, words):
        return LOGIN_WALL
    if words < MIN_ARTICLE_WORDS and (
        signals.app_shell or _any(_JAVASCRIPT, f"{signals.noscript} {signals.visible}")
    ):
        return NEEDS_JAVASCRIPT
    return None


def _is_consent_wall(signals: _Signals, url: URL, paragraphs: list[str], words: int) -> bool:
    at_consent_url = bool(_CONSENT_HOST.match(url.raw_host or "") or _CONSENT_PATH.search(url.path))
    if words < SHORT_WORDS and at_consent_url:
        return True
    if words < MIN_ARTICLE_WORDS and _count(_CONSENT, signals.visible) >= 3:
        return True  # a banner beside a real story leaves the story's words
    # The cleaner took the consent dialog for the article.
    walled = [p for p in paragraphs if _any(_CONSENT, p)]
    return (
        words < TEASER_WORDS
        and len(walled) * 2 >= len(paragraphs) > 0
        and _count(_CONSENT, " ".join(paragraphs)) >= 3
    )


def _is_paywall(signals: _Signals, paragraphs: list[str], words: int) -> bool:
    ending = paragraphs[-3:]
    offer = " ".join(ending)
    if words < TEASER_WORDS and (
        any(_any(_PAYWALL, p) for p in ending)
        or (_any(_OFFER, offer) and _SUBSCRIPTION.search(offer))
    ):
        return True  # a teaser that ends in the subscription prompt or price
    if words >= SHORT_WORDS:
        return False  # metered sites mark free-to-read full stories as paid too
    return (
        signals.not_free
        or _any(_PAYWALL, signals.visible)
        or (signals.paywall_markup and _any(_SUBSCRIBE, signals.visible))
    )


def _is_login_wall(signals: _Signals, url: URL, words: int) -> bool:
    if words < SHORT_WORDS and (_any(_LOGIN, signals.visible) or _LOGIN_PATH.search(url.path)):
        return True
    # Many pages carry a hidden login form; only a page with nothing else is a login wall.
    return words < MIN_ARTICLE_WORDS and signals.has_password


def _any(patterns: tuple[re.Pattern[str], ...], text: str) -> bool:
    return any(p.search(text) for p in patterns)


def _count(patterns: tuple[re.Pattern[str], ...], text: str) -> int:
    return sum(1 for p in patterns if p.search(text))


def _read_signals(html: str) -> _Signals:
    # lxml refuses str input that still carries an XML encoding declaration.
    source = re.sub(r"^\s*<\?xml[^>]*\?>", "", html, count=1)
    try:
        root = lxml.html.document_fromstring(source)
    except (lxml.etree.ParserError, ValueError):
        return _Signals("", "", False, False, False, False)
    scripts = root.xpath("//script")
    not_free = any(
        _NOT_FREE.search(s.text or "")
        for s in scripts
        if "ld+json" in (s.get("type") or "").lower()
    )
    has_password = bool(root.xpath("//input[translate(@type,'PASSWORD','password')='password']"))
    markup = " ".join(
        f"{el.get('class') or ''} {el.get('id') or ''}"
        for el in root.iter()
        if isinstance(el.tag, str)
    )
    noscript = " ".join(" ".join(el.itertext()) for el in root.xpath("//noscript"))
    app_shell = bool(scripts) and any(
        not "".join(el.itertext()).strip()
        for el in root.xpath("//body//*[@id]")
        if el.get("id") in _APP_ROOTS
    )
    for el in root.xpath("//script|//style|//template|//noscript"):
        el.drop_tree()
    visible = " ".join(root.text_content().split())
    return _Signals(
        visible=visible,
        noscript=" ".join(noscript.split()),
        has_password=has_password,
        not_free=not_free,
        paywall_markup=bool(_PAYWALL_MARKUP.search(markup)),
        app_shell=app_shell,
    )
