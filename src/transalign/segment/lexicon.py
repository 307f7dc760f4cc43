"""Word lists the news rules use, per language (lower-cased, without the final period).

``always``: a period after these never ends a sentence (titles, address words, ``i.e.``).
``numeric``: a period after these does not end a sentence when a number follows (``No. 3``).
``year``: a period after these ends a sentence only after a number (``2018 г.``, ``XX в.``);
otherwise it is a place word (``г. Минск``). ``starters``: capitalised words that typically open a
sentence; after an initial or an ambiguous abbreviation they mark a new sentence.
``continuations``: abbreviation → capitalised words that continue its sentence (``долл. США``).
``speech_verbs``: verbs of an attribution after a closing quote (``“…?” Lukashenko asked.``).
``titles``: words that open the quoted title of a legal act (``… 2018 г. «О нормативных …»``).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache


@dataclass(frozen=True)
class Lexicon:
    """The rule word lists of one language; see the module docstring."""

    always: frozenset[str]
    numeric: frozenset[str]
    year: frozenset[str]
    starters: frozenset[str]
    continuations: dict[str, frozenset[str]] = field(default_factory=dict)
    speech_verbs: frozenset[str] = frozenset()
    titles: frozenset[str] = frozenset()


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


_EN = Lexicon(
    always=_words("""mr mrs ms messrs mme mlle dr prof gen lt col maj capt cmdr sgt cpl pvt adm
        brig sen sens rep reps gov rev hon pres supt insp amb st mt ft e.g i.e cf viz vs v a.k.a"""),
    numeric=_words("""no nos nr art arts p pp vol vols fig figs sec ch para paras approx ca tel
        ext jan feb mar apr jun jul aug sep sept oct nov dec"""),
    year=frozenset(),
    starters=_words("""the a an he she it they we i you this that these those there here in on
        at by but and as for if when while after before according however meanwhile also
        earlier later today yesterday tomorrow his her its their our my your so yet such some
        many most all both each other another since although though during under with without
        from to of not now then thus still what who why how where which last next several
        one two three four five six seven eight nine ten"""),
    speech_verbs=_words("""said says asked asks added adds stressed stresses noted notes emphasized
        emphasised emphasizes underlined underscored stated remarked explained recalled replied
        answered continued concluded exclaimed wondered insisted observed urged warned admitted
        announced declared commented suggested believes thinks told"""),
)

_RU = Lexicon(
    always=_words("""ул пр просп пр-т пер пл наб б-р ш д кв корп пос с им тов г-н г-жа акад
        проф доц чл.-корр св т.е т.к т.н т.ч т.о напр см ср ген зам"""),
    numeric=_words("ст п пп ч гл стр рис табл т вып ок св тел"),
    year=_words("г гг в вв"),
    starters=_words("""в во на он она оно они мы я вы это этот эта эти этим по как так но а и
        однако при для с со к о об также кроме сегодня вчера завтра его ее её их наш наша
        все всего там тогда когда если чтобы что из за до после перед среди сейчас теперь уже
        еще ещё кто где почему напомним ранее позже между не ни именно у затем потом"""),
    continuations={"долл": frozenset({"сша"})},
    titles=_words("о об обо"),
)

_BE = Lexicon(
    always=_words("""вул прасп пл зав пас д кв корп акад праф дац нам сп спн г.зн т.зв напр
        пар гл т.л т.б"""),
    numeric=_words("ст с п ч гл мал табл т арт тэл"),
    year=_words("г гг ст стст"),
    starters=_words("""у ва на ён яна яно яны мы я вы гэта гэты гэтая гэтыя па як так але а і
        аднак пры для з са да пра аб таксама акрамя сёння учора заўтра яго яе іх наш наша усе
        усяго там тады калі каб што за пасля перад сярод цяпер ужо яшчэ хто дзе чаму нагадаем
        раней пазней паміж не ні менавіта паводле затым потым"""),
    continuations={"дол": frozenset({"зша"}), "долл": frozenset({"зша"})},
    titles=_words("аб пра"),
)

LEXICONS: dict[str, Lexicon] = {"en": _EN, "ru": _RU, "be": _BE}


@lru_cache(maxsize=8)
def lexicon(lang: str) -> Lexicon:
    """The news lists of ``lang`` joined with the curated lists of its Punkt table."""
    from transalign.segment.punkt import nonbreaking

    always, numeric = nonbreaking(lang)
    own = LEXICONS[lang]
    return Lexicon(own.always | always, own.numeric | numeric, own.year, own.starters,
                   own.continuations, own.speech_verbs, own.titles)
