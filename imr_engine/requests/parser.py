"""One request line -> RequestedItem: what is asked for, how much, how often, for how long.

Never drops a request: a name the vocabulary does not know keeps its text and name, with
drug_class 'unknown'. The only error is a line with no text at all.
"""

from __future__ import annotations

import re
import threading
import weakref
from collections import OrderedDict

from ..errors import RequestParseError
from ..vocabulary import DrugInfo, Identity, ServiceInfo, Vocabulary, load_vocabulary
from ..vocabulary.in_use import vocabulary_dir_in_use
from ..vocabulary.text import fold
from .model import ItemKind, RequestedItem, Strength
from .scan import Findings, Scan, earliest, read

_MASS_UNITS = {"mg", "mcg", "mcg/hr", "g"}


#: Lines remembered per vocabulary. Extraction parses every request line and evaluation asks
#: for the same lines again (a batch worker does both, one letter after the other), and the
#: same request recurs across cases: each line is read once. Parsing is a pure function of
#: the line and the vocabulary, and no caller changes a RequestedItem, so one can be shared.
MEMO_SIZE = 4096
_memos: weakref.WeakKeyDictionary[Vocabulary, OrderedDict[tuple[str, str | None], RequestedItem]] = weakref.WeakKeyDictionary()
_lock = threading.Lock()  # the web service parses from several threads


def parse_request(text: str, vocabulary: Vocabulary | None = None, region: str | None = None) -> RequestedItem:
    """Parse one request line ("Percocet 10/325mg q6hrs prn #100 x 3 refills"), once per vocabulary.

    *region*: the body region the case points to, for a line that names none and a name several
    body parts share ("brace" in a knee case is a knee brace); the item then carries that region.
    Raises RequestParseError only for a line that is empty or whitespace.
    """
    vocab = vocabulary or load_vocabulary(vocabulary_dir_in_use())
    item = _remembered(str(text), vocab, None)
    if region is not None and item.service and item.body_region is None and not item.levels \
            and vocab.service_for_region(item.service, region) != item.service:
        item = _remembered(str(text), vocab, region)
    return item


def _remembered(line: str, vocab: Vocabulary, region: str | None) -> RequestedItem:
    key = (line, region)
    with _lock:
        try:
            memo = _memos.get(vocab)
            if memo is None:
                memo = _memos[vocab] = OrderedDict()
        except TypeError:  # a stand-in vocabulary that cannot be weakly referenced: not remembered
            return _parse(line, vocab, region)
        item = memo.get(key)
        if item is not None:
            memo.move_to_end(key)
            return item
    item = _parse(line, vocab, region)
    with _lock:
        memo[key] = item
        if len(memo) > MEMO_SIZE:
            memo.popitem(last=False)
    return item


