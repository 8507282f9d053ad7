"""What a title column holds: people's jobs ("Director of Sales", "Kierownik działu"), or things'
names (a conference's talks) and a deal's buying roles, which are no jobs."""

from __future__ import annotations

import re

from leadspace_cli.mapping.choose import _HOW
from leadspace_cli.mapping.normal import normal as _normal
from leadspace_cli.mapping.spec import Mapping, shown

# A deal's buying roles (Salesforce's contact roles), a contact's type ("Lead"): no job.
_NOT_JOB = re.compile(
    r"(?i)^\s*(?:(?:economic|technical|business)\s+buyer|executive\s+sponsor|decision\s+maker|influencer|"
    r"champion|evaluator|business\s+user|end\s+user|lead|head|buyer|executive|other)\s*$"
)
_JOB = re.compile(
    r"(?i)\b(?:ceo|cto|cfo|coo|cmo|cio|ciso|cro|cpo|vp|svp|evp|avp|president|vice|director|manager|head|"
    r"lead|chief|officer|founder|co-?founder|principal|engineer|developer|analyst|consultant|specialist|"
    r"coordinator|assistant|associate|executive|representative|accountant|controller|architect|designer|"
    r"scientist|researcher|professor|teacher|lecturer|nurse|physician|attorney|counsel|lawyer|buyer|"
    r"recruiter|advisor|adviser|supervisor|superintendent|treasurer|secretary|chair|chairman|chairwoman|"
    r"intern|gerente|jefe|responsable|directeur|directrice|leiter|leiterin|geschäftsführer|inhaber|"
    r"vorstand|direttore|diretor|diretora|coordinador|coordinadora|ingeniero|ingénieur|ingenieur|"
    # Italian, Spanish, Portuguese, French, German and Dutch jobs ("Amministratore Delegato").
    r"amministratore|responsabile|presidente|président|titolare|dirigente|consulente|administrador|"
    r"asesor|assessor|consultor|analista|vendedor|g[ée]rant|charg[ée]|acheteur|berater|referent|"
    r"prokurist|eigenaar|adviseur|inkoper|"
    # Polish, Czech, Russian, Ukrainian ("Kierownik działu", "Руководитель отдела продаж").
    r"dyrektor|kierownik|specjalista|prezes|właściciel|ředitel|vedoucí|jednatel|директор|руководитель|"
    r"менеджер|начальник|специалист|заместитель|керівник)\b"
)


def _not_jobs(mapping: Mapping, title: str, seen: list[str]) -> None:
    """Leave out a bare "Title" whose values are no jobs but things' names (a conference's sessions,
    "Zero-downtime Postgres migrations"; a catalogue's items): long, and without a job's word; and a
    "Headline" without a job's word."""
    if _normal(title) not in ("title", "headline") or len(seen) < 3:
        return
    jobs = sum(bool(_JOB.search(v)) for v in seen)
    long = sum(len(v.split()) >= 3 for v in seen)
    # A headline is a job ("Head of Growth at Acme") or, in an applicant tracker, where the person
    # works and studied (Lever's "Airbnb, Stanford University"): short or long, without a job's word.
    if jobs <= 0.2 * len(seen) and (long >= 0.6 * len(seen) or _normal(title) == "headline"):
        del mapping.fields["person.title"]
        mapping.notes.append(
            f"{title!r} holds no job titles in the rows read ({shown(seen[0])}): not sent as person.title. "
            f"To send it anyway, {_HOW}."
        )
