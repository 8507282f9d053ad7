"""A person's whole name in one column ("Full Name", Zoom's "Name (Original Name)", a form's "Your
name"): split into the first and last name the API takes, where the split can be told.

The mapping names such a column ``person.full_name`` (a mapping's own field, never sent as such);
a row is sent with the split only where its first and last name are both empty (request rules 4;
rules 5 let the email tell two family names from two given names).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable

from leadspace_cli.mapping.addressbooks import english
from leadspace_cli.mapping.aliases import WHOLE_NAME_HEADERS, normalize_header
from leadspace_cli.mapping.normal import normal, question
from leadspace_cli.mapping.organisations import _organisation, trade_names
from leadspace_cli.mapping.spec import FULL_NAME, Mapping

_SALUTATIONS = frozenset(
    ("mr", "mrs", "ms", "miss", "mx", "dr", "prof", "sir", "herr", "frau", "m", "mme", "mlle", "sr", "sra")
)
_SUFFIXES = frozenset(("jr", "sr", "ii", "iii", "iv", "phd", "md", "mba", "esq", "cpa", "dds", "jd", "msc"))
# Words that begin a family name ("Ludwig van Beethoven", "Ana de la Cruz").
_PARTICLES = frozenset(
    (
        *("van", "von", "de", "da", "di", "del", "della", "der", "den", "du", "la", "le", "dos", "das"),
        *("ten", "ter", "bin", "al", "el", "st", "st.", "zu", "vom", "af", "av"),
    )
)
# A firm's words: a value holding one is no person's name.
_FIRM = re.compile(
    r"(?i)\b(inc|llc|ltd|limited|gmbh|corp|corporation|company|co|group|ag|sa|bv|plc|srl|oy|ab|"
    r"kg|pty|solutions|services|consulting|agency|partners|holdings|team|support|sales|info|admin)\b\.?"
)
_LETTERS = re.compile(r"^[^\W\d_]+(?:['’.-][^\W\d_]*)*\.?$")


def _word(token: str) -> str:
    return token.lower().rstrip(".")


def _eastern(token: str) -> bool:
    """Whether a word is written in Chinese, Japanese or Korean script (family name first)."""
    return any(unicodedata.name(ch, "").startswith(("CJK", "HANGUL", "HIRAGANA", "KATAKANA")) for ch in token)


# A Russian, Ukrainian or Belarusian patronymic ("Викторович", "Игоревна"): a third name, neither
# given nor family. Beside it, the family name is the word that is not the given one.
_PATRONYMIC = re.compile(r"(?i)^[а-яёіїєґў'-]+(?:ович|евич|ьевич|ич|овна|евна|ьевна|ична|инична)$")


def split_name(text: str, email: str = "", *, rules: int = 6) -> tuple[str, str] | None:
    """Return (first name, last name) of a person's whole name, or None where it cannot be told.

    "Ann Lee" is ("Ann", "Lee"); "Lee, Ann" is ("Ann", "Lee"); "Dr. Mary Ann van der Berg Jr." is
    ("Mary Ann", "van der Berg"); "山田 太郎" is ("太郎", "山田"); "Bo Ng (Bo)" is ("Bo", "Ng"). One
    word, an email, digits, a firm's words or more than five words are None. Three words are two
    given names and a family name ("Mary Ann Smith"), unless the person's ``email`` is named after
    the middle word and not the last: then two family names ("María García López",
    maria.garcia@: ("María", "García López"); request rules 5); three Cyrillic words with a
    patronymic are the family, given and father's names ("Кузнецов Андрей Викторович": ("Андрей",
    "Кузнецов")) or the given, father's and family names ("Андрей Викторович Кузнецов"; rules 6).
    ``rules`` 4 splits as rules 4 did.
    """
    # A note in brackets after the name (Zoom's original name, a pronoun, an employer) is no part of it.
    text = " ".join(re.sub(r"\s*[(\[][^()\[\]]*[)\]]\s*$", "", text).split())
    if not text or "@" in text or any(ch.isdigit() for ch in text) or _FIRM.search(text):
        return None
    if text.count(",") == 1:
        family, given = (part.strip() for part in text.split(","))
        # "Ann Lee, PhD", "Linda M. Okafor, DTM": a suffix or a credential (capitals) after the comma.
        if given.replace(".", "").lower() in _SUFFIXES or re.fullmatch(r"[A-Z][A-Z.]{1,6}", given):
            text = family
        elif family and given and " " not in family:
            tokens = given.split()
            given_names = tokens[1:] if tokens and _word(tokens[0]) in _SALUTATIONS else tokens
            if given_names and len(tokens) <= 3 and all(_LETTERS.match(t) for t in [*tokens, family]):
                return " ".join(given_names), family
            return None
        else:
            return None
    if "," in text:
        return None
    tokens = text.split()
    while tokens and _word(tokens[0]) in _SALUTATIONS:
        tokens = tokens[1:]  # "Mr Smith": a family name alone is none to split
    while tokens and _word(tokens[-1]) in _SUFFIXES and len(tokens) > 2:
        tokens = tokens[:-1]
    if len(tokens) == 1 and rules >= 6:
        return _unspaced(tokens[0])
    if (
        rules >= 6
        and 2 <= len(tokens) <= 4
        and unicodedata.normalize("NFC", tokens[0]).title() in _VIETNAMESE_FAMILIES  # NGUYỄN too (F16)
        and tokens[1] not in _SUFFIXES
    ):
        return " ".join(tokens[1:]), tokens[0]  # Vietnamese: the family name first ("Nguyễn Văn An")
    if not 2 <= len(tokens) <= 5 or not all(_LETTERS.match(t) or _eastern(t) for t in tokens):
        return None
    if all(_eastern(t) for t in tokens):
        return " ".join(tokens[1:]), tokens[0]
    if tokens[0] in _PARTICLES:  # written lower-case: "Di", "Van" are given names too
        return None  # "van der Berg Jan": a family name first, where its end cannot be told
    start = next((i for i in range(1, len(tokens) - 1) if tokens[i].lower() in _PARTICLES), len(tokens) - 1)
    if start == len(tokens) - 1 and len(tokens) >= 4:
        return None  # "María José García López": two given names and two family names, or not
    if len(tokens) == 3 and rules >= 6:
        if _PATRONYMIC.match(tokens[2]) and not _PATRONYMIC.match(tokens[0]):
            return tokens[1], tokens[0]  # Фамилия Имя Отчество: as Russian forms write it
        if _PATRONYMIC.match(tokens[1]):
            return tokens[0], tokens[2]  # Имя Отчество Фамилия
    if start == 2 == len(tokens) - 1 and email and rules >= 5 and _family_second(tokens, email):
        start = 1
    return " ".join(tokens[:start]), " ".join(tokens[start:])


# Chinese family names written first with no space ("张伟", "王小明"): the commonest single ones, in
# simplified and traditional writing, and the two-character ones ("欧阳娜娜"). Korean: "김민수" is
# 김 + 민수; 남궁, 황보, 제갈, 선우, 독고 are two syllables.
_HAN_FAMILIES = frozenset(
    "王李张張刘劉陈陳杨楊黄黃赵趙吴吳周徐孙孫马馬朱胡郭何高林罗羅郑鄭梁谢謝宋唐许許韩韓冯馮邓鄧曹彭曾"
    "肖萧蕭田董袁潘于蒋蔣蔡余杜叶葉程苏蘇魏吕呂丁任沈姚卢盧姜崔钟鍾谭譚陆陸汪范金石廖贾賈夏韦韋付傅方白"
    "邹鄒孟熊秦邱江尹薛闫閆段雷侯龙龍史陶黎贺賀顾顧毛郝龚龔邵万萬钱錢严嚴覃武戴莫孔向汤湯"
)
_HAN_DOUBLE = frozenset(
    (
        "欧阳",
        "歐陽",
        "司马",
        "司馬",
        "诸葛",
        "諸葛",
        "上官",
        "东方",
        "東方",
        "皇甫",
        "慕容",
        "司徒",
        "夏侯",
        "令狐",
    )
)
# Japanese family names of two characters that begin with a Chinese one ("高橋", "林田"): a name
# written whole that starts with one is Japanese, and where it ends cannot be told.
_JAPANESE_FAMILIES = frozenset(
    ("高橋", "高木", "高田", "林田", "石川", "石井", "石田", "金子", "田中", "田村", "吉田", "中村", "中川",
     "中島", "中野", "中山", "小林", "小川", "小野", "山田", "山本", "山口", "山下", "山崎", "森田", "杉山",
     "原田", "藤田", "藤井", "藤原", "前田", "岡田", "松本", "松田", "村上", "村田", "西村", "武田", "江口",
     "方山", "周防", "白石", "白井", "金田", "余田", "丁野", "宋田", "谷口", "安藤", "近藤", "遠藤", "加藤")
)  # fmt: skip
# The second characters of Japanese family names ("高野", "石原", "田口"): a name written whole whose
# second character is one of them may be Japanese, where the family name ends cannot be told, and it
# is not split (review 47 F15: 高野誠 went out as 野誠 高).
_JAPANESE_SECOND = frozenset(
    "野原井藤川山口辺邊橋村木本島嶋田崎﨑沢澤谷岡部森内上下中西東宮尾松浦城瀬坂池津垣塚屋根倉元永間江沼浜濱畑堀貝"
    "澤杉葉岩石尻越久保住戸"
)
_KOREAN_DOUBLE = frozenset(("남궁", "황보", "제갈", "선우", "독고"))
# Vietnamese family names as Vietnamese writes them (with their marks: "Nguyen" alone may be written
# last, in Western order): the name's first word, the given names after it.
_VIETNAMESE_FAMILIES = frozenset(
    [
        "Nguyễn",
        "Trần",
        "Lê",
        "Phạm",
        "Hoàng",
        "Huỳnh",
        "Vũ",
        "Võ",
        "Đặng",
        "Bùi",
        "Đỗ",
        "Hồ",
        "Ngô",
        "Dương",
        "Lý",
        "Đinh",
        "Trương",
        "Đào",
        "Trịnh",
        "Đoàn",
        "Vương",
        "Lương",
        "Tạ",
        "Lưu",
        "Thái",
        "Đồng",
        "Quách",
        "Tăng",
        "Châu",
        "Hứa",
        "Kiều",
        "Diệp",
        "Lục",
        "Đàm",
        "Ông",
        "Nghiêm",
        "Phùng",
        "Triệu",
    ]
)
_HAN = re.compile(r"^[\u4e00-\u9fff\u3400-\u4dbf]{2,4}$")
_HANGUL = re.compile(r"^[\uac00-\ud7a3]{2,4}$")


def _unspaced(name: str) -> tuple[str, str] | None:
    """Split a Chinese or Korean name written whole (rules 6): the family name is its first
    character ("张伟": 伟 + 张; "김민수": 민수 + 김), or its first two for a two-character family name
    ("欧阳娜娜", "남궁민"). Chinese only where the first character is a common family name and the
    name is not a Japanese family name's start ("高橋誠"); kana or four characters without a double
    family name are not split."""
    if _HANGUL.match(name):
        cut = 2 if name[:2] in _KOREAN_DOUBLE and len(name) >= 3 else 1
        return name[cut:], name[:cut]
    if not _HAN.match(name):
        return None
    if name[:2] in _HAN_DOUBLE and len(name) >= 3:
        return name[2:], name[:2]
    if (
        len(name) <= 3
        and name[0] in _HAN_FAMILIES
        and name[:2] not in _JAPANESE_FAMILIES
        and name[1] not in _JAPANESE_SECOND
    ):
        return name[1:], name[0]
    return None


def _family_second(tokens: list[str], email: str) -> bool:
    """Whether a mailbox is named after the middle of three words and not the last (maria.garcia@,
    mgarcia@ for María García López), nor after the first two as one given name (maryann@)."""
    local = email.partition("@")[0]
    box = _fold(local)
    first, middle, last = (_fold(t) for t in tokens)
    if len(middle) < 3 or len(last) < 3 or last in box:
        return False
    joined = "".join(_fold(part) + "." for part in re.split(r"[^\w]|_", local.lower()) if part)
    if first + middle in joined:  # maryann@: one given name written whole; maria.garcia@ is not
        return False
    return middle in box


MIN_SPLIT = 0.8  # of the values read, those that split as a person's name


def _fold(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text.lower())
    return "".join(ch for ch in decomposed if ch.isalpha() and not unicodedata.combining(ch))


def _addressed(name: str, email: str) -> bool:
    """Whether an email's mailbox is named after the person (ann.lee@, alee@, ann@, lee.a@)."""
    names = split_name(name)
    if names is None:
        return False
    box = _fold(email.partition("@")[0])
    first, last = _fold(names[0].split()[0]), _fold(names[1].split()[-1])  # "Ann", "van Dam": "dam"
    return (len(last) >= 2 and last in box) or (len(first) >= 3 and box.startswith(first))


