"""Detection, fifteenth round: address books' exports in other languages read as their English export."""

from __future__ import annotations

from leadspace_cli.formats.rows import _dedupe_header
from leadspace_cli.mapping.addressbooks import english
from leadspace_cli.mapping.detect import detect

# Thunderbird in Korean: the home block, then the work block under the same names (the reader calls
# the second "구/군_2"); Windows Live Mail in Arabic: an unqualified home city.
KOREAN_THUNDERBIRD = [
    *("이름", "성", "표시명", "애칭", "기본 메일", "추가 메일", "Screen 아이디", "직장 전화", "자택 전화"),
    *("팩스", "호출기", "휴대폰", "자택 주소1", "자택 주소2", "구/군", "시/도", "우편번호", "국가"),
    *("직장 주소1", "직장 주소2", "구/군", "시/도", "우편번호", "국가", "직위", "부서", "회사명"),
    *("웹 페이지1", "웹 페이지2", "태어난 달", "생일", "태어난 해", "사용자 정의1", "사용자 정의2"),
    *("사용자 정의3", "사용자 정의4", "메모"),
]
ARABIC_LIVE_MAIL = [
    *("الاسم الأول", "اسم العائلة", "الاسم الأوسط", "الاسم", "الاسم المستعار", "عنوان البريد الإلكتروني"),
    *("شارع المنزل", "المدينة", "الرمز البريدي للمنزل", "ولاية المنزل", "بلد المنزل/الإقليم", "هاتف المنزل"),
    *("فاكس المنزل", "الهاتف الجوال", "صفحة ويب الشخصية", "شارع العمل", "مدينة العمل", "الرمز البريدي للعمل"),
    *("ولاية العمل", "بلد العمل/الإقليم", "صفحة ويب العمل", "هاتف العمل", "فاكس العمل", "جهاز النداء"),
    *("الشركة", "المسمى الوظيفي", "القسم", "موقع المكتب", "ملاحظات"),
]


def test_an_address_book_in_another_language_sends_the_work_block_and_the_persons_own_fields() -> None:
    fields = detect(_dedupe_header(KOREAN_THUNDERBIRD)[0]).fields
    assert {k: fields.get(k) for k in ("person.first_name", "person.last_name", "person.email")} == {
        "person.first_name": "이름",
        "person.last_name": "성",
        "person.email": "기본 메일",
    }
    assert (fields.get("person.title"), fields.get("person.person_phone"), fields.get("company.name")) == (
        "직위",
        "직장 전화",
        "회사명",
    )
    # The work block, never the home one before it under the same names.
    parts = ("street", "city", "state", "postalcode", "country")
    assert [fields.get(f"company.address.{p}") for p in parts] == [
        "직장 주소1",
        "구/군_2",
        "시/도_2",
        "우편번호_2",
        "국가_2",
    ]


def test_an_unqualified_home_city_is_not_the_company_s_and_the_notes_name_the_columns_as_written() -> None:
    mapping = detect(ARABIC_LIVE_MAIL)
    fields = mapping.fields
    assert fields["company.address.city"] == "مدينة العمل"  # the work city, not "المدينة" (the home's)
    assert fields["company.address.street"] == "شارع العمل"
    assert fields["person.email"] == "عنوان البريد الإلكتروني"
    assert fields["company.website"] == "صفحة ويب العمل"  # the work page, not the personal one
    assert "المدينة" not in mapping.columns_used()
    notes = " ".join(mapping.notes)
    assert "'شارع المنزل'" in notes  # the home street, named as the file names it
    assert "Home Street" not in notes
    assert "Work Phone" not in notes


def test_a_crm_export_in_the_same_words_is_no_address_book() -> None:
    # A Spanish and a Polish CRM's contacts share words with the address books' exports ("Nombre",
    # "Ciudad", "Imię", "Miasto"), not their own names.
    spanish = ["Nombre", "Apellidos", "Correo electrónico", "Teléfono", "Empresa", "Cargo", "Dirección"]
    spanish += ["Ciudad", "Provincia", "Código postal", "País"]
    polish = ["Imię", "Nazwisko", "E-mail", "Telefon", "Firma", "Stanowisko", "Ulica", "Miasto"]
    polish += ["Kod pocztowy"]
    assert english(spanish) == {}
    assert english(polish) == {}
    assert english(KOREAN_THUNDERBIRD)["직장 주소1"] == "Work Address"