def _parse(text: str, vocab: Vocabulary, region: str | None = None) -> RequestedItem:
    written = " ".join(text.split())
    if not written:
        raise RequestParseError("empty request line: nothing to parse")
    # read as a reader sees it (full-width digits, zero-width characters, look-alike letters);
    # the item keeps the line as written
    clean = " ".join(fold(written).split()) or written
    # A "#" in a product name ("Tylenol #3") and a procedure code ("97110 x 8") are no quantities.
    coded = vocab.code_spans(clean)
    scan = Scan(clean, [(start, end) for start, end, _ in [*vocab.hash_aliases(clean), *coded]])
    found = read(scan, vocab)
    name = scan.name()
    # What the line names is looked for once the dose is blanked out, so "5%" cannot split "Lidocaine 5% patch".
    identity = vocab.identify(scan.work)
    if identity is not None and identity.category == "service" and vocab.names_drugs_generically(identity.key):
        # "Compound cream: ketoprofen 10% / lidocaine 5%" is those drugs, judged by each ingredient
        identity = vocab.identify(scan.work, ("product", "ingredient")) or identity
    identity = _routed(scan.work, identity, vocab)
    drug: DrugInfo | None = None
    service: ServiceInfo | None = None
    assumed = None  # the case's region, when it is what reads the name
    # a line naming only spinal levels aims at their spine ("L4-5 and L5-S1 medial branch blocks", "C5-6 fusion")
    named = line_region(clean, vocab, identity) or vocab.level_region_in(clean)
    if identity is not None and identity.category == "service":
        # "Brace, left knee" is a knee brace; then a service the line also names may take it in
        regional = vocab.service_for_region(identity.key, named or region)
        if named is None and regional != identity.key:
            assumed = region
        service = vocab.service_info(vocab.widest_service(scan.work, regional))
    elif identity is not None and identity.category == "product":
        drug = vocab.describe_drug(identity.key, vocab.products[identity.key].ingredients, clean)
    elif identity is not None:
        drug = vocab.describe_drug(None, vocab.ingredients_in(scan.work), clean)
    elif coded:  # a line that names nothing may still bill a service by its CPT code ("64483 L5-S1")
        service = vocab.service_info(coded[0][2])
    elif alone := vocab.service_named_alone(scan.work):  # "Medications", naming no drug
        service = vocab.service_info(alone)
    elif evaluation := _EVALUATION.search(scan.work):  # "Orthopedic evaluation", "Re-eval in 4 weeks"
        service = vocab.service_info("office_visit" if evaluation["again"] else "consultation")
    item = _assemble(clean, name, found, vocab, drug, service)
    return item.model_copy(update={"text": written, "body_region": assumed or named})


#: An evaluation a line asks for, naming no service: by another physician (a consultation), or again (a follow-up).
_EVALUATION = re.compile(
    r"\b(?:(?P<again>re-?\s?(?:eval(?:uation)?s?|assess(?:ment)?s?)|reevaluations?|follow[\s\-]?up\s+eval(?:uation)?s?)"
    r"|eval(?:uation)?s?|assessments?|consults?)\b",
    re.IGNORECASE,
)
#: What makes a visit word name a visit and not only a time ("Follow-up MRI" is a study done again).
_VISIT_NOUN = re.compile(
    r"\b(?:visits?|appointments?|appts?|office|clinic|(?-i:RTC)|consult\w*|eval\w*|exams?|referrals?|e/?m)\b", re.IGNORECASE
)
#: A study named as the time or the purpose of a visit, not as what is asked for: "f/u 2 wks after MRI", "recheck
#: once MRI done", "follow-up post EMG", "return in 4 weeks to review the MRI", "follow up for MRI results".
_STUDY_AS_OCCASION = re.compile(
    r"\b(?:after|post|following|once|when|pending|review(?:ing)?|go\s+over|discuss)\s+(?:of\s+)?(?:the\s+|his\s+|her\s+|their\s+|a\s+)?"
    r"(?:[\w/-]+\s+){0,2}$",
    re.IGNORECASE,
)
_STUDY_RESULTS = re.compile(r"^[\w\s/-]{0,25}?\b(?:results?|findings|report)\b", re.IGNORECASE)
#: "post" glued before a service's name, which makes it the occasion of what follows: "Post-RFA physical therapy",
#: "Post ESI PT x 6", "post-TKA home health nursing".
_AFTER_PREFIX = re.compile(r"(?:^|\s)post[\s-]?$", re.IGNORECASE)
#: A biofeedback line names its signal ("EMG/thermal biofeedback", "sEMG biofeedback"): the treatment, not the test.
_BIOFEEDBACK = re.compile(r"\bbio-?\s?feedback\b", re.IGNORECASE)
#: Services a line's "follow-up" or "evaluation" may stand before: studies and the evaluations of programs.
_STUDY_KINDS = {"imaging", "diagnostic"}