# A Dynamics 365 account's lookup of its primary contact, in its languages.
DYNAMICS_LOOKUPS = (
    "primarycontact",
    "contactoprincipal",
    "contatoprincipal",
    "hauptkontakt",
    "contactprincipal",
)


def dynamics_view(columns: list[str]) -> bool:
    """Whether a header is a Dynamics 365 view's export (its hidden "(Do Not Modify) Account")."""
    return any(normal(c).startswith("donotmodify") for c in columns)


# A bare "Name" in English, Portuguese and Italian, Indonesian, Dutch, Danish and Norwegian, Swedish,
# Spanish: taken as the people's whole names only beside emails named after them (below).
_BARE_NAMES = ("name", "contactname", "nome", "nama", "naam", "navn", "namn", "nombre")


# A tenant is a property manager's (beside a lease, a unit, the rent); in a SaaS or Microsoft 365 export
# the "Tenant" is the customer organisation (review 47 F13).
_TENANCY = re.compile(r"lease|unit|rent|property|movein|moveout|apartment|building|premises|deposit")
# The parties a whole name's or an email's header names, by who they are: a shop's customer (its buyer,
# payer, bill-to party), its staff (an employee, a cashier, a rep), and the others.
_PARTIES = {
    **dict.fromkeys(("customer", "client", "buyer", "purchaser", "payer", "billto", "billing"), "customer"),
    **dict.fromkeys(("employee", "staff", "cashier", "rep", "salesrep", "agent", "seller"), "staff"),
    **dict.fromkeys(("attendee", "guest", "registrant", "participant", "ticketholder"), "attendee"),
    **dict.fromkeys(("student", "candidate", "applicant"), "applicant"),
    **dict.fromkeys(("parent", "guardian"), "parent"),
    **dict.fromkeys(("member", "donor", "volunteer", "subscriber", "speaker", "tenant"), "other"),
}
_NAME_TAIL = re.compile(r"(?:full|display)?name$")
_EMAIL_TAIL = re.compile(r"e?-?mail(?:address)?$")