def _routed(work: str, identity: Identity | None, vocab: Vocabulary) -> Identity | None:
    """What a line is for when its first name only qualifies another one.

    "Follow-up MRI lumbar spine" and "Repeat / follow up EMG" are the study, not a visit: a visit word
    without a visit noun ("follow-up", "f/u") before an imaging or diagnostic service gives way to it.
    "Functional restoration program multidisciplinary evaluation" is the program's evaluation, not the
    program: a program named with an evaluation word is the service the vocabulary names "<program> evaluation".
    """
    if identity is None or identity.category != "service":
        return identity
    info = vocab.service_info(identity.key)
    named = work[identity.start : identity.end]
    if _AFTER_PREFIX.search(work[: identity.start]):
        # "Post-RFA physical therapy": the procedure names when the care asked for is given, the care is what is asked
        other = vocab.identify(work[: identity.start] + " " * len(named) + work[identity.end :], ("service",))
        if other is not None and other.start > identity.start:
            return other
    if info.kind == "office_visit" and identity.key == "office_visit":
        rest = work[: identity.start] + " " * len(named) + work[identity.end :]
        other = vocab.identify(rest, ("service",))
        if other is not None and not _VISIT_NOUN.search(named) and vocab.service_info(other.key).kind in _STUDY_KINDS \
                and not _occasion(work, other):
            return other
        if other is not None and _bundled(work, identity, other, named) and vocab.service_info(other.key).kind in _TREATMENT_KINDS:
            return other
    if info.kind in _STUDY_KINDS and (biofeedback := _BIOFEEDBACK.search(work)) is not None:
        found = vocab.identify(biofeedback.group(), ("service",))
        if found is not None:
            return Identity("service", found.key, identity.start, identity.end)
    if info.kind == "program" and _EVALUATION.search(work[: identity.start] + " " * len(named) + work[identity.end :]):
        for name in (named, identity.key.replace("_", " ")):  # as written, then by the program's own name
            evaluation = vocab.identify(f"{name} evaluation", ("service",))
            if evaluation is not None and evaluation.key != identity.key and evaluation.end > len(name):
                return Identity("service", evaluation.key, identity.start, identity.end)
    return identity


#: Kinds of care a visit is billed with on one line ("Office visit and trigger point injections"): the care is the item.
_TREATMENT_KINDS = {"therapy", "procedure"}
#: What joins a visit to the care given at it: a list comma, "and", "plus", "&", "+", or "with" after a visit noun,
#: then at most two words that are no occasion ("F/u visit after TPI", "follow-up to review PT progress" stay visits).
_BUNDLE_JOIN = re.compile(r"^s?\s*(?:,|&|\+|\band\b|\bplus\b|(?P<with>\bwith\b|\bw/))\s*(?P<words>(?:[\w'-]+\s+){0,2})$", re.IGNORECASE)
_NO_BUNDLE_WORDS = re.compile(
    r"\b(?:after|post|following|once|when|pending|review\w*|discuss\w*|for|to|of|about|regarding|re|results?|referrals?)\b",
    re.IGNORECASE,
)

#: The care named only as what the visit is about: "F/u visit with PT referral", "office visit and PT progress review".
_CARE_AS_TOPIC = re.compile(
    r"^\s*(?:referrals?|re-?eval\w*|evaluations?|evals?|consult\w*|results?|reports?|progress|notes?|records?|reviews?|orders?)\b",
    re.IGNORECASE,
)


def _bundled(work: str, visit: Identity, care: Identity, named: str) -> bool:
    """Whether a visit line also names the care given at that visit, joined to it as one bill of services.

    "Office visits with chiropractic manipulation and physical therapy", "Follow-up visit and trigger point
    injections": a reviewer judges the care, the visit being where it is given. "with" joins only after a visit
    noun ("F/u with PT" may name the therapist seen), and the care must follow the visit's own words directly.
    """
    if care.start < visit.end:
        return False
    join = _BUNDLE_JOIN.match(work[visit.end : care.start])
    if join is None or _NO_BUNDLE_WORDS.search(join["words"]) or _CARE_AS_TOPIC.match(work[care.end :]):
        return False
    return join["with"] is None or bool(_VISIT_NOUN.search(named))