def _other_party(name: str, columns: list[str], email: str | None) -> bool:
    """Whether a role's whole name belongs to someone other than the row's email: a cashier's
    "Employee Name" beside the "Customer Email" (review 47 F14), or a "Tenant" without a tenancy."""
    norm = normalize_header(name)
    if norm in ("tenant", "tenantname") and not any(_TENANCY.search(normalize_header(c)) for c in columns):
        return True
    if email is None:
        return False
    role, box = _NAME_TAIL.sub("", norm), _EMAIL_TAIL.sub("", normalize_header(email))
    return role in _PARTIES and box in _PARTIES and _PARTIES[role] != _PARTIES[box]


# A mailing list's signs of its subscribers (Campaign Monitor's, AWeber's, Mailchimp's, Sendy's).
_SUBSCRIBED = frozenset(
    (
        *("subscribedat", "subscriptiondate", "subscribedon", "listjoineddate", "unsubscribedat"),
        *("subscriptionmethod", "optintime", "confirmtime", "signupdate", "signedupat", "optindate"),
        *("subscriptionstatus", "subscriberstatus", "emailsubscribe", "unsubscribed", "subscribed"),
    )
)


def _firms(names: list[str]) -> bool:
    """Whether one name in five or more reads as an organisation's."""
    return sum(map(_organisation, names)) * 5 >= len(names)