def _occasion(work: str, study: Identity) -> bool:
    """Whether the study a visit line names is the visit's time or purpose ("after MRI", "to review MRI results")."""
    return bool(_STUDY_AS_OCCASION.search(work[: study.start]) or _STUDY_RESULTS.match(work[study.end :]))


def line_region(line: str, vocab: Vocabulary, identity: Identity | None) -> str | None:
    """The body region a request line aims at: its region words outside the service's own name first.

    "Hand therapy 2x/wk x 4 wks, right wrist" treats the wrist: "hand" is part of the service's name. A line whose
    one region word stands in the name ("Hand therapy x 12", "Lumbar MRI") takes its region from there, and so does
    a service made for one region ("Wrist splint for the right hand" is a wrist splint: its region is its own).
    """
    if identity is None or identity.category != "service":
        return vocab.body_region_in(line)
    inside = vocab.body_region_in(line[identity.start : identity.end])
    if inside is not None and inside.split("_")[0] in identity.key.split("_"):
        return inside
    outside = vocab.body_region_in(line[: identity.start] + " " * (identity.end - identity.start) + line[identity.end :])
    return outside or inside or vocab.body_region_in(line)


def _assemble(
    text: str, name: str, f: Findings, vocab: Vocabulary, drug: DrugInfo | None, service: ServiceInfo | None
) -> RequestedItem:
    written_route = vocab.route_in(text) or min(f.route, default=(0, None))[1]
    route = drug.route if drug else (None if service else written_route)
    strengths = _strengths(f, service is not None, route)
    kind = _kind(drug, service, strengths)
    # Services and unknown non-drugs are scheduled in sessions a week; drugs and supplies in doses a day.
    sessions = kind not in ("drug", "supply")
    per_day, per_week = earliest(f.per_day), earliest(f.per_week)
    doses_per_day = frequency_per_week = None
    if sessions:
        frequency_per_week = per_week if per_week is not None else (per_day * 7 if per_day is not None else None)
        if frequency_per_week is None and not f.hours_per_day:  # "PT 3 days/week x 4 weeks": a session a day
            frequency_per_week = earliest(f.days_per_week)
    else:
        doses_per_day = per_day if per_day is not None else (per_week / 7 if per_week is not None else None)
    visits, quantity, times = earliest(f.visits), earliest(f.quantity), earliest(f.times)
    refills = earliest(f.refills)
    if service is not None and sessions and refills is not None:
        # a service given in sessions has no refills: "Intrathecal pump refill x 3" is three refill visits
        visits = refills if visits is None else visits
        refills = None
    if times is not None and sessions and visits is None:
        visits = times
    elif times is not None and not sessions and quantity is None:
        quantity = times
    duration_days = earliest(f.duration_days)
    if duration_days is None and kind == "drug":
        duration_days = earliest(f.course_range_days)  # "x 2-3 weeks": the longest the course may run
    weeks = earliest(f.weeks)
    if duration_days is None and weeks is not None:
        duration_days = weeks * 7
    if visits is None and sessions and frequency_per_week is not None and duration_days is not None:
        visits = frequency_per_week * duration_days / 7
    hours = earliest(f.hours)
    if kind == "program":
        visits = visits if visits is not None or frequency_per_week is not None else earliest(f.days)
        hours = _program_hours(f, service, visits, duration_days)
    if kind == "drug" and doses_per_day is None and quantity and duration_days:
        # no sig, but a supply: "Norco 10/325 #60 (30-day supply)" is 2 a day, as a reviewer reckons the daily dose
        per_day = quantity / duration_days
        doses_per_day = per_day if per_day <= _MOST_DOSES_A_DAY else None
    return RequestedItem(
        text=text,
        name=name,
        kind=kind,
        ingredients=list(drug.ingredients) if drug else [],
        drug_class=(drug.primary_class if drug else service.primary_class if service else "unknown"),
        classes=list(drug.classes if drug else service.classes if service else ()),
        service=service.name if service else (drug.service if drug else None),
        strengths=strengths,
        quantity=_int(quantity),
        doses_per_day=doses_per_day,
        prn=f.prn,
        refills=_int(refills),
        form=drug.form if drug else (vocab.form_in(text) if service is None else None),
        release=drug.release if drug and drug.kind == "drug" else None,
        visits=_int(visits),
        frequency_per_week=frequency_per_week,
        duration_weeks=duration_days / 7 if duration_days is not None else None,
        hours=hours,
        hours_per_day=earliest(f.hours_per_day),
        hours_per_week=_hours_per_week(f),
        body_region=vocab.body_region_in(text),
        laterality=vocab.laterality_in(text),
        levels=list(dict.fromkeys(f.levels)),
        units_per_dose=earliest(f.units_per_dose),
        route=route,
        duration_days=duration_days,
        trial=f.trial,
        acquisition=min(f.acquisition, default=(0, None))[1],
    )