def _subscribers(columns: list[str]) -> bool:
    return any(normal(c) in _SUBSCRIBED for c in columns)


def whole_names(mapping: Mapping, columns: list[str], values: Callable[[str], list[str]]) -> None:
    """Where no first and last name are mapped, send a column of people's whole names split.

    A header of a whole name ("Full Name", "Attendee Name") is taken when its values split; a bare
    "Name" only beside the people's emails (named after them), a job title or a company name of its
    own column (whose values it does not repeat), and when four in five of its values split as a
    person's name.
    """
    if "person.first_name" in mapping.fields or "person.last_name" in mapping.fields:
        return
    used = mapping.columns_used()
    read = english(columns)  # an export in another language by its English names ("Persona - Nome")
    found = [
        c
        for c in columns
        if (
            normalize_header(read.get(c, c)) in WHOLE_NAME_HEADERS
            or normal(c) in WHOLE_NAME_HEADERS
            or question(c) == "fullname"
        )
        and c not in used
    ]
    if dynamics_view(columns):
        # A Dynamics 365 accounts view's "Contacto principal": a lookup to a contact, not the row's person.
        found = [c for c in found if normal(c) not in DYNAMICS_LOOKUPS]
    bare = False
    email = mapping.fields.get("person.email")
    emails = mapping.columns_of("person.email")
    found = [c for c in found if not _other_party(c, columns, emails[0] if emails else None)]
    if found and normalize_header(found[0]) in ("billingname", "billtoname"):
        # An invoice's attention line gives way to the account's own contact (Crater's "contact_name").
        found = [c for c in columns if normalize_header(c) == "contactname" and c not in used] + found
    # Beside a job title, or a company named by a column of its own, a bare "Name" is not the
    # company's: it is the people's, where its values read as people's names (a speakers' sheet's
    # "Name" beside "Affiliation", an attendee list's "name" beside "organization").
    company = mapping.fields.get("company.name")
    # A headline, a job or not (Lever's "Airbnb, Stanford University"), is a person's too.
    beside = "person.title" in mapping.fields or isinstance(company, str)
    beside = beside or any(normalize_header(c) == "headline" for c in columns)
    if not found and (email is not None or beside):
        found = [c for c in columns if normalize_header(c) in _BARE_NAMES and c not in used]
        bare = True
    if not found and isinstance(company, str) and len({v.strip() for v in values(company)}) > 1:
        # A customer's name beside its company's own column (a sales team's leads: "Customer Name",
        # "Company Name", "Mobile"): the person's, where its values read as people's names. Not
        # beside one company on every row (an invoice's seller: its "Client Name"s are firms).
        found = [
            c for c in columns if normalize_header(c) in ("customername", "clientname") and c not in used
        ]
        bare = True
    for column in found[:1]:
        seen = [v for v in values(column) if v.strip()]
        split = [v for v in seen if split_name(v) is not None]
        if len(seen) < 2 or len(split) < MIN_SPLIT * len(seen):
            continue
        # A bare "Name" may hold two-word firms ("Blue Harbor"): its names must be the people's
        # whose addresses sit beside them (ann.lee@, alee@, ann@) in half the rows.
        if bare and isinstance(company, str):
            firms = [
                (n, c)
                for n, c in zip(values(column), values(company), strict=True)
                if n.strip() and c.strip()
            ]
            if sum(_fold(n) == _fold(c) for n, c in firms) * 5 > len(firms):
                continue  # the names are the companies' own (a one-person firm's list)
            # Beside a legal name, trade names ("Clínica VetCare" beside "VetCare Serviços
            # Veterinários Ltda": an ERP's or a CRM's companies) read as organisations' in a row in
            # five, or share most of their words with the legal name in most rows.
            if _firms(seen) or trade_names(values(column), values(company)):
                continue
        if bare and email is not None and not beside and _subscribers(columns):
            # A mailing list's subscribers (their sign-up date, their list state): a bare Name
            # is theirs where it names no organisations ("Person One" of subs+7t8@example.com).
            if _firms(seen):
                continue
        elif bare and email is not None and not beside:
            pairs = [
                (n, e)
                for n, e in zip(values(column), values(mapping.columns_of("person.email")[0]), strict=True)
                if n.strip() and "@" in e
            ]
            if sum(_addressed(n, e) for n, e in pairs) * 2 < len(pairs):
                continue
        mapping.fields[FULL_NAME] = column
        mapping.notes.append(
            f"{column!r} holds people's whole names: each is sent split into person.first_name and "
            "person.last_name (the last word, with a particle before it such as 'van', is the last "
            "name; the last two of three where the email is named after the middle one) where a row "
            "has neither."
        )