def _strengths(f: Findings, is_service: bool, route: str | None) -> list[Strength]:
    """Strengths in order; a bare "10/325" is mg; a transdermal mcg strength is mcg per hour."""
    result = []
    for _, value, unit in sorted(f.strengths):
        if unit is None and is_service:
            continue
        unit = unit or "mg"
        if unit == "mcg" and route == "transdermal":
            unit = "mcg/hr"
        result.append(Strength(value=value, unit=unit))
    return result


def _kind(drug: DrugInfo | None, service: ServiceInfo | None, strengths: list[Strength]) -> ItemKind:
    if drug is not None:
        return drug.kind
    if service is not None:
        return service.kind
    return "drug" if any(s.unit in _MASS_UNITS for s in strengths) else "other"


#: Hours of a full program day, and the days of a program week: the CPMTG counts a pain program in weeks and
#: "full-day sessions" (p. 30-34: not longer than 2 weeks without demonstrated efficacy, generally not beyond 20
#: full-day sessions), which the rule book writes as hours (80 = 2 weeks = 10 full days).
_FULL_DAY_HOURS, _PROGRAM_DAYS_A_WEEK = 8.0, 5.0
#: Programs counted in full days when the line gives days, sessions or weeks but no hours.
_FULL_DAY_PROGRAMS = {"functional_restoration_program"}


def _program_hours(f: Findings, service: ServiceInfo | None, days: float | None, duration_days: float | None) -> float | None:
    """All the hours a program request asks for ("FRP x 80 hours", "ten 8-hour sessions", "6 hrs/day x 10 days").

    Hours a day or a session count once for each day or session; a pain program given in days or weeks
    alone is full days (a week of 5), as the guideline counts it.
    """
    each = earliest(f.hours_each)
    if each is None:
        each = earliest(f.hours_per_day)
    if each is None:
        total = earliest(f.hours)
        if total is not None or service is None or service.name not in _FULL_DAY_PROGRAMS:
            return total
        each = _FULL_DAY_HOURS
    if days is None and duration_days is not None:
        days = duration_days / 7 * _PROGRAM_DAYS_A_WEEK
    return None if days is None else each * days


#: Doses a day past which a supply's quantity is no daily dose (a box of patches, a bottle of drops).
_MOST_DOSES_A_DAY = 12


def _hours_per_week(f: Findings) -> float | None:
    """Hours of care a week, as the home health limit counts them (CPMTG p. 51: up to 35 hours a week).

    "24/7" is 168; hours a day count once for each day a week the line names ("4 hrs/day, 5 days/wk"
    is 20); hours a day with no days a week say nothing of the week.
    """
    if f.round_the_clock:
        return 168.0
    weekly = earliest(f.hours_per_week)
    if weekly is not None:
        return weekly
    daily, days = earliest(f.hours_per_day), earliest(f.days_per_week)
    if daily is not None and days is not None:
        return daily * days
    return None


def _int(value: float | None) -> int | None:
    return None if value is None else round(value)