def named_as_person(mapping: Mapping, values: Callable[[str], list[str]]) -> None:
    """Leave out of company.name a column that holds the row's person's own whole name in most of its
    filled rows (amoCRM's contacts' "Наименование", their record's name, behind "Компания")."""
    columns = mapping.columns_of("company.name")
    first, last = mapping.fields.get("person.first_name"), mapping.fields.get("person.last_name")
    if len(columns) < 2 or not isinstance(first, str) or not isinstance(last, str):
        return
    people = [
        {_fold(given + family), _fold(family + given), _fold(given)}
        for given, family in zip(values(first), values(last), strict=True)
    ]
    kept = []
    for column in columns:
        pairs = [(_fold(v), names) for v, names in zip(values(column), people, strict=True) if v.strip()]
        if pairs and sum(v in names for v, names in pairs) * 2 > len(pairs):
            mapping.notes.append(f"{column!r} holds the people's own names: not sent as company.name.")
            continue
        kept.append(column)
    if len(kept) < len(columns):
        mapping.notes[:] = [n for n in mapping.notes if not n.startswith("company.name: the first non-empty")]
        if kept:
            mapping.fields["company.name"] = kept[0] if len(kept) == 1 else kept
        else:  # every one of them the people's own names: no company is named
            del mapping.fields["company.name"]
