"""Condition-level findings: acute exacerbation, sleep, mood, surgical candidacy, red flags, ...

Pain said to be unchanged since the last visit ("no significant changes in ... pain since the last visit",
"pain level remained 8-10 out of 10 since her last appointment") documents that there is no flare-up. GI risk
factors include an age over 65, read from the claimant's age.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from ..facts.model import Evidence
from .context import Context
from .findings import clause_evidence, read_cue, record
from .negation import polarity
from .planned import planned
from .sentences import Sentence
from .word_gate import among, finditer, search, shut

_I = re.IGNORECASE
#: A limb or a part of one, where pain that travels from the spine ends up.
_LIMB = (
    r"(?:legs?|arms?|buttocks?|thighs?|calf|calves|feet|foot|hands?|fingers?|toes?|shoulder\s+blade"
    r"|(?-i:LE|UE|LLE|RLE|LUE|RUE|BLE|BUE)s?)\b"
)
#: Operations a surgeon proposes; "release" and "reconstruction" besides the spine's.
_OPERATION = (
    r"(?:fusion|laminectomy|laminotomy|hemilaminotomy|discectomy|microdiscectomy|foraminotomy|arthrodesis|arthroplasty"
    r"|arthroscopy|decompression|ACDF|meniscectomy|replacement|repair|osteotomy|corpectomy|release|reconstruction"
    r"|surgery|surgical\s+\w+)"
)
#: The patient accepts the operation proposed: "he wishes to proceed", with the operation in this or the last sentence.
_PROCEEDS = re.compile(
    r"\b(?:wish(?:es)?|would\s+like|wants?|agree[sd]?|elect(?:s|ed)?|decided|desires?)\s+to\s+proceed\b", _I
)
_OPERATION_WORD = re.compile(rf"\b{_OPERATION}\b|\b(?:risks|informed\s+consent|consent\s+form)\b", _I)
#: The surgeon's plan or the worker's wish for the operation, the operation named: "Will proceed with L4-5 decompression
#: and fusion", "pt wishes surgery", "recommends L4-5 / L5-S1 decompression and fusion", "Surgery authorized ...,
#: scheduled 2/25/2019". (A plan line that only names the operation, as an RFA's, the answer keys read either way.)
_SURGERY_PLANNED = re.compile(
    rf"\b(?:will|shall|plan(?:s|ning)?\s+to|we\s+will)\s+proceed\s+with\s+(?:an?\s+|the\s+)?(?:[\w/-]+\s+){{0,6}}?{_OPERATION}\b"
    r"|\b(?:wish(?:es)?|wants?|desires?|would\s+like)\s+(?:to\s+(?:have|undergo)\s+)?(?:the\s+)?(?:surgery|operation|surgical\s+(?:repair|treatment|release))\b"
    rf"|(?<!not\s)\b(?:recommends?|recommended|advises|advised)(?!\s+(?:no|not|against|non\w*|further\s+conservative)\b)\s+(?:an?\s+|the\s+)?(?:[\w/-]+\s+){{0,6}}?{_OPERATION}\b"
    rf"|\b{_OPERATION}\s+(?:is\s+|was\s+|has\s+been\s+)?(?:scheduled|authorized|approved|booked)\b"
    rf"|\b{_OPERATION}\s+(?:is|has\s+been)\s+(?:now\s+)?(?:recommended|indicated|advised)\b"
    rf"|\bscheduled\s+for\s+(?:an?\s+|the\s+)?(?:[\w/-]+\s+){{0,5}}?{_OPERATION}\b",
    _I,
)
#: Words just before an operation that make it no plan of this visit: after or before it, only considered.
_NOT_THE_PLAN = re.compile(
    r"\b(?:after|post|prior\s+to|before|following|pre-?op\w*|post-?op\w*|consider\w*|discuss\w*|if|possible|possibly|eventual\w*"
    r"|future|may\s+need|candidate|consult\w*|referral|refer|evaluat\w*|opinion|clearance)\b",
    _I,
)
#: Surgery ruled out by a surgeon: "Surgery was not recommended", "no surgical lesion".
_NOT_SURGICAL = re.compile(
    r"\b(?:surgery|surgical\s+intervention|operative\s+treatment)\s+(?:was\s+|is\s+)?not\s+(?:recommended|indicated|advised)\b"
    r"|\bno\s+surgical\s+(?:lesion|indication|pathology)\b|\bnot\s+recommend(?:ed)?\s+surgery\b"
    # the worker declines it (corpus README: "no" where the worker declines surgery)
    r"|\b(?:declines?|declined|refuses?|refused|does\s+not\s+want|doesn'?t\s+want|not\s+interested\s+in)\s+(?:any\s+)?(?:further\s+)?"
    r"(?:surgery|surgical\s+(?:intervention|treatment|options?)|operative\s+(?:treatment|intervention)|an?\s+operation)\b"
    # the operation named: "pt declined fusion", "declined the release"
    # (not a reviewer's: "UR declined the fusion")
    rf"|(?<!\bUR\s)(?<!\bIMR\s)(?<!carrier\s)(?<!insurer\s)(?<!adjuster\s)(?<!\breview\s)"
    rf"\b(?:declines?|declined|refuses?|refused)\s+(?:the\s+|a\s+|an\s+)?(?:[\w/-]+\s+){{0,3}}?{_OPERATION}\b"
    # ruled out in a surgeon's or the worker's short words: "non-surgical per spine consult", "deemed non-surgical",
    # "no further surgery advised", "no surgery desired" (not "no surgery needed at this time", surgery kept in reserve)
    r"|\b(?:non-?surgical|non-?op(?:erative)?)\s+(?:per|by)\b|\b(?:deemed|considered|felt\s+to\s+be)\s+(?:a\s+)?non-?(?:surgical|operative)\b"
    r"|\bno\s+(?:further\s+)?(?:surgery|surgical\s+intervention)\s+(?:is\s+)?(?:advised|recommended|indicated|needed|necessary|desired|wanted)\b"
    r"(?!\s+(?:at\s+(?:this|the\s+present)\s+time|now|yet|for\s+now|currently)\b)",
    _I,
)
#: Conservative care tried and not working, as notes say it beyond the word "failed".
_CARE = r"(?:(?-i:PT)|physical\s+therapy|therapy|chiro\w*|acupuncture|injections?|ESIs?|TFESI|medications?|meds|medication\s+trials?|NSAIDs?|HEP|home\s+exercises?)"
#: The symptoms care is given for, whose going on after it is the care's failure (round 13).
_SYMPTOM = (
    r"(?:pain|symptoms?|sx|instability|giving\s+way|locking|catching|triggering|numbness|tingling|paresthesias?|weakness"
    r"|swelling|clicking|popping|episodes)"
)
#: Care given as a device or a rehabilitation, which `_CARE` does not name (round 13): "rehab and bracing", "night splinting".
_DEVICE_CARE = r"(?:rehab\w*|brac(?:e|es|ed|ing)|splint(?:s|ed|ing)?|immobiliz\w*|orthos[ie]s|orthotics?|night\s+splints?)"
_CARE_FAILED = re.compile(
    rf"\b{_CARE}\b[^.;]{{0,120}}?\b(?:(?:all|each|both)\s+)?(?:without|w/o|no)\s+(?:lasting|sustained|durable|significant|meaningful)\s+"
    r"(?:functional\s+)?(?:change|relief|benefit|improvement|gains?|effect)"
    r"|\b(?:none|neither)\s+of\s+(?:these|them|the\s+above|which)\s+(?:has|have|had)?\s*(?:helped|given|provided|produced)\b"
    r"(?:[^.;]{0,30}?\b(?:more\s+than|lasting|sustained|significant|meaningful|any|much|for\s+long)\b|\s*[.;])"
    r"|\bfailed\s+(?:more\s+than\s+|over\s+|>\s*)?\S+\s+(?:months?|weeks?|mos|wks|years?|yrs)\s+of\b"
    r"|\b(?:despite|refractory\s+to)\s+[^.;]{0,25}?\bconservative\s+(?:tx|treatments?|care|management|therapy|measures)\b"
    # the options used up: "other treatment options have been exhausted", "judging other treatment exhausted"
    r"|\b(?:treatments?|treatment\s+options|therap(?:y|ies)|care)\s+(?:(?:has|have|had)\s+been\s+|(?:was|were|is|are)\s+(?:now\s+)?)?exhausted\b"
    r"|\bexhausted\s+(?:all\s+)?(?:other\s+|available\s+)?(?:treatment\s+options|treatments)\b"
    # the symptoms outlasting the care: "symptoms persisting after 6 wks of conservative care", "pain remained
    # unchanged after 8 sessions of PT"
    rf"|\b(?:pain|symptoms?|sx|complaints?)\s+(?:(?:has|have|had)\s+)?(?:persist(?:ed|s|ing)?|continued|remain(?:ed|s)?(?:\s+unchanged)?)"
    rf"\s+(?:after|following)\s+(?:[\w/-]+\s+){{0,5}}?(?:{_CARE}|conservative\s+(?:care|treatment|management))\b"
    # long care that came to nothing, the care unnamed: "years of treatment by several doctors without relief"
    r"|\b(?:years?|months?)\s+of\s+(?:\w+\s+){0,2}?(?:treatment|care|therapy)\b[^.;]{0,60}?\b(?:without|w/o|with\s+no)\s+"
    r"(?:lasting\s+|significant\s+|any\s+|much\s+)?(?:relief|benefit|improvement)\b"
    # round 13: the symptom named as lasting after the care: "Recurrent mechanical instability after 6+ months of rehab and
    # bracing", "Ongoing radicular pain after 8 sessions of PT", "Persistent triggering despite two injections"
    rf"|\b(?:recurrent|persistent|persisting|ongoing|continued|continuing|residual)\s+(?:[\w-]+\s+){{0,2}}?{_SYMPTOM}"
    rf"\s+(?:after|despite|following|in\s+spite\s+of)\s+(?:[\w+/-]+\s+){{0,5}}?(?:{_CARE}|{_DEVICE_CARE}|conservative\s+\w+)\b"
    # round cover10: the failed care as a list's heading: "Treatment that has failed or stopped helping:"
    r"|\b(?:treatments?|care|therap(?:y|ies)|measures)\s+(?:that|which)\s+(?:has|have|had)\s+(?:failed|not\s+helped"
    r"|stopped\s+helping)\b",
    _I,
)
#: Care that did not do enough, told with the care named (round cover10): "despite 8 weeks of PT and naproxen", "in
#: spite of NSAIDs and a HEP"; or weeks or months of care after which the worker is still symptomatic or limited: "more
#: than 4 months of NSAID and activity modification, still unable to return to her regular duties".
_CARE_OUTLASTED = re.compile(
    rf"\b(?:despite|in\s+spite\s+of|notwithstanding)\s+(?:[\w/-]+\s+){{0,6}}?{_CARE}\b"
    # weeks or months of care, and the worker still symptomatic or limited ("after 3 months of PT and meds she still has pain")
    rf"|\b(?:\d+|two|three|four|five|six|seven|eight|nine|ten|twelve|several|many|(?:more\s+than|over|>)\s*\S+)\s+"
    rf"(?:weeks?|wks|months?|mos?)\s+of\s+(?:[\w/-]+\s+){{0,5}}?{_CARE}\b"
    r"[^.;]{0,60}?\b(?:still\s+(?:\w+\s+)?(?:unable|cannot|can't|not\s+able|has|have|having|reports?|complains?|symptomatic|painful"
    r"|limited|with|in\s+pain|experienc\w*|hurts?|off\s+work)|continues\s+to\s+(?:have|report|complain|experience)"
    r"|(?:pain|symptoms?|sx)\s+persist(?:s|ing|ed)?)\b",
    _I,
)
#: Conservative care working: "improving with conservative care", "responding well to non-operative treatment".
_CARE_WORKING = re.compile(
    r"\b(?:improving|improved|better|doing\s+well|responding(?:\s+well)?|responded(?:\s+well)?)\s+(?:with|to|on|under)\s+(?:\w+\s+){0,2}?"
    r"(?:conservative|non-?operative|non-?surgical)\s+(?:care|treatment|management|therapy|measures)\b",
    _I,
)
#: A condition put on the care, not its outcome: "if no better despite PT", "should symptoms persist after 6 weeks of PT".
_CONDITIONAL = re.compile(r"\b(?:if|unless|should|in\s+case)\b[^.;]{0,40}$", _I)
#: A treatment told as tried without benefit, in a sentence whose subject it is: "Ibuprofen without benefit.",
#: "Gabapentin ... with little benefit, discontinued", "Nerve blocks x 2, each with only 2-3 days of relief".
_NO_BENEFIT = re.compile(
    r"\b(?:without|w/o|with\s+(?:no|little|minimal|only\s+(?:brief|temporary|transient|short-lived|\S+\s+(?:days?|hours?)\s+of)))"
    r"\s+(?:\w+\s+)?(?:benefit|relief|improvement|help)\b|\b(?:did\s+not|didn't)\s+help\b|\b(?:was|were)\s+ineffective\b"
    r"|(?<!\w)(?:only\s+)?(?:brief|temporary|transient|short-lived)\s+(?:relief|benefit|improvement)\b"
    # the care listed, then a dash and what it came to: "PT 18 visits, chiro 6, NSAIDs and HEP - minimal relief"
    r"|\s[-\u2013:]\s*(?:minimal|little|no|limited|slight)\s+(?:benefit|relief|improvement|help)\b"
    # the care as the subject that did not control the pain: "meds (ibuprofen, gabapentin) have not controlled the leg pain"
    r"|\b(?:has|have|had|did)\s+not\s+(?:adequately\s+)?(?:controlled|control|relieved|relieve)\b|\bfailed\s+to\s+(?:control|relieve)\b",
    _I,
)
_CLAUSE_CUT = re.compile(r"[,;]\s*(?:and\s+|but\s+)?|\s+and\s+", _I)
#: Walking documented without an aid: "walks without an assistive device", "ambulates independently without a cane".
#: Pain told as widespread, not in one defined area (the lidocaine patch's localized pain, CPMTG p. 56-57).
_WIDESPREAD = re.compile(
    r"\b(?:diffuse|widespread|generali[sz]ed)\s+(?:\w+\s+)?(?:body\s+)?pain\b|\bpain\s+(?:all\s+over|everywhere)\b"
    r"|\bpain\s+in\s+all\s+four\s+(?:quadrants|limbs|extremities)\b",
    _I,
)
#: Words one of which a widespread pain's mention holds (a cheap test before the pattern).
_WIDESPREAD_WORDS = ("diffuse", "widespread", "generali", "all over", "everywhere", "all four")
#: An absence of an aid told only for some places ("no device on level ground", "none indoors"): it may be used elsewhere.
_AID_SOMEWHERE = r"(?!\s+(?:on\s+level|indoors|inside|in\s+the\s+(?:house|home)|at\s+home|for\s+short))"
#: Walking documented unimpaired (corpus/README.md, key review: `no` for "no assistive device" or a normal gait): an aid
#: not used or given up (this pattern), a normal gait on examination (`_NORMAL_GAIT`).
_NO_AID = re.compile(
    r"\b(?:walks?|walking|ambulat\w+|amb|gait)\b[^.;]{0,40}?\b(?:without|w/o|no|uses\s+no)\s+(?:an?\s+|any\s+)?"
    r"(?:(?:assistive|ambulatory|walking)\s+)?(?:device|aids?|cane|walker|crutches)\b" + _AID_SOMEWHERE +
    r"|\b(?:no|without|w/o)\s+(?:an?\s+|any\s+)?assistive\s+device\b" + _AID_SOMEWHERE +
    # an aid given up: "no longer needs the walker"
    r"|\bno\s+longer\s+(?:uses?|using|needs?|requires?)\s+(?:an?\s+|the\s+|her\s+|his\s+)?(?:crutch(?:es)?|canes?|walkers?|assistive\s+device)\b"
    r"|\bno\s+gait\s+(?:problems?|abnormalit\w+|difficult\w+|deviations?)\b",
    _I,
)
#: A normal gait on examination (not a balance test alone: "tandem gait normal", "heel/toe walk ok").
_NORMAL_GAIT = re.compile(
    r"(?<!tandem\s)\bgait(?:\s+(?:and|&)\s+tandem(?:\s+(?:gait|walk))?)?\s*(?::|is|was|appears|looked|looks)?\s*"
    r"(?:grossly\s+|essentially\s+|entirely\s+)?(?:normal|nl|WNL|within\s+normal\s+limits|non-?antalgic|unremarkable|steady)\b(?!\s*(?:heel|toe|tandem))"
    r"|\b(?:normal|nl|non-?antalgic|steady)\s+(?:heel[- ]toe\s+|reciprocal\s+)?gait\b"
    r"|\b(?:ambulates?|ambulating|walks?|walking)\s+normally\b",
    _I,
)
#: A normal gait or an aid given up that is a goal or the past, not what the examination found.
_GAIT_AIMED = re.compile(r"\b(?:goal|goals|restore|regain|achieve|before\s+the\s+injury|prior\s+to\s+(?:the\s+)?injury|previously)\b", _I)
#: How far into its clause a treatment may stand and still be what the clause is about.
_SUBJECT_AT = 12
_STABLE_PAIN = re.compile(
    r"\bno\s+(?:significant\s+|major\s+)?changes?\s+in\s+(?:[\w']+\s+){0,6}?pain\b"
    r"|\bpain(?:\s+(?:level|score|intensity)s?)?\s+(?:has\s+|had\s+)?(?:remained|remains|was\s+unchanged|is\s+unchanged|unchanged|stable)\b"
    r"|\bunchanged\s+pain\b",
    _I,
)
#: The span a flare would fall in: pain unchanged since the last visit documents none; unchanged after a trial of care
#: ("no change in pain or activity"), over a year, or in where it is felt says nothing of a recent flare.
_SINCE_LAST_VISIT = re.compile(
    r"\b(?:since|from|compared\s+(?:to|with))\s+(?:the\s+|his\s+|her\s+|my\s+)?(?:last|prior|previous|recent)\s+"
    r"(?:office\s+)?(?:visit|appointment|appt|exam|evaluation|encounter|follow-?up|seen)\b|\bsince\s+(?:last\s+)?seen\b",
    _I,
)
#: Surgery itself as what a worker accepts: "surgery", "an operation", "surgical treatment". Seeing a surgeon or a
#: surgical consult or referral is not (corpus/README.md: a plan that only refers for a surgical opinion leaves
#: candidacy out).
_TO_SURGERY = (
    r"(?:(?:consider|considering|undergo|undergoing|have|having|proceed\s+with|proceeding\s+with|a|an|the)\s+)*"
    r"(?:(?:spine|spinal|knee|shoulder|hand|wrist|back|neck|lumbar|cervical)\s+)?"
    r"(?:surgery|operation|surgical\s+(?:options?|intervention|treatment|repair|management))\b(?!\s+(?:consult|referral|evaluation|opinion))"
)
#: A double negative that accepts: "is not opposed to surgery", "not averse to an operation".
_NOT_OPPOSED = re.compile(rf"\bnot\s+(?:opposed|averse|against)\s+to\s+{_TO_SURGERY}|\bnot\s+against\s+{_TO_SURGERY}", _I)

CUES: tuple[tuple[str, re.Pattern[str]], ...] = (
    (
        "clinical.acute_exacerbation",
        re.compile(
            r"\b(?:acute\s+)?exacerbations?\b|\bflare(?:-?\s*ups?|d)?\b(?!\s+(?:management|plan|protocol|prevention))"
            r"|\b(?:acute|sudden|abrupt)\s+(?:onset\s+of\s+)?(?:worsening|increase)\s+(?:in|of)\s+(?:\w+\s+){0,2}?pain\b|\bacute\s+worsening\b",
            _I,
        ),
    ),
    (
        "clinical.sleep_disturbance",
        re.compile(
            r"\bpoor\s+(?:quality\s+of\s+)?sleep\b|\bsleep\s+(?:disturbances?|difficult(?:y|ies)|problems?|issues)\b|\binsomnia\b"
            r"|\b(?:difficulty|trouble)\s+(?:with\s+)?sleep(?:ing)?\b|\bunable\s+to\s+sleep\b"
            # pain that takes sleep: "pain interferes with sleep", "disrupts his sleep", "keeps him up at night"
            r"|\b(?:interferes?|interfering|interfered)\s+with\s+(?:his\s+|her\s+|their\s+)?sleep\b"
            r"|\b(?:disrupts?|disrupting|disturbs?|disturbing|affects?|affecting)\s+(?:his\s+|her\s+|their\s+)?sleep\b"
            r"|\bkeeps?\s+(?:him|her|them|the\s+patient|pt)\s+(?:up|awake)\s+at\s+night\b"
            r"|\b(?:gets?|getting)\s+(?:only\s+)?(?:about\s+|around\s+|~|approx\.?\s+)?[1-4](?:\s*-\s*[1-5])?\s+(?:hours?|hrs?)\s+of\s+sleep\b|\b(?:quality\s+of\s+)?sleep\s+(?:was|is|has\s+been)\s+poor\b"
            r"|\bsleep(?:s|ing)?\s+(?:poorly|badly|poor)\b|\bsleep\s+(?:is\s+|was\s+)?(?:interrupted|disrupted|disturbed|fragmented)\b"
            r"|\b(?:difficulty|trouble|problems?)\s+(?:falling|staying|getting\s+to)\s+(?:a)?sleep\b"
            r"|\bsleep\s*:\s*(?:poor|fair|disturbed|interrupted|broken|restless|[1-4](?!\d)(?!\s*(?:-|to)\s*[5-9]))"
            r"|\bsleeps?\s+(?:only\s+)?(?:about\s+)?\d+(?:\s*-\s*\d+)?\s+(?:hours?|hrs?)\b(?=[^.;]{0,40}\b(?:pain|due|because|night))"
            r"|\bsleeps?\s+only\s+(?:about\s+)?\d+(?:\s*-\s*\d+)?\s+(?:hours?|hrs?)\b"
            r"|\b(?:wakes?|waking|awakens?|awakened|wakened)\s+(?:him|her|them|the\s+patient|pt)?\s*(?:up\s+)?"
            r"(?:(?:frequently|often|repeatedly|constantly|several\s+times|multiple\s+times|many\s+times)\s+)?(?:at\s+night|from\s+sleep|during\s+the\s+night|\d+\s*(?:-\s*\d+\s*)?(?:x|times)|every\s+(?:\d+|few|couple\s+of)\s+hours?)",
            _I,
        ),
    ),
    (
        "clinical.depression_or_anxiety",
        re.compile(r"\bdepress(?:ion|ed|ive)\b|\banxiety\b|\banxious\b|\btearful\b|\bPTSD\b|\bpanic\s+attacks?\b"
                   r"|\bfeel(?:s|ing)?\s+(?:down|hopeless|worthless)\b|\bhopeless(?:ness)?\b|\banhedonia\b", _I),
    ),
    (
        "clinical.surgical_candidate",
        re.compile(
            r"\b(?:surgical|surgery|operative)\s+candidate\b|\bcandidate\s+for\s+(?:\w+\s+)?(?:surgery|surgical\s+\w+)\b"
            rf"|\bcandidate\s+for\s+(?:an?\s+)?(?:[\w/-]+\s+){{0,5}}?{_OPERATION}\b"
            # surgery an option the worker would take (ACOEM's "would consider surgery an option")
            r"|\b(?:would|will|is\s+willing\s+to|is\s+open\s+to)\s+consider\s+(?:[\w,-]+\s+){0,8}?"
            r"(?:surgery|surgical\s+(?:options?|consult\w*|referral|evaluation|intervention|treatment))\b"
            r"|\b(?:open\s+to|interested\s+in)\s+(?:surgery|surgical\s+(?:options?|treatment|intervention))\b"
            # the worker accepts surgery: "willing to consider surgery", "agreeable to surgery", "amenable to an
            # operation" ("not opposed to ..." is read in _surgery_and_care)
            rf"|\b(?:willing|agreeable|amenable)\s+to\s+{_TO_SURGERY}",
            _I,
        ),
    ),
    (
        "clinical.red_flags",
        re.compile(
            r"\bred\s+flags?\b|\bcauda\s+equina\b|\b(?:bowel|bladder)\s+(?:incontinence|dysfunction)\b|\bprogressive\s+neurologic"
            # the red-flag symptoms themselves (ACOEM Ch. 8 and 12): "saddle anesthesia", "urinary retention", "new foot drop"
            # (not "urinary retention", which a drug's side effect also is, nor the progressive weakness a surgeon operates for)
            r"|\bsaddle\s+(?:an(?:a)?esthesia|numbness|paresthesias?)\b|\bunexplained\s+(?:\d+\s*(?:lbs?|kg)\s+)?weight\s+loss\b"
            r"|\b(?:new|progressive|worsening)\s+(?:\w+\s+)?foot\s+drop\b",
            _I,
        ),
    ),
    (
        "clinical.conservative_care_failed",
        re.compile(
            r"\b(?:failed|failing|failure\s+of)\s+(?:[^.;]{0,25}?\s)?(?:conservative|non-?op(?:erative)?|non-?surgical)\s+(?:care|treatment|management|therapy|measures)\b"
            # a form's field listing the care that failed: "Failed treatment: PT 12 visits, HEP, naproxen ..."
            r"|\b(?:failed|unsuccessful)\s+(?:conservative\s+)?(?:treatments?|therap(?:y|ies)|care|modalities|measures)\s*:"
            # a bare label over the care that failed: "Failed: PT/desensitization 30 visits, mirror therapy, gabapentin ..."
            r"|\b(?:failed|tried\s+(?:and|&)\s+failed)\s*:\s*(?=[^.;]{0,30}\b(?:(?-i:PT)|physical\s+therapy|therapy|chiro\w*"
            r"|acupuncture|injections?|blocks?|NSAIDs?|medications?|meds|TENS|HEP|home\s+exercise))"
            r"|\bexhausted\s+(?:all\s+)?(?:conservative|non-?operative)\s+(?:care|treatments?|options|measures|management)\b"
            r"|\b(?:conservative|non-?operative)\s+(?:care|treatments?|management|therapy|measures)\b[^.;]{0,30}?\b(?:have|has|had)\s+not\s+been\s+(?:successful|effective|helpful)\b"
            r"|\b(?:treatments?|therap(?:y|ies)|care)\s+(?:failed|tried\s+(?:and|&|/)\s+failed)\s*:"
            r"|\b(?:conservative|non-?operative|non-?surgical)\s+(?:care|treatment|tx|management|therapy|measures)\b[^.;]{0,40}?\b(?:has\s+|have\s+|had\s+)?"
            r"(?:failed|been\s+exhausted|(?:without|w/o|no)\s+(?:lasting\s+|significant\s+|sustained\s+)?(?:relief|benefit|improvement)"
            r"|(?:did|has|have)\s*(?:n[o']t|not)\s+(?:helped|help|worked|work)|(?:was|were|has\s+been|have\s+been)\s+(?:unsuccessful|ineffective|not\s+helpful))"
            r"|\bpersist\w*\s+(?:despite|after)\s+(?:\w+\s+){0,4}?(?:conservative|non-?operative|non-?surgical)\s+(?:care|treatment|management|therapy)\b"
            r"|\b(?:did|has|have|had)\s*(?:n[o']t|not)\s+improved?\s+(?:with|despite|after)\s+(?:(?:\w+|x\s*\d+)\s+){0,2}?"
            r"(?:(?-i:PT)|physical\s+therapy|therapy|NSAIDs?|medications?|injections?|chiropractic|acupuncture|HEP|conservative)\b"
            r"|\b(?:failed|despite|refractory\s+to|unresponsive\s+to|persist\w*\s+despite"
            r"|(?:has|have|had|did)\s+not\s+respond(?:ed)?\s+(?:adequately\s+|well\s+)?to)\s+(?:\w+\s+){0,3}?"
            r"(?:(?-i:PT)|physical\s+therapy|therapy|NSAIDs?|medications?|injections?|chiropractic|acupuncture|HEP|home\s+exercise"
            r"|exercises?|splint\w*|brac(?:e|es|ing)|activity\s+modification|immobiliz\w*)\b"
            # no gain after the care, or the care told with the symptom that persists: "no improvement after 6 wk
            # splinting/ergo/NSAID", "seven weeks of night splinting, NSAID and work modification, with persistent numbness"
            r"|\bno\s+(?:lasting\s+|significant\s+|real\s+)?(?:improvement|relief|benefit|change)\s+(?:after|with|from|despite)\s+"
            r"(?:[\w/-]+\s+){0,3}?(?:(?-i:PT)|physical\s+therapy|therapy|NSAIDs?|medications?|injections?|chiropractic|acupuncture"
            r"|splint\w*|brac(?:e|es|ing)|conservative|activity\s+modification)"
            r"|\b(?:weeks?|months?|wks?|mos?)\s+of\s+(?:\w+\s+)?(?:splint\w*|bracing|(?-i:PT)|physical\s+therapy|therapy|NSAIDs?|conservative\s+\w+)"
            r"[^.;]{0,60}?\bwith\s+(?:persist(?:ent|ing)|continued|ongoing)\b"
            # a drug line failed: "first-line therapy has been tried and has failed" (not a denial's quoted "or failed
            # first-line agent")
            r"|\b(?:first|second)[- ]line\s+(?:therapy|therapies|treatment|agents?|drugs?|medications?)\s+(?:has|have)\s+"
            r"(?:been\s+tried\s+and\s+(?:has\s+|have\s+)?)?failed\b",
            _I,
        ),
    ),
    (
        "clinical.dyspepsia",
        re.compile(
            r"(?<!avoid\s)(?<!prevent\s)(?<!risk\sof\s)(?<!reduce\s)(?<!minimize\s)"
            r"(?:\bdyspepsia\b|\b(?:acid\s+)?reflux\b|\bGERD\b|\bgastritis\b|\bheartburn\b|\bGI\s+(?:upset|symptoms|sx|complaints|distress)\b"
            r"|\bepigastric\s+(?:pain|discomfort|burning)\b|\bstomach\s+(?:upset|discomfort|burning)\b|\bupset\s+stomach\b"
            # its GI effects named: "no GI side effects", "GI intolerance" ("upsets his stomach" is `_UPSETS_STOMACH`'s)
            r"|\b(?:GI|gastrointestinal)\s+(?:side\s+effects?|intolerance|irritation))"
            r"|\b(?:stomach|abdominal)\s+(?:pain|ache|cramping)\s+(?:when|with|from|after)\s+(?:taking\s+)?(?:the\s+)?(?:NSAIDs?|naproxen|ibuprofen|meloxicam"
            r"|diclofenac|celecoxib|motrin|aleve|mobic|anti-?inflammator\w+|medications?)\b",
            _I,
        ),
    ),
    (
        "clinical.neuropathic_pain",
        re.compile(
            # pain that travels into a limb, in any of the verbs clinicians use for it: "radiating down the
            # left leg", "running from the back down to the left foot", "travels into the calf", "shooting into
            # the L leg", "pain down the right arm"
            r"\b(?:radiat(?:es|ing|ion)|travel(?:s|l?ing)|shoot(?:s|ing)|run(?:s|ning)|go(?:es|ing)|spread(?:s|ing)"
            r"|refer(?:s|red|ring))\s+(?:pain\s+)?(?:from\s+(?:the\s+|his\s+|her\s+)?(?:[\w-]+\s+){0,2}?)?"
            r"(?:(?:down\s+)?(?:in)?to|down)\s+(?:the\s+)?(?:[\w-]+\s+){0,6}?" + _LIMB +
            r"|\bpain\s+(?:\w+\s+)?down\s+(?:the\s+|his\s+|her\s+|both\s+)?(?:[\w-]+\s+){0,2}?" + _LIMB +
            r"|(?<!non-)(?<!non\s)\bradicular\s+(?:pain|symptoms|complaints)\b|\bsciatica\b|\bparesthesias?\b|\bburning\s+(?:pain|sensation)\b"
            # a radiculopathy named with its region or root wherever the note says it: "lumbar radiculopathy L5-S1",
            # "lumbar radic L5 R", "radiculitis C6"; and pain radiating straight into a named limb: "radiates R leg to foot"
            r"|\b(?:cervical|lumbar|lumbosacral|thoracic|[CLS][1-8])\s+radic(?:ulopathy|ulitis)?\b"
            r"|\bradicul(?:opathy|itis)\s+(?:(?:left|right|[LR])\s+)?[CLS][1-8]\b"
            r"|\bradiat(?:es|ing)\s+(?:down\s+)?(?:the\s+)?(?:[LR]|left|right|bilat(?:eral(?:ly)?)?|both)\s+(?:legs?|arms?|LEs?|UEs?)\b"
            r"|\bneuropathic\s+(?:pain|condition|component)\b|\bshooting\s+pain\b|\bnumbness\s*(?:and|or|&|/|,)\s*tingling\b"
            r"|\bradic(?:ular)?\s+(?:sx|signs|features|findings)\b|\b(?:leg|arm)\s+(?:sx|symptoms)\b|\bradiating\s+(?:leg|arm)\s+pain\b"
            r"|(?-i:\bN/T\b)"
            # the radicular pattern as spine notes put it: "leg pain greater than back pain", "arm pain > neck pain"
            r"|\b(?:leg|arm)\s+(?:pain|sx|symptoms)\s+(?:greater\s+than|>|worse\s+than|more\s+than)\s+(?:back|neck|axial)\s+(?:pain|sx|symptoms)?"
            r"|\bradiation\s+(?=below|into|to|down|past)|\bdysesthe\w+|\ballodynia\b"
            r"|\bburning\s+(?:in|of|into)\s+(?:the\s+|his\s+|her\s+)?(?:\w+\s+){0,2}?(?:feet|foot|soles?|hands?|fingers?|toes?|legs?|arms?|calf|thigh)\b"
            # nerve pain as patients describe it, in a limb: "pins and needles in both feet", "electric shock-like pain"
            r"|\belectric(?:al)?(?:[- ]shock)?[- ]like\b|\belectric(?:al)?\s+shocks?\b|\bpins\s+and\s+needles\b"
            r"|\b(?:tingling|numbness)\s+(?:in(?:to)?|of|down|over|along)\s+(?:the\s+|his\s+|her\s+|both\s+|bilateral\s+)?(?:\w+\s+){0,2}?"
            r"(?:legs?|arms?|feet|foot|hands?|fingers?|toes?|calf|calves|thighs?|LEs?|UEs?|extremit\w+)\b",
            _I,
        ),
    ),
    # Pain in a small, defined area (the lidocaine patch's "localized peripheral pain"): "localized peripheral
    # neuropathic pain", "focal neuropathic pain", "burning confined to the lateral thigh".
    (
        "clinical.localized_pain",
        re.compile(
            r"\blocali[sz]ed\s+(?:peripheral\s+|neuropathic\s+|burning\s+|sharp\s+|focal\s+){0,2}(?:pain|neuropathy|neuralgia|symptoms)\b"
            r"|\bfocal\s+(?:peripheral\s+)?(?:neuropathic\s+)?(?:pain|neuralgia)\b"
            r"|\b(?:pain|burning|numbness|dysesthesias?|allodynia)\s+(?:is\s+|are\s+)?(?:confined|limited|localized|localised)\s+to\b"
            # the area measured, or called localized in so many words: "allodynia ... in a 6 x 4 cm area",
            # "burning over a 6 x 4 cm area", "~10x15 cm area", "Her pain is localized, peripheral and neuropathic"
            r"|~?\d+(?:\.\d+)?\s*(?:x|\u00d7|by)\s*\d+(?:\.\d+)?\s*cm\s+(?:area|region|zone|patch)\b"
            r"|\b(?:pain|burning|symptoms?)\s+(?:is|are|remains?)\s+locali[sz]ed\b"
            # the word as the symptom's trailing qualifier: "Burning/allodynia L T6-T8 band, localized", "(localized, ...)"
            r"|\b(?:pain|burning|allodynia|dysesthesias?|neuralgia|hypersensitiv\w*)\b[^.;:]{0,40}?(?:,|\s-|\()\s*locali[sz]ed\b(?!\s+to\b)"
            # the area and then its size, or a sentence that starts "Localized to an area"
            r"|\b(?:area|region|zone)\s+(?:of\s+)?(?:about\s+|approximately\s+|roughly\s+|~\s*)?\d+(?:\.\d+)?\s*(?:x|\u00d7|by)\s*\d+(?:\.\d+)?\s*cm\b"
            r"|^\W*locali[sz]ed\s+to\s+(?:an?\s+)?(?:small\s+|well[- ]defined\s+)?(?:area|region|zone|patch|band)\b"
            # "a localized area of burning pain", and the area's size told against a familiar object: "burning in a
            # patch about the size of a palm", "allodynia over an area roughly the size of a credit card"
            r"|\blocali[sz]ed\s+(?:area|region|zone|patch|spot)\s+of\s+(?:\w+\s+){0,2}?"
            r"(?:pain|burning|allodynia|dysesthesias?|neuralgia|hypersensitivity|numbness)\b"
            r"|\b(?:pain|burning|allodynia|dysesthesias?|hypersensitiv\w*|numbness|tingling)\b[^.;]{0,40}?\b(?:in|over|on)\s+an?\s+"
            r"(?:[\w-]+\s+){0,2}?(?:patch|area|spot|region|zone)\s+(?:of\s+)?(?:about\s+|roughly\s+|approximately\s+|~\s*)?"
            r"(?:the\s+)?size\s+of\b"
            # one thoracic dermatome's band (one nerve's territory): "band-like burning along the left T8 dermatome"
            r"|\bband[- ]like\b[^.;]{0,60}?\b(?:[RL]\s+|right\s+|left\s+)?(?:T\d{1,2}(?:\s*-\s*T?\d{1,2})?\b|intercostal\b)",
            _I,
        ),
    ),
    # Walking that needs an aid (ODG walking aids): "uses a cane", "antalgic gait with cane", "using crutches",
    # and its documented absence, "without an assistive device".
    (
        "clinical.mobility_limited",
        re.compile(
            r"\b(?:uses?|using|with|w/|ambulates?\s+(?:with|w/)|walks?\s+(?:with|w/)|requires?|needs?)\s+(?:an?\s+)?"
            r"(?:single[- ]point\s+|quad\s+|straight\s+|(?:front|two|four|2|4)[- ]wheeled\s+|wheeled\s+|rolling\s+|standard\s+"
            r"|(?:four|4|single|1|one)[- ]point\s+|(?-i:SPC|FWW|RW)\s+)?"
            r"(?:canes?|walkers?|crutch(?:es)?|wheelchair|rollator|assistive\s+device|(?-i:SPC|FWW|RW|AD)\b)\b"
            r"|\b(?:amb|ambulating|ambulates)\.?\s+(?:with|w/)\s*(?:an?\s+)?(?-i:SPC|FWW|RW|SBQC|LBQC|AD)\b"
            r"|\bconfined\s+to\s+(?:a\s+)?wheelchair\b"
            r"|\b(?:arrive[sd]?|presents?|presented|came|comes|seated|sitting|seen)\s+(?:today\s+)?in\s+(?:a|his|her)\s+wheelchair\b"
            # "antalgic gait requiring a cane", "wheelchair bound", "dependent on a walker", "non-ambulatory"
            r"|\b(?:requiring|needing|dependent\s+on|relies\s+on|reliant\s+on)\s+(?:an?\s+)?(?:single[- ]point\s+|quad\s+|wheeled\s+)?"
            r"(?:canes?|walkers?|crutch(?:es)?|wheelchair|rollator|assistive\s+device)\b"
            r"|\bwheelchair[- ](?:bound|dependent|level|user)\b|\bnon-?ambulatory\b"
            r"|\(\s*(?:single[- ]point\s+|quad\s+)?(?:cane|walker|crutches)\s*\)"
            # support taken from what is at hand: "has to lean on a shopping cart to keep going", "holds on to furniture"
            r"|\b(?:lean(?:s|ing)?|hold(?:s|ing)?\s+on)\s+(?:on\s+|to\s+)?(?:a\s+|the\s+)?(?:shopping\s+cart|cart|furniture|walls?|counters?)\b"
            # impaired ambulation in words: "ambulates with difficulty", "difficulty walking", "unsteady gait",
            # "gait instability", "unable to walk more than 50 feet", "non-weight bearing", "history of falls"
            r"|(?<!heel\s)(?<!toe\s)(?<!tandem\s)\b(?:ambulat(?:es|ing)|walk(?:s|ing)?)\s+(?:only\s+)?(?:with\s+(?:great\s+|much\s+|significant\s+)?difficulty|slowly\s+and\s+cautiously)\b"
            r"|(?<!previously\s)(?<!formerly\s)(?<!was\s)\b(?:difficulty|trouble|unable\s+to|inability\s+to|cannot|can'?t)\s+(?:with\s+)?(?:walking|ambulating|ambulation|walk|ambulate|bear(?:ing)?\s+weight)\b"
            # a leg that takes no weight, the injury's own days: "has not been able to put weight on it", "could not put any
            # weight on the ankle", "not able to bear weight"; the Ottawa rules' four steps: "unable to take 4 steps in clinic"
            r"|(?<!previously\s)(?<!formerly\s)(?<!was\s)\b(?:unable\s+to|cannot|can'?t|could\s+not|couldn'?t"
            r"|(?:has|have)\s+not\s+been\s+able\s+to|not\s+able\s+to)\s+"
            r"(?:bear\s+weight|(?:put|place|bear)\s+(?:any\s+|full\s+)?weight\s+on\s+(?:it\b|(?:the\s+|his\s+|her\s+)?"
            r"(?:(?:[LR]|right|left)\s+)?(?:legs?|foot|feet|ankles?|knees?|hips?|heels?|toes?)\b)|take\s+(?:4|four)\s+steps\b)"
            r"|\b(?:unsteady|unstable|ataxic|shuffling)\s+gait\b|\bgait\s+(?:instability|is\s+unsteady|disturbance)\b"
            r"|\b(?:non|toe[- ]touch|touch[- ]down|partial)[- ]weight[- ]?bearing\b|\b(?:NWB|TTWB|TDWB|PWB)\b"
            r"|\b(?:history\s+of\s+(?:recent\s+)?falls?|(?:high\s+)?fall\s+risk|(?:has\s+)?fallen\s+(?:\w+\s+){0,2}(?:times|twice)|recurrent\s+falls)\b",
            _I,
        ),
    ),
    # Confined to the home (home health services, CPMTG p. 51): "homebound", "has not left home since discharge except
    # by medical transport", "unable to leave the house", "leaving home takes a considerable and taxing effort".
    (
        "clinical.homebound",
        re.compile(
            r"\bhome[- ]?bound\b|\bconfined\s+to\s+(?:the\s+|her\s+|his\s+)?(?:home|house|bed)\b|\bbed[- ]?(?:bound|ridden)\b"
            r"|\b(?:rarely|seldom|never)\s+(?:leaves?|goes\s+out\s+of)\s+(?:the\s+|her\s+|his\s+)?(?:home|house|apartment)\b"
            # still so now: "has not left home since discharge except by medical transport", "cannot leave the house"
            r"|\b(?:has\s+not|hasn'?t|have\s+not)\s+(?:been\s+able\s+to\s+)?(?:left|leave|gone\s+out\s+of)\s+(?:the\s+|her\s+|his\s+)?"
            r"(?:home|house|apartment|apt|flat)\b(?=[^.;]{0,40}\b(?:since|except|for\s+\d+|in\s+\d+)\b)"
            r"|\bstuck\s+(?:upstairs|at\s+home|in\s+(?:the|her|his)\s+(?:house|home|apartment|apt))\b"
            r"|\b(?:is\s+)?(?:unable\s+to|cannot|can'?t)\s+(?:leave|get\s+out\s+of)\s+(?:the\s+|her\s+|his\s+)?(?:home|house|apartment)\b"
            r"|\bleaving\s+(?:the\s+)?home\s+(?:requires|takes)\s+(?:a\s+)?(?:considerable|taxing|(?:the\s+)?(?:assist\w*|help)\s+of\s+(?:2|two))\b"
            # absences only for medical care (round cover10): "leaves the house only for appointments", "only goes out for
            # doctor's appointments", "does not leave the home except for medical visits"
            r"|\b(?:leaves?|leaving|goes?\s+out\s+of|gets?\s+out\s+of)\s+(?:the\s+|her\s+|his\s+)?(?:home|house|apartment)\s+only\s+"
            r"(?:for|to\s+(?:attend|go\s+to))\s+(?:(?!work\b|school\b|shopping\b)[\w']+\s+){0,2}?(?:appointments?|appts?|visits?|medical\s+care|therapy|dialysis)\b"
            r"|\bonly\s+(?:leaves?|goes\s+out(?:\s+of)?)\s+(?:the\s+|her\s+|his\s+)?(?:home\s+|house\s+)?(?:for|to)\s+(?:(?!work\b|school\b|shopping\b)[\w']+\s+){0,2}?"
            r"(?:appointments?|appts?|medical\s+(?:visits?|care|appointments?))\b"
            r"|\b(?:does\s+not|doesn'?t|do\s+not|cannot|can'?t)\s+leave\s+(?:the\s+|her\s+|his\s+)?(?:home|house|apartment)\s+"
            r"(?:except|other\s+than)\s+(?:for|to)\s+(?:(?!work\b|school\b|shopping\b)[\w']+\s+){0,2}?(?:appointments?|appts?|medical\s+(?:visits?|care|appointments?))\b",
            _I,
        ),
    ),
    # A diagnosis the studies confirm (carpal tunnel release, shoulder surgery): "electrodiagnostically
    # confirmed", "confirmed by NCS", "MRI-proven full-thickness tear".
    (
        "clinical.diagnosis_confirmed_by_testing",
        re.compile(
            r"\b(?:electrodiagnostically|electrophysiologically|radiographically|arthrographically)\s+(?:confirmed|proven|documented)\b"
            r"|\b(?:confirmed|proven|verified|corroborated)\s+(?:by|on|with)\s+(?:(?:an?|the|her|his)\s+)?(?:(?:recent|prior|bilateral|upper|lower"
            r"|extremity|right|left)\s+)*(?:EMG(?:/NCS|/NCV)?|NCS|NCV|nerve\s+conduction(?:\s+stud(?:y|ies)|\s+testing)?|electrodiagnostic\w*"
            r"|MRI|MR\s+arthrogra\w+|arthrogra\w+)\b"
            r"|\b(?:EMG|NCS|NCV|EMG/NCS|MRI)[- ](?:confirmed|proven|documented)\b",
            _I,
        ),
    ),
    # The functional restoration program's criteria (CPMTG p. 30-32): baseline testing, loss of function, motivation.
    (
        "clinical.baseline_functional_evaluation",
        re.compile(
            r"\bresults\s+of\s+(?:his|her|the|a)\s+(?:multidisciplinary|interdisciplinary)\s+evaluation\b"
            r"|\b(?:multidisciplinary|interdisciplinary)\s+evaluation\s+(?:of\s+|on\s+)?\d"
            r"|\b(?:FCE|PPE|functional\s+capacity\s+evaluation|physical\s+performance\s+evaluation)\b(?=[^.;]{0,40}\d)"
            r"|\bbaseline\s+functional\s+(?:testing|evaluation|assessment|measures?)\b"
            # a scored instrument recorded (corpus README: ODI, NDI, QuickDASH, an FCE or a similar scored instrument),
            # its score after its name, a time word or a table's bar: "ODI today 44%", "| Oswestry (ODI) | 48 % |",
            # "QuickDASH 56.8", "LEFS 28/80", "Brief Pain Inventory interference scale ... 6.4/10"; not a goal ("< 20")
            r"|\b(?:ODI|Oswestry(?:\s+Disability\s+Index)?|PDI|Pain\s+Disability\s+Index|NDI|Neck\s+Disability\s+Index"
            r"|(?:Quick\s*)?DASH|LEFS|KOOS|HOOS|WOMAC|PSFS|FOTO|Roland[- ]Morris|RMDQ|Brief\s+Pain\s+Inventory|(?-i:BPI))\b"
            r"(?:\s*\([^)]{0,30}\))?(?:\s*[:|]?\s*(?:today|score[sd]?|was|went|at\s+intake|initial(?:ly)?|is|of|interference|scale"
            r"|she|he|pt|on|the|\d{1,2}/\d{1,2}(?:/\d{2,4})?)\b){0,4}\s*[:|]?\s*\d"
            r"|\b(?:FIM|functional\s+independence\s+measure)(?:\s+(?:mobility|motor|total|score))?\s*:?\s*\d",
            _I,
        ),
    ),
    (
        "clinical.significant_functional_loss",
        re.compile(
            r"\b(?:profound|significant|marked|severe|substantial|major)\s+(?:loss\s+of\s+function|functional\s+(?:loss|limitations?|impairment|deficits?|decline))\b"
            r"|\b(?:loss\s+of|lost)\s+(?:the\s+|his\s+|her\s+)?(?:ability|capacity)\s+to\s+function\s+independently\b"
            # dependence in basic self-care: "dependent on her spouse for bathing", "unable to perform self-care without assistance"
            r"|\bdependent\s+(?:on\s+(?:\w+\s+){1,3})?(?:for|with|in)\s+(?:(?:all|most|basic)\s+)?(?:bath\w*|dress\w*|toilet\w*|self-care|ADLs|personal\s+care)\b"
            r"|\b(?:unable\s+to|cannot|can'?t)\s+(?:perform|do|manage|complete)\s+(?:(?:basic|his|her|own|any)\s+)?(?:self-care|personal\s+care|ADLs"
            r"|activities\s+of\s+daily\s+living)\s+(?:without\s+(?:help|assistance)|independently|alone)\b"
            r"|\bspends?\s+most\s+of\s+(?:(?:the|his|her)\s+)?day\s+(?:in\s+(?:bed|a\s+recliner|a\s+chair)|lying\s+down|sitting|in\s+a\s+recliner"
            r"|on\s+(?:the\s+|a\s+)?(?:couch|sofa))\b"
            r"|\b(?:lies|lying|lays|laying)\s+down\s+most\s+of\s+(?:the\s+)?day\b"
            r"|\b(?:sits?|sitting|stays?|lies|lying)\s+(?:in\s+(?:a|the|his|her)\s+(?:recliner|bed)|on\s+(?:the\s+)?(?:couch|sofa))\s+most\s+of\s+(?:the\s+)?day\b"
            # another person's help with basic self-care: "wife helps him with socks/shoes", "needs husband's help to shower",
            # "needs his son to help him get into the shower" (not housework or shopping alone: the keys split on those)
            r"|\b(?:wife|husband|spouse|partner|daughter|son|mother|father|sister|brother|caregiver|aide|family)(?:'s)?\s+(?:(?!used\b)\w+\s+){0,2}?"
            r"(?:help|helps|helping|assists?|assistance)\b[^.;]{0,40}?\b(?:dress\w*|bath\w*|shower\w*|socks|shoes|shirt|jacket|bra|pants"
            r"|hair|toilet\w*|bathtub|tub|self-care|personal\s+care)\b"
            r"|\b(?:needs?|requires?)\s+(?:\w+\s+)?(?:help|assistance)\s+(?:with\s+)?(?:wash\w*\s+(?:his\s+|her\s+)?hair|putting\s+on\s+(?:his\s+|her\s+)?(?:socks|shoes))\b"
            # dependence in basic self-care: "daughter helps her bathe and dress", "needs help with dressing"
            r"|(?<!used\sto\s)\b(?:helps?|assists?)\s+(?:him|her)\s+(?:to\s+)?(?:bathe|dress|shower|toilet)\b"
            r"|\b(?:needs?|requires?)\s+(?:\w+\s+)?(?:help|assistance)\s+(?:from\s+(?:\w+\s+){1,2})?(?:with|to)\s+(?:bath\w*|dress\w*|shower\w*|toilet\w*|self-care)\b"
            r"|\bunable\s+to\s+care\s+for\s+(?:herself|himself|themselves)\b"
            r"|\bdepends?\s+on\s+(?:\w+\s+){1,3}?for\s+(?:all\s+|most\s+|basic\s+)?(?:ADLs|self-care|bathing|dressing|personal\s+care)\b"
            # the ODG's "loss of function that persists", as decision summaries and pain-program reports put it:
            # "functional deficits persisted", "persistent functional limitations", "remains incapacitated by the pain"
            # (not a deficit that resolved, nor a single limitation: "difficulty lifting")
            r"|\bfunctional\s+(?:deficits?|limitations?|loss|impairments?)\s+(?:have\s+|has\s+|had\s+)?(?:persist(?:ed|s)?|continued)\b"
            r"|\b(?:persistent|persisting)\s+functional\s+(?:deficits?|limitations?|loss|impairments?)\b(?!\s+(?:with|in|on|for)\b)"
            r"|\bincapacitated\s+(?:by|from|due\s+to|because\s+of)\s+(?:(?:his|her|the|their|chronic|ongoing|persistent|constant|severe"
            r"|back|neck|low\s+back)\s+){0,3}pain\b|\b(?:remains?|still)\s+(?:\w+\s+)?incapacitated\b",
            _I,
        ),
    ),
    # The modality as an adjunct to the worker's own exercise or restoration programme (CPMTG TENS p. 114, PENS p. 97):
    # "TENS trial as an adjunct to HEP", "acupuncture in conjunction w/ HEP", "adjunct to her walking and stretching program"
    # (not an adjunct to drugs or another modality)
    (
        "clinical.functional_restoration_adjunct",
        re.compile(
            r"\b(?:adjunct(?:ive)?\s+to|in\s+conjunction\s+w(?:ith\b|/))\s+(?:(?:his|her|the|their|a|an|a\s+program\s+of|ongoing|continued"
            r"|resumed|daily|active|evidence-based|home-based)\s+)*(?:[\w-]+\s+){0,1}?"
            r"(?:HEP|home\s+(?:exercises?|program(?:me)?)|exercises?|exercise\s+program(?:me)?|functional\s+restoration|(?-i:OT|PT)\b"
            r"|physical\s+therapy|occupational\s+therapy|walking|stretching|aquatic|active\s+therapy|rehabilitation|conditioning)",
            _I,
        ),
    ),
    # Reduced weight bearing desirable (aquatic therapy, CPMTG p. 22): extreme obesity (a BMI of 40 or more, "morbid
    # obesity", class III) or weight bearing restricted ("non-weight bearing L foot x 6 wks", "protected weight bearing")
    (
        "clinical.reduced_weight_bearing_indicated",
        re.compile(
            r"\bBMI\s*(?:of\s+|is\s+|was\s+|about\s+|approx\.?\s+|[:=~]\s*)?(?:4\d|[5-7]\d)(?:\.\d+)?\b(?!\s*%)"
            r"|\b(?:morbid(?:ly)?|extreme|severe|class\s+(?:III|3))\s+obes\w+|\bobesity,?\s+class\s+(?:III|3)\b"
            r"|\b(?:non|partial|protected|toe[- ]touch|touch[- ]down)[- ]weight[- ]?bearing\b|\b(?-i:NWB|PWB|TTWB|TDWB)\b",
            _I,
        ),
    ),
    (
        "clinical.motivated_to_change",
        re.compile(
            r"\bmotivated\s+(?:to\s+(?:change|participate|improve|return)|for\s+(?:change|the\s+program))\b|\b(?:pt|patient|is|he|she)\s+(?:is\s+)?motivated\b"
            r"|\b(?:appears|seems|remains|very|highly|well|quite)\s+motivated\b|\bgood\s+motivation\b"
            r"|\breadiness\s+to\s+change\b|\bwilling(?:ness)?\s+to\s+(?:change|participate|forgo|forego)\b"
            # motivation shown or voiced: "expresses motivation to return to work", "eager to participate"
            r"|\b(?:express(?:es|ed)?|demonstrat(?:es|ed)|show(?:s|ed)|voic(?:es|ed)|verbaliz(?:es|ed)|reports?)\s+"
            r"(?:good\s+|strong\s+|high\s+|much\s+|great\s+)?motivation\b"
            r"|\beager\s+to\s+(?:participate|return|start|begin|get\s+back|improve|work|reduce|wean|decrease)\b"
            # the worker's own goal and consent to the program's: "agrees to program goals", "wants to get back to work"
            r"|\bagrees?\s+(?:to|with)\s+(?:the\s+)?(?:program|treatment)\s+goals\b"
            r"|\bwants?\s+(?:\w+\s+){0,3}?(?:to\s+)?(?:get|go)\s+back\s+to\s+(?:some\s+kind\s+of\s+)?work\b"
            # a program's report of the worker's part in it: "attended all 10 days, participated fully in groups"
            r"|\bparticipat\w+\s+fully\b|\bfull(?:y)?\s+(?:participation|engaged)\b|\battended\s+all\s+\d+\s+(?:full\s+)?(?:days|sessions)\b",
            _I,
        ),
    ),

    (
        # CPMTG p. 68: a history of peptic ulcer or GI bleeding, corticosteroids or anticoagulants taken; not an ulcer
        # of the skin ("non-pressure skin ulcer, residual limb") nor a corticosteroid injected into a joint or sheath,
        # which is no systemic corticosteroid
        "clinical.gi_risk_factors",
        re.compile(
            r"(?<!skin\s)(?<!pressure\s)(?<!venous\s)(?<!stasis\s)(?<!diabetic\s)(?<!foot\s)(?<!decubitus\s)(?<!mouth\s)"
            r"(?<!corneal\s)(?<!aphthous\s)(?<!leg\s)(?<!heel\s)(?<!sacral\s)(?<!stage\s\d\s)(?<!stage\s[IV]\s)(?<!stage\s[IV]{2}\s)"
            r"(?<!\d\s)\b(?:peptic\s+)?ulcers?\b(?!\s*(?:of|on|over)\s+(?:the\s+|his\s+|her\s+)?(?:skin|foot|heel|leg|limb|sacrum|coccyx|buttock|hip|ankle))"
            r"|\bPUD\b"
            r"|\b(?:GI|gastrointestinal)\s+(?:bleed(?:ing)?|hemorrhage)\b|\banticoagula\w+\b"
            r"|\bcorticosteroids?\b(?!\s+(?:[\w-]+\s+)?(?:inj\w*|shots?)\b)",
            _I,
        ),
    ),
    (
        "clinical.nausea_from_opioids",
        re.compile(
            r"\bnausea\s+(?:from|due\s+to|secondary\s+to|with)\s+(?:the\s+)?(?:opioids?|opiates?|medications?)\b", _I
        ),
    ),
    (
        "clinical.pain_management_consult",
        re.compile(r"\b(?:evaluated|seen|reviewed|followed|managed)\s+by\s+(?:a\s+)?pain\s+management\b", _I),
    ),
)
#: A drug that upsets the stomach: "the Motrin upsets his stomach", "naproxen, which upset her stomach". The verb's own
#: negation denies it ("does not upset his stomach"); a negation further back is another clause's ("Not taking anything,
#: 'ibuprofen upsets my stomach'", "didn't help and upset my stomach").
_UPSETS_STOMACH = re.compile(r"\bupset(?:s|ting)?\s+(?:his|her|my|the|their|your)\s+(?:stomach|tummy|belly)\b", _I)
_VERB_NEGATED = re.compile(r"(?:\b(?:not|never|no\s+longer)|n['’]t)\s+(?:\w+\s+)?$", _I)


def _stomach_upset(s: Sentence, ctx: Context) -> None:
    for m in finditer(_UPSETS_STOMACH, s.text):
        if _VERB_NEGATED.search(s.text[max(0, m.start() - 30) : m.start()]):
            record(s, ctx, "clinical.dyspepsia", "no", m)
        elif not planned(s.text, m.start(), m.end()) and polarity(s.text, m.start(), m.end()) != "hedged":
            _gi_upset_told(s, ctx, m)


#: GI upset said to be over: "heartburn years ago, none now", "NSAID intolerance (dyspepsia) - resolved off NSAID".
_GI_UPSET_OVER = re.compile(
    r"[^.;]{0,40}?\b(?:(?:has\s+|have\s+|now\s+)?resolved|none\s+(?:now|since|currently)"
    r"|no\s+longer\s+(?:has\s+(?:it|any)|having\s+(?:it|any)|present|an\s+issue|a\s+problem|bother\w*)|(?:now\s+|since\s+)?gone"
    r"|went\s+away|subsided)\b",
    _I,
)
#: GI upset told of the past, in its clause: the drug stopped for it, a history of it, a year ago ("meloxicam - stopped 2021
#: for gastritis", "hx dyspepsia on naproxen 2021", "naproxen stopped 11/2015 due to epigastric burning").
_GI_UPSET_PAST_BEFORE = re.compile(
    r"\b(?:stopped|discontinued|d/c'?d|dc'?d|quit|hx|h/o|history\s+of|previously|prior|formerly|used\s+to\s+(?:have|get))\b[^.;]{0,40}$", _I
)
_GI_UPSET_PAST_AFTER = re.compile(r"[^.;]{0,30}?\b(?:stopped|discontinued|d/c'?d|years?\s+ago|in\s+(?:19|20)\d\d|back\s+in|previously|at\s+the\s+time)\b", _I)
#: A negation of a verb, closed by a comma before the term: "can't increase, GI upset on a higher dose" denies the increase only.
_VERB_NEGATION_CLOSED = re.compile(r"(?:\b(?:not|cannot)|n['’]t)\s+[a-z]+(?:\s+[a-z]+)?\s*,\s*(?:[\w-]+\s+){0,3}?$", _I)


def _gi_upset_told(s: Sentence, ctx: Context, m: re.Match[str]) -> None:
    """GI upset the worker has (yes), had and no longer has (no), or had in the past only (yes unless denied now)."""
    if _GI_UPSET_OVER.match(s.text, m.end()):
        record(s, ctx, "clinical.dyspepsia", "no", m)
    elif _GI_UPSET_PAST_BEFORE.search(s.text[max(0, m.start() - 60) : m.start()]) or _GI_UPSET_PAST_AFTER.match(s.text, m.end()):
        record(s, ctx, "clinical.dyspepsia", "past", m)
    else:
        record(s, ctx, "clinical.dyspepsia", "yes", m)


def _dyspepsia(s: Sentence, ctx: Context, pattern: re.Pattern[str]) -> None:
    """GI upset, reflux or gastritis had or denied; watched for or warned of ("monitor for GI symptoms") it is none."""
    for m in finditer(pattern, s.text):
        said = polarity(s.text, m.start(), m.end())
        if said == "negated" and _VERB_NEGATION_CLOSED.search(s.text[max(0, m.start() - 60) : m.start()]):
            said = "affirmed"
        if said == "affirmed" and planned(s.text, m.start(), m.end()):
            continue
        if said == "affirmed":
            _gi_upset_told(s, ctx, m)
        elif said == "negated":
            record(s, ctx, "clinical.dyspepsia", "no", m)
        elif said == "undocumented":
            record(s, ctx, "clinical.dyspepsia", "unknown", m)


#: A home exercise program the patient does; in the plan it is an instruction unless it is kept up ("continue HEP").
_HOME_EXERCISE = re.compile(
    r"\bhome\s+(?:exercises?|exercise\s+program|program|stretch(?:es|ing)?)\b|(?-i:\bHEP\b|\bhep\b(?!\s*[abcABC]\b))"
    # the exercises or stretches named, then done at home: "does the stretches she learned in therapy at home"
    r"|\b(?:exercises?|stretch(?:es|ing)|(?:core|walking|stretching|exercise)\s+program|quad\s+sets|heel\s+slides|chin\s+tucks"
    r"|theraband|band\s+exercises|(?:stationary\s+)?bike)\s+(?:[\w']+\s+){0,6}?at\s+home\b"
    # the exercises a therapist gave, done on: "does the lumbar stabilization exercises from his PT", "the stretches the
    # therapist showed him"
    r"|\b(?:exercises|stretches)\s+(?:(?:that\s+)?(?:he|she|they)\s+(?:learned|was\s+shown|was\s+taught)\s+(?:in|at|from)\s+|from\s+"
    r"|(?:that\s+)?(?:his|her|their|the)\s+(?:PT|therapist|physical\s+therapist)\s+(?:showed|taught|gave)\b)"
    r"(?:(?:his|her|their|the|physical|formal)\s+)?(?:(?-i:PT)|therapy|therapist|physical\s+therapy|him|her|them)?", _I
)
_KEPT_UP = re.compile(r"\b(?:cont(?:inue[sd]?|\.)?|continuing|still|doing|does|compliant|daily|reviewed|reinforced)\b", _I)
#: "Continue" right before the program keeps it up, whatever plan word stands before it ("She will continue her home
#: exercises", "Patient Instructions: Continue HEP from PT").
_CONTINUE_BEFORE = re.compile(r"\bcontinu(?:e[sd]?|ing)\s+(?:(?:with|doing|performing|his|her|their|the|a|daily)\s+){0,2}$", _I)
GI_RISK_AGE = 65
#: The red-flag questions of a back or neck history, of a head injury and after an operation; denied, they document
#: no red flags (ACOEM Ch. 8 and 12; corpus README key conventions). `general`: a fever, chills or weight loss denied
#: alone is a review of systems, no screen of the region's red flags; they count beside one of the others.
_RED_FLAG_SCREEN = re.compile(
    r"\b(?P<general>fevers?|afebrile|chills|(?:unexplained\s+)?(?:weight|wt\.?)\s+loss|night\s+(?:sweats|pain)|vomiting"
    r"|new\s+neuro(?:logic(?:al)?)?\s+(?:sx|symptoms|deficits?))\b"
    # drainage of a wound: a screen with the fever denied beside it ("Incision c/d/i, no drainage, afebrile")
    r"|\b(?P<site>drainage)\b"
    # after a head injury: "no worst headache of life" ("no new neuro sx", a general word, only beside it)
    r"|\bworst[- ](?:headache|HA)(?:[- ]of[- ](?:(?:her|his|my|the)[- ])?life)?(?![\w/])"
    r"|\b(?:bowel|bladder|B/B|saddle\s+(?:an(?:a)?esthesia|numbness|paresthesias?)|urinary\s+retention|incontinence"
    r"|(?:hx|history)\s+(?:of\s+)?(?:cancer|malignancy)|IVDU|IV\s+drug\s+use|gait\s+change|foot\s+drop"
    # (not a loss of consciousness at the injury, nor seizures asked of a drug)
    r"|(?:worsening|worse)\s+(?:headaches?|HA)|confusion|(?:visual|vision)\s+(?:loss|changes?)|calf\s+(?:pain|tenderness|swelling)|wound\s+drainage)(?![\w/])"
    r"|\bHA\s+not\s+worse\b",
    _I,
)
#: A minus sign or an empty box before a reviewed item: "(-) fever, wt loss, saddle numbness", "[ ] bowel/bladder change".
_MINUS_BEFORE = re.compile(r"(?:\(-\)|\[\s\])[^.;()\[]{0,80}$")
#: A red flag only talked about: "red flag symptoms were reviewed", "educated on red flags", "ER precautions for ...".
_RED_FLAGS_TAUGHT = re.compile(
    r"\b(?:discuss\w*|review\w*|educat\w*|explain\w*|instruct\w*|counsel\w*|precautions?|warning\s+signs|return\s+to\s+(?:the\s+)?(?:ER|ED))\b",
    _I,
)
#: Nerve symptoms, read here only where denied: "No numbness.", "denies numbness, burning, tingling", "axial, no
#: radiculopathy" (corpus README: a documented absence of neuropathic pain, also in a note about a limb joint).
_NERVE_SYMPTOMS = re.compile(
    r"\b(?:numbness|tingling|paresthesias?|radiculopathy|radicular\s+(?:pain|symptoms|sx|complaints)|sciatica"
    # a clinician's short words for them: "no radic", "no radiating sx", "no neuro sx"
    r"|radic|radiating\s+(?:pain|symptoms|sx|complaints)|neuro(?:logic(?:al)?)?\s+(?:symptoms|sx|complaints))\b", _I
)
#: Only more of it denied, so some remains: "no numbness beyond his baseline", "no new numbness", "no worse tingling".
_BEYOND_USUAL = re.compile(r"\s+(?:\w+\s+)?(?:beyond|other\s+than|except|worse\s+than|more\s+than)\b", _I)
_NEW_ONLY = re.compile(r"\b(?:new|worsening|worse|increased|increasing|additional|further|more)\s+(?:\w+\s+)?$", _I)
#: Nerve symptoms gone: "numbness in R thumb/index has resolved", "night numbness gone since surgery, tingling resolved".
_NERVE_SYMPTOMS_RESOLVED = re.compile(
    r"\b(?:numbness|tingling|paresthesias?|radicular\s+(?:pain|symptoms)|(?:leg|arm)\s+pain)\b[^.;,]{0,40}?"
    r"(?P<done>\b(?:(?:has|have)\s+)?(?:resolved|gone|went\s+away|abated|disappeared)\b)",
    _I,
)


#: A study that can confirm a diagnosis surgery needs (ACOEM: a lesion on imaging, carpal tunnel syndrome on nerve conduction).
_STUDY = (r"(?:MRI|MRA|MR\s+arthrogram|arthrogram|CT(?:\s+scan)?|ultrasound|EMG(?:\s*/\s*NC[SV])?|NC[SV]|"
          r"x-?rays?|radiographs?|XR|(?:plain\s+|spine\s+|knee\s+|standing\s+)?films|bone\s+scan|"
          r"nerve\s+conduction(?:\s+stud(?:y|ies))?|electrodiagnostic(?:\s+stud(?:y|ies)|\s+testing)?|imaging)")
#: A lesion such a study shows.
_LESION = (r"(?:tear|torn|rupture[d]?|median\s+(?:mono)?neuropathy|median\s+nerve\s+(?:entrapment|compression)|"
           r"carpal\s+tunnel\s+syndrome|entrapment|herniat\w*|protrusion|extrusion|stenosis|spondylolisthesis|"
           r"instability|fracture|impingement|nerve\s+root\s+compression|"
           # the arthritis a joint replacement needs shown: "bone-on-bone medial compartment", "tricompartmental OA"
           r"bone[- ]on[- ]bone|(?:tri|bi)?compartmental\s+(?:OA|osteoarthritis)|severe\s+(?:joint\s+space\s+)?narrowing|"
           r"joint\s+space\s+(?:loss|collapse)|"
           # what studies report as found (corpus README: a study showing a lesion among the diagnoses confirms it):
           # wear of a joint or disc, a nerve lesion on electrodiagnosis, CRPS on a bone scan
           r"(?:jt|joint)\s+space\s+narrowing|osteophytes?|(?:KL|Kellgren[- ]Lawrence)(?:\s+grade)?\s*[234]|"
           r"(?:disc|disk)\s+(?:bulges?|desiccation)|bulg(?:e|es|ing)\s+(?:disc|disk)|Modic|"
           r"(?-i:CTS)|(?:\w+\s+)?(?:mono)?neuropathy|radiculopathy|consistent\s+with\s+CRPS|labral\s+tear|"
           # a cruciate ligament that no longer holds (session 16): "laxity of the ACL", "ACL insufficiency", "ACL-deficient"
           r"(?:ACL|PCL|cruciate(?:\s+ligament)?)[- ](?:laxity|insufficiency|deficien\w+)|laxity\s+of\s+the\s+(?:ACL|PCL|\w+\s+cruciate)|"
           # round 16: the abbreviations and findings reports write: a disc herniation (HNP), a fracture (fx), a bulge
           # told by its size, disc space narrowing, a tendon's degeneration, scar around a root after an operation
           r"(?-i:HNP)|fx|(?:\d+(?:\.\d+)?\s*mm\s+)?(?:broad[- ]based\s+)?bulges?|(?:disc|disk)\s+displacement|"
           r"tendinosis|tendinopathy|epidural\s+fibrosis|arachnoiditis|pseudarthrosis|nonunion|non-union)")
#: A character of one clause of a study's report: a full stop only inside a number ("5.9 ms") or after a title
#: or an initial ("(Dr. Singh)"), never at a sentence's end.
_IN_CLAUSE = r"(?:[^.;]|(?<=\d)\.(?=\d)|(?<=\b[A-Z][a-z])\.|(?<=\b[A-Z])\.)"
_CONFIRMED_BY_STUDY = re.compile(
    rf"\b{_STUDY}[- ](?:confirmed|proven|documented|verified)\b|\belectrodiagnostically\s+(?:confirmed|proven|documented)\b"
    rf"|\b(?:confirmed|proven|verified)\s+(?:on|by|with)\s+(?:an?\s+|the\s+)?(?:\w+\s+)?{_STUDY}"
    rf"|\b{_STUDY}\b{_IN_CLAUSE}{{0,80}}?(?:\bshows?|\bshowed|\bshown|\breveals?|\brevealed|\bdemonstrates?|\bdemonstrated"
    rf"|\bconfirms?|\bconfirmed|\bpositive\s+for|\bconsistent\s+with|\b(?:significant|notable|remarkable)\s+for|:)\s*{_IN_CLAUSE}{{0,60}}?\b{_LESION}"
    # the lesion graded by the study in a diagnosis: "Carpal tunnel syndrome, right - moderate-severe by NCS"
    rf"|\b{_LESION}[^.;]{{0,40}}?\b(?:by|on|per)\s+(?:the\s+)?{_STUDY}\b"
    # the lesion with the study that showed it in brackets: "L4-5 HNP with L5 radiculopathy (MRI 2016, EMG 2017)",
    # "compression fx (xr 5/2018, 20% height loss)" - not a study to come or one that showed nothing
    rf"|\b{_LESION}[^.;()]{{0,40}}?\(\s*(?:per\s+|on\s+|by\s+)?(?:(?:standing|plain|repeat)\s+)?{_STUDY}\b"
    r"(?![^)]{0,40}\b(?:pending|ordered|requested|scheduled|negative|normal|unremarkable)\b)"
    # the study and its date straight before what it found, in the middle of a sentence: "...; MRI 1/2018 complex tear PHMM"
    rf"|\b{_STUDY}\s+(?:\d{{1,2}}/)?(?:\d{{1,2}}/)?(?:19|20)?\d\d\s+(?:[\w-]+\s+){{0,2}}?{_LESION}",
    _I,
)
#: A lesion seen at arthroscopy or at operation (session 16): the surgeon sees the ligament or meniscus itself, which
#: confirms it as an MRI would (ACOEM Ch. 13 p. 344-345 asks for the tear shown). "arthroscopy ..., which showed laxity of
#: the ACL", "knee scope 2/2017 which showed an ACL-deficient knee", "Arthroscopic findings: complex tear ...",
#: "Intraoperative findings at the 2019 arthroscopy were a full-thickness supraspinatus tear". Only a scope that was done
#: and showed something: a scope requested "for" or "to evaluate" a tear names no verb of finding.
_SCOPE_FOUND = re.compile(
    rf"\b(?:arthroscop(?:y|ies)|(?:knee|shoulder|hip|ankle|elbow|wrist)\s+scope)\b{_IN_CLAUSE}{{0,80}}?"
    rf"(?:\bshows?|\bshowed|\bshown|\breveals?|\brevealed|\bdemonstrates?|\bdemonstrated|\bconfirmed|\bfound)\b"
    rf"\s*{_IN_CLAUSE}{{0,60}}?\b{_LESION}"
    rf"|\b(?:arthroscopic|intra-?operative|operative|surgical)\s+findings\b{_IN_CLAUSE}{{0,60}}?(?::|\bwere\b|\bwas\b|\bincluded?\b"
    rf"|\bshowed\b|\brevealed\b)\s*{_IN_CLAUSE}{{0,60}}?\b{_LESION}",
    _I,
)
#: A study's own report line, its name then a colon: what it found may run over clauses ("NCS 07/28/2015 (Dr. X):
#: distal motor latency 5.9 ms ...; moderate-to-severe right carpal tunnel syndrome").
_STUDY_REPORT = re.compile(
    rf"^\W*{_STUDY}\b(?:[^:]{{0,60}}:"
    # or its name, part and date, then a dash or straight the finding: "MRI C-spine 10/2012 - facet arthropathy C4-5",
    # "MRI C-spine 2014 C5-6 R foraminal stenosis", "XR L wrist 5/12/14 plate in good position, fx healing"
    r"|[^:.;]{0,40}?\s[-\u2013]\s|[^:.;]{0,40}?\b(?:\d{1,2}/\d{1,2}/\d{2,4}|\d{1,2}/(?:19|20)\d{2}|(?:19|20)\d{2})\s+(?=[A-Za-z]))",
    _I,
)
_LESION_SEEN = re.compile(rf"\b{_LESION}", _I)
#: In a diagnosis line, the study that showed it, in brackets or after "on" / "per": "(MRI 2013)", "per NCS 5/2019";
#: not one still to come or that showed nothing ("(MRI pending)", "(EMG normal)").
_DIAGNOSIS_BY_STUDY = re.compile(
    rf"\(\s*(?:per\s+[\w.]+,?\s+|on\s+|by\s+)?{_STUDY}\b(?![^)]{{0,40}}\b(?:pending|ordered|requested|scheduled|negative|normal"
    rf"|unremarkable|no\s+\w+)\b)|\b(?:on|per|by)\s+(?:the\s+)?(?:\d{{4}}\s+)?{_STUDY}\b(?!\s+(?:pending|ordered|requested|scheduled))",
    _I,
)
#: Words that make a study's finding negative ("MRI: no tear", "NCS normal").
_STUDY_NEGATIVE = re.compile(r"\b(?:no|not|without|w/o|negative|normal|unremarkable|ruled\s+out)\b", _I)


#: A study's finding still to come: "ordered to confirm CTS", "which will likely show", "may reveal a tear".
_FINDING_TO_COME = re.compile(
    r"\b(?:to|will|would|may|might|could|should|can|likely|probably|hopefully|expect\w*\s+to)\s+(?:\w+\s+)?"
    r"(?:show|reveal|demonstrate|confirm|prove|verify|document)\b",
    _I,
)


#: Wear and degeneration a study shows, which confirm only a diagnosis of the same (spondylosis, facet arthropathy).
_DEGENERATION = r"(?:facet\s+)?arthropath\w*|facet\s+hypertrophy|(?:disc|disk)\s+(?:space\s+narrowing|degeneration)|spondylos[ie]s|osteoarthritis|arthrosis|degenerative\s+(?:disc|joint)\s+disease|DDD"
_DEGENERATION_SEEN = re.compile(rf"\b(?:{_DEGENERATION})\b", _I)
_DEGENERATIVE_DIAGNOSIS = re.compile(rf"\b(?:{_DEGENERATION}|facet|spondylo\w*|degenerat\w*|arthritis)\b", _I)
_STUDY_SHOWS = re.compile(rf"\b{_STUDY}\b[^.;]{{0,60}}?\b(?:shows?|showed|reveal\w*|demonstrat\w*)\b", _I)


def _degeneration_diagnosed(ctx: Context) -> bool:
    """Whether a diagnosis names wear or degeneration (facet syndrome, spondylosis, DDD, osteoarthritis)."""
    return any(_DEGENERATIVE_DIAGNOSIS.search(d["name"]) for d in ctx.draft.diagnoses.values())


def _confirmed_by_study(s: Sentence, ctx: Context) -> None:
    """A diagnosis a study confirms: "MRI-confirmed tear", "EMG/NCS: moderate median neuropathy at the wrist".

    A study ordered, pending or awaited shows nothing yet: "EMG/NCS ordered to confirm CTS", "will get NCS, which
    will likely show ..." confirm nothing.
    """
    for m in [*finditer(_CONFIRMED_BY_STUDY, s.text), *finditer(_SCOPE_FOUND, s.text)]:
        if _FINDING_TO_COME.search(m.group()):
            continue
        if not _STUDY_NEGATIVE.search(m.group()) and polarity(s.text, m.start(), m.end()) == "affirmed":
            record(s, ctx, "clinical.diagnosis_confirmed_by_testing", "yes", m)
    if (report := _STUDY_REPORT.match(s.text)) and s.section != "plan":
        for m in _LESION_SEEN.finditer(s.text, report.end()):
            if not _STUDY_NEGATIVE.search(s.text[max(report.end(), m.start() - 25) : m.start()]) \
                    and polarity(s.text, m.start(), m.end()) == "affirmed" and not planned(s.text, m.start(), m.end()):
                record(s, ctx, "clinical.diagnosis_confirmed_by_testing", "yes", m)
                break
    if (report or search(_STUDY_SHOWS, s.text)) and s.section != "plan" and _degeneration_diagnosed(ctx):
        # wear a study shows confirms the diagnosis that names it: "MRI: L4-5 facet arthropathy" for "Lumbar facet syndrome"
        for m in _DEGENERATION_SEEN.finditer(s.text, report.end() if report else 0):
            if not _STUDY_NEGATIVE.search(s.text[max(0, m.start() - 25) : m.start()]) \
                    and polarity(s.text, m.start(), m.end()) == "affirmed" and not planned(s.text, m.start(), m.end()):
                record(s, ctx, "clinical.diagnosis_confirmed_by_testing", "yes", m)
                break
    if s.section == "diagnoses" and (shown := search(_DIAGNOSIS_BY_STUDY, s.text)) and not _FINDING_TO_COME.search(s.text):
        # a diagnosis given with the study that showed it: "DDD L4-5, L5-S1 (MRI 2013)", "OA knees (per ortho, XR 2018)"
        record(s, ctx, "clinical.diagnosis_confirmed_by_testing", "yes", shown)
    if s.section == "imaging":  # under an "Imaging:" heading the study goes unnamed: "AP/lateral R knee - bone-on-bone"
        for m in finditer(_LESION_SEEN, s.text):
            before = s.text[max(0, m.start() - 40) : m.start()]
            if not _STUDY_NEGATIVE.search(before) and polarity(s.text, m.start(), m.end()) == "affirmed" \
                    and not planned(s.text, m.start(), m.end()):
                record(s, ctx, "clinical.diagnosis_confirmed_by_testing", "yes", m)
                break


#: Sleep lost as notes tell it (round 9): symptoms that wake "3-4 nights a week", waking early and staying up, broken
#: sleep, a side that cannot be lain on, a night of four hours or less (now, or before a gain), a drug taken for sleep.
#: Read only where affirmed: a negation elsewhere in the sentence ("cannot lift ..., sleeps 4 hrs") says nothing of sleep.
_SLEEP_LOST = re.compile(
    r"\b(?:wakes?|waking|awakens?|awakening)\s+(?:him|her|them|the\s+patient|pt)\s+(?:up\s+)?\d+(?:\s*-\s*\d+)?\s+(?:nights?|times)"
    r"|\bwakes?\s+(?:up\s+)?at\s+\d{1,2}(?::\d\d)?\s*(?:am|a\.m\.)?[^.;]{0,30}?\b(?:can(?:no|')?t|cannot|unable\s+to)\s+(?:get\s+back\s+to|fall\s+back)"
    r"|\bsleep\s+(?:is\s+|was\s+)?broken\b|\bbroken\s+sleep\b"
    r"|\b(?:can(?:no|')?t|cannot|unable\s+to)\s+(?:sleep|lie|lay)\s+on\s+(?:the\s+|his\s+|her\s+|my\s+)?(?:R|L|right|left|affected|injured|either)\s+side"
    r"|\b(?:sleeps?|sleeping)\s+(?:only\s+)?(?:about\s+|~|approx\.?\s+)?[1-4](?:\s*-\s*[1-5])?\s*(?:hours?|hrs?|h)\b"
    r"|\b(?:can(?:no|')?t|cannot|unable\s+to)\s+sleep\s+(?:more|longer)\s+than\b"
    r"|\bsleep\w*\s+(?:has\s+)?(?:improved\s+)?(?:from\s+~?[1-4]\s*(?:hours?|hrs?|h)?\s+to\b|[^.;]{0,25}\((?:was|from)\s+~?[1-4]\b)"
    r"|\bsleep\s+~?\d+\s*(?:hours?|hrs?|h)\s+from\s+~?[1-4]\s*(?:hours?|hrs?|h)\b"
    r"|\bfor\s+(?:[\w-]+\s+){0,3}?(?:and\s+|,\s*)?sleep\b(?!\s+hygiene)"
    # a bilingual note's Spanish quote: "no puedo dormir de ese lado", "no duermo bien", "me despierta el dolor"
    r"|\bno\s+(?:puedo|puede|podía|podia)\s+dormir\b|\bno\s+duerm[eo]\b|\bme\s+despierta\b|\binsomnio\b"
    # ESL: "he no can sleep good", "she not sleep well because the pain"
    r"|\b(?:no|not)\s+(?:can\s+|could\s+)?sleep(?:ing)?\s+(?:good|well|much)\b(?=[^.;]{0,30}\b(?:pain|because|hurt))"
    # waking at night, told by how often or from what: "wakes her two or three times a night", "wakes nightly", "waking
    # with pain", "night waking", "early-morning awakening", "numbness ... wakes her"
    r"|\b(?:wakes?|waking|awakens?|awakening|awakened|wakened)(?:\s+(?:him|her|them|me|the\s+patient|pt))?(?:\s+up)?\s+"
    r"(?:nightly|every\s+night|each\s+night|most\s+nights|some\s+nights|several\s+nights"
    r"|(?:[\w-]+\s+(?:or|to)\s+)?(?:\d+|one|two|three|four|five|six|several|multiple|many)\s*(?:x|times)\s*(?:/|a|per|each|every)\s*(?:night|nt)\b"
    r"|(?:once|twice)\s+(?:a|per|each)\s+night"
    r"|(?:with|from|due\s+to|because\s+of|in)\s+(?:the\s+|his\s+|her\s+)?(?:[\w-]+\s+){0,2}?(?:pain|numbness|tingling|burning|symptoms))"
    r"|\b(?:night(?:time)?|nocturnal)[- ](?:waking|wakings|awakenings?)\b|\bearly[- ]morning\s+(?:awakening|waking)\b"
    r"|\b(?:pain|numbness|tingling|paresthesias?|burning|symptoms?)\b[^.;]{0,40}?\b(?:wakes?|waking|awakens?)\s+(?:him|her|them|me)\b"
    # nightmares (not rare ones), and sleep not had: "not sleeping", "can't sleep without the Ambien"
    r"|\bnightmares?\b(?![^.;]{0,25}\b(?:once\s+a\s+month|rare(?:ly)?|resolved|gone)\b)"
    r"|\bnot\s+sleeping\b(?!\s+(?:on|in|with)\b)|\b(?:can(?:no|')?t|cannot|unable\s+to)\s+sleep\s+without\b",
    _I,
)
#: Waking or nightmares that are over: "night waking resolved", "used to wake her".
_SLEEP_LOSS_OVER = re.compile(r"[^.;]{0,40}?\b(?:resolved|gone|stopped|ceased)\b", _I)
_SLEEP_LOSS_PAST = re.compile(r"\b(?:used\s+to|no\s+longer|before\s+(?:the\s+)?(?:surgery|release|operation))\b[^.;]{0,30}$", _I)
#: A night's sleep in hours: "Sleep 5-6 hrs", "sleeping ~5 h (was 3)", "he sleeps four to five hours a night".
_SLEEP_HOURS = re.compile(
    r"\b(?:sleep(?:s|ing)?|slept)\b(?:\s*[:=-])?(?:\s+(?:only|about|around|approx\.?|approximately|roughly|is|was|for))*\s*~?\s*"
    r"(?P<low>\d+(?:\.\d+)?|two|three|four|five|six|seven|eight|nine|ten)"
    r"(?:\s*(?:-|to)\s*(?P<high>\d+(?:\.\d+)?|three|four|five|six|seven|eight|nine|ten))?\s*(?:hours?|hrs?|h)\b(?!\s*(?:a|per)\s+day)",
    _I,
)
_HOUR_WORDS = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10}
#: Six hours a night or less is short sleep, seven to ten enough (seven is the adult minimum of the AASM/SRS consensus,
#: 2015); a range that straddles them ("6-7 hours", at its midpoint) says neither.
_SHORT_SLEEP_MAX = 6.0
_ENOUGH_SLEEP = (7.0, 10.0)
#: A goal, not the night slept: "Goal: sleep 6+ hours".
_SLEEP_GOAL = re.compile(r"\bgoals?\b", _I)
#: A denial in the clause right before a finding: "no", "denies", "without", "never" with no comma or stop between.
_DENIED_HERE = re.compile(r"\b(?:no|not|denies|denied|without|w/o|never|negative\s+for)\b[^,;.]{0,25}$", _I)
#: A review of systems' answer heading "for ...": "Negative for sleep disturbance", "Psych: pos. for insomnia".
_SCREENED_FOR = re.compile(r"\b(?:negative|neg|positive|pos)\.?\s*$", _I)
#: Sleep said to be fine, and pain said not to travel: documented absences.
_SLEEP_FINE = re.compile(
    r"\bsleep(?:ing|s)?\s*(?:[:-]\s*[\"']?|is\s+|was\s+|has\s+been\s+|[\"'])?(?:(?:\d(?:\s*-\s*\d)?\s*(?:hours?|hrs?|h)\s*,?\s*)?)"
    r"(?:well|ok(?:ay)?|fine|good|adequate|normal|restful|unremarkable|WNL)\b"
    r"|\bsleep(?:s|ing)?\s+(?:\d+(?:\s*-\s*\d+)?\s+(?:hours?|hrs?)\s+)?(?:without\s+(?:difficulty|problems?|issues?|waking)|through\s+the\s+night)\b"
    # sleeping through (the night), told short: "sleeping thru now", "it lets her sleep through"
    r"|\bsleep(?:s|ing)?\s+(?:through|thru)\b(?!\s+(?:the\s+)?(?:pain|alarm|it)\b)", _I
)
#: No waking at night: "no night waking", "no nocturnal awakenings".
_NO_NIGHT_WAKING = re.compile(r"\bno\s+(?:more\s+)?(?:night(?:time)?|nocturnal)[- ](?:waking|wakings|awakenings?)\b", _I)
_NOT_RADIATING = re.compile(r"\bnon-?radiating\b|\bdoes\s*n[o']t\s+radiate\b|\bwithout\s+radiation\b|\bno\s+radiation\b", _I)
#: Mood and anxiety screens scored at least moderate (PHQ-9 and GAD-7 >= 10, BDI-II >= 20, BAI >= 16).
_MOOD_SCORE = re.compile(
    r"\b(?P<scale>PHQ-?9|GAD-?7|BDI(?:-?II|-?2)?|Beck\s+Depression\s+Inventory(?:-?II)?|BAI|Beck\s+Anxiety\s+Inventory)\b"
    r"(?:\s+(?:score|total))?\s*(?:of|was|is|=|:)?\s*(?P<n>\d{1,2})\b(?!\s*(?:/|%))",
    _I,
)
#: A mood screen said to be negative: "PHQ-2 negative", "depression screening questions were negative".
#: A mood screen said to be positive: "depression screen positive", "PHQ-2: positive", "anxiety screening (+)".
_MOOD_POSITIVE = re.compile(
    r"\b(?:PHQ-?[29]|GAD-?[27]|(?:depression|mood|anxiety)\s+screen(?:ing)?(?:\s+questions)?)\s*(?:score\s*)?(?::|=|is|was|were)?\s*"
    r"(?:positive\b|pos\b|\(\+\))",
    _I,
)
_MOOD_NEGATIVE = re.compile(
    r"\b(?:PHQ-?[29]|GAD-?[27]|(?:depression|mood)\s+screen(?:ing)?(?:\s+questions)?)\s*(?:score\s*)?(?::|=|is|was|were)?\s*(?:negative|neg\b|normal)",
    _I,
)
#: A screen marked negative by a sign or a bracket: "(-) depression screen", "PHQ-9: 2 (negative screen)", "PHQ-2 (-)".
_SCREEN_MINUS = re.compile(
    r"\(-\)\s*(?:depression|mood|anxiety)\s+screen\w*|\b(?:PHQ-?[29]|GAD-?[27])\b[^.;()]{0,12}\((?:-|neg\w*(?:\s+screen)?)\)",
    _I,
)
#: The moderate cut-offs of the depression and anxiety inventories; the PHQ-9 and GAD-7 stand at 10.
_MOOD_CUTOFF = {"bdi": 20, "beck depression": 20, "bai": 16, "beck anxiety": 16}
#: A flare named as the reason for a drug to come, not one that happened: "Norco for flare-ups only".
_FOR_FLARES = re.compile(r"\b(?:for|prn|in\s+case\s+of|during|if|should\s+(?:she|he)\s+have)\s+(?:an?\s+|any\s+|future\s+|occasional\s+|severe\s+)?$", _I)


def _mood_and_sleep(s: Sentence, ctx: Context) -> None:
    low = s.text.lower()
    if "sleep" in low:
        _sleep_fine(s, ctx)
    if "sleep" in low or "wak" in low or " side" in low or "nightmare" in low or any(w in low for w in _SPANISH_SLEEP):
        for m in finditer(_SLEEP_LOST, s.text):
            before = s.text[max(0, m.start() - 30) : m.start()]
            if m.group().lower().startswith("for") and _SCREENED_FOR.search(before):
                continue  # "Negative for sleep disturbance": a review of systems' answer, not a drug taken for sleep
            # denied in its own clause only: "cannot lift a gallon ..., sleeps 4 hrs" is four hours' sleep
            if _SLEEP_LOSS_OVER.match(s.text, m.end()) or _SLEEP_LOSS_PAST.search(s.text, 0, m.start()):
                continue  # "night waking resolved", "used to wake her every night"
            if not _DENIED_HERE.search(before) and not planned(s.text, m.start(), m.end()):
                record(s, ctx, "clinical.sleep_disturbance", "yes", m)
    if "sle" in low:  # "sleep", "slept"
        _sleep_hours(s, ctx)
    if "wak" in low:
        for m in finditer(_NO_NIGHT_WAKING, s.text):
            record(s, ctx, "clinical.sleep_disturbance", "no", m)
    if "radiat" in low:
        for m in finditer(_NOT_RADIATING, s.text):
            record(s, ctx, "clinical.neuropathic_pain", "no", m)
    if any(word in low for word in _MOOD_WORDS):
        _mood_screens(s, ctx)


#: The Spanish words of a bilingual note's sleep (a cheap test before the patterns).
_SPANISH_SLEEP = ("dorm", "duerm", "despierta", "insomnio")
#: Words one of which every mood screen's mention holds (a cheap test before the patterns).
_MOOD_WORDS = ("phq", "gad", "bdi", "beck", "bai", "screen")


#: A denial in the list item right before a finding: "no longer needs help dressing", "does not need his wife's help".
_DENIED_IN_ITEM = re.compile(r"\b(?:no|not|never|denies|without|w/o)\b[^,;.]{0,30}$|n't\s+(?:\w+\s+){0,2}$", _I)


def _functional_loss(s: Sentence, ctx: Context, pattern: re.Pattern[str]) -> None:
    """A loss of independent function: a limitation list ("can't sit >15 min, can't drive, needs his daughter's help with
    socks") negates each of its items on its own, so a denial counts only in the finding's own item."""
    for m in finditer(pattern, s.text):
        said = polarity(s.text, m.start(), m.end())
        if said == "negated" and not _DENIED_IN_ITEM.search(s.text, max(0, m.start() - 40), m.start()):
            said = "affirmed"
        value = {"affirmed": "yes", "negated": "no", "undocumented": "unknown"}.get(said)
        if value is not None:
            ctx.draft.finding("clinical.significant_functional_loss", value, clause_evidence(s, m.start(), m.end()))


def _adjunct(s: Sentence, ctx: Context, pattern: re.Pattern[str]) -> None:
    """A modality as an adjunct to exercise: said of the modality requested, so a plan's wording ("to be used as an
    adjunct to HEP") states it as much as a report does; only a denial says otherwise."""
    for m in finditer(pattern, s.text):
        said = polarity(s.text, m.start(), m.end())
        record(s, ctx, "clinical.functional_restoration_adjunct", "no" if said == "negated" else "yes", m)


def _hours(word: str) -> float:
    return float(_HOUR_WORDS.get(word.lower(), 0) or word)


def _sleep_hours(s: Sentence, ctx: Context) -> None:
    """A night's sleep in hours: six or less is short sleep (yes), seven to ten enough (no); a range counts at its midpoint."""
    if search(_SLEEP_FINE, s.text) or search(_SLEEP_GOAL, s.text):
        return  # "sleep okay, 6 hrs", "sleeps 6 hours without waking": the note calls it fine
    for m in finditer(_SLEEP_HOURS, s.text):
        hours = _hours(m.group("low"))
        if m.group("high"):
            hours = (hours + _hours(m.group("high"))) / 2
        before = s.text[max(0, m.start() - 30) : m.start()]
        if _DENIED_HERE.search(before) or planned(s.text, m.start(), m.end()):
            continue
        if hours <= _SHORT_SLEEP_MAX:
            record(s, ctx, "clinical.sleep_disturbance", "yes", m)
        elif _ENOUGH_SLEEP[0] <= hours <= _ENOUGH_SLEEP[1]:
            record(s, ctx, "clinical.sleep_disturbance", "no", m)


def _sleep_fine(s: Sentence, ctx: Context) -> None:
    for m in finditer(_SLEEP_FINE, s.text):
        if polarity(s.text, m.start(), m.end()) == "affirmed":
            record(s, ctx, "clinical.sleep_disturbance", "no", m)



def _mood_screens(s: Sentence, ctx: Context) -> None:
    for m in finditer(_MOOD_POSITIVE, s.text):
        if polarity(s.text, m.start(), m.end()) == "affirmed" and not planned(s.text, m.start(), m.end()):
            record(s, ctx, "clinical.depression_or_anxiety", "yes", m)
    for m in finditer(_MOOD_NEGATIVE, s.text):
        if polarity(s.text, m.start(), m.end()) == "affirmed":
            record(s, ctx, "clinical.depression_or_anxiety", "no", m)
    for m in finditer(_SCREEN_MINUS, s.text):  # "(-) depression screen PHQ-2", "PHQ-9: 2 (negative screen)"
        record(s, ctx, "clinical.depression_or_anxiety", "no", m)
    for m in finditer(_MOOD_SCORE, s.text):
        scale = " ".join(m.group("scale").lower().split())
        cutoff = next((c for name, c in _MOOD_CUTOFF.items() if scale.startswith(name)), 10)
        if int(m.group("n")) >= cutoff and not planned(s.text, m.start(), m.end()):
            record(s, ctx, "clinical.depression_or_anxiety", "yes", m)


def read_clinical(sentences: list[Sentence], ctx: Context) -> None:
    """Clinical findings: each sentence's own patterns are asked once for all (`shut`)."""
    previous = ""
    for s in sentences:
        low = s.text.lower()
        dead = shut(_CLINICAL_ASKS, s.text)
        _confirmed_by_study(s, ctx)
        _mood_and_sleep(s, ctx)
        if "upset" in low:
            _stomach_upset(s, ctx)
        if s.section != "plan":
            _severe_disability(s, ctx)
        for m in () if id(_STABLE_PAIN) in dead else finditer(_STABLE_PAIN, s.text):
            if _SINCE_LAST_VISIT.search(s.text, m.start()):
                record(s, ctx, "clinical.acute_exacerbation", "no", m)
        for path, pattern in among(CUES, s.text, 1):
            own = _OWN_CUE_READERS.get(path)
            if own is not None:
                own(s, ctx, pattern)
            else:
                read_cue(s, ctx, path, pattern)
        for m in () if id(_NO_AID) in dead else finditer(_NO_AID, s.text):
            if not planned(s.text, m.start(), m.end()) and not _GAIT_AIMED.search(s.text, 0, m.start()):
                record(s, ctx, "clinical.mobility_limited", "no", m)
        for m in () if id(_NORMAL_GAIT) in dead else finditer(_NORMAL_GAIT, s.text):
            if polarity(s.text, m.start(), m.end()) == "affirmed" and not planned(s.text, m.start(), m.end()) \
                    and not _GAIT_AIMED.search(s.text, 0, m.start()):
                record(s, ctx, "clinical.mobility_limited", "no", m)
        if any(w in low for w in _WIDESPREAD_WORDS):
            for m in () if id(_WIDESPREAD) in dead else finditer(_WIDESPREAD, s.text):
                if polarity(s.text, m.start(), m.end()) == "affirmed":
                    record(s, ctx, "clinical.localized_pain", "no", m)
        _red_flag_screen(s, ctx)
        for m in () if id(_NERVE_SYMPTOMS) in dead else finditer(_NERVE_SYMPTOMS, s.text):
            if not _BEYOND_USUAL.match(s.text, m.end()) and not _NEW_ONLY.search(s.text[max(0, m.start() - 30) : m.start()]) \
                    and polarity(s.text, m.start(), m.end()) == "negated":
                record(s, ctx, "clinical.neuropathic_pain", "no", m)
        for m in () if id(_NERVE_SYMPTOMS_RESOLVED) in dead else finditer(_NERVE_SYMPTOMS_RESOLVED, s.text):
            if polarity(s.text, m.end("done") - 1, m.end("done")) == "affirmed":
                record(s, ctx, "clinical.neuropathic_pain", "no", m)
        if s.section != "plan" or (id(_KEPT_UP) not in dead and search(_KEPT_UP, s.text)):
            _home_exercise(s, ctx, plan=s.section == "plan")
        _surgery_and_care(s, ctx, previous)
        for m in () if id(_NOT_MOTIVATED) in dead else finditer(_NOT_MOTIVATED, s.text):
            record(s, ctx, "clinical.motivated_to_change", "no", m)
        if s.section != "plan":
            _symptom_change(s, ctx)
        previous = s.text


#: A disability index with its score: "Oswestry today 58%", "ODI 58% (severe disability)", "NDI: 44 %".
_DISABILITY_SCORE = re.compile(
    r"\b(?:ODI|Oswestry(?:\s+disability\s+index)?|NDI|neck\s+disability\s+index)\b(?:\s*\([^)]{0,20}\))?\s*(?:score\s*)?"
    r"(?:today|now|currently|at\s+intake|at\s+baseline|is|was|of)?\s*:?\s*(?P<score>\d{1,3})\s*(?:%|/\s*100)(?!\s*(?:->|→))",
    _I,
)
#: The Oswestry and neck disability indices grade 41-60 % as severe disability (Fairbank and Pynsent 2000; Vernon 2008
#: for the NDI, whose "severe" band starts at 50 %): the significant loss of function a program is for (CPMTG p. 32).
_SEVERE_FROM = {"ndi": 50, "neck": 50}
_SEVERE_DEFAULT = 41
#: A second score of the same index after the first in its row or sentence: the first is the earlier one, unless the second is
#: told as the past ("ODI 52% (was 64%)", "NDI 48%, previously 60%").
#: What makes a later percentage another measure than the same index: a scale's name, relief or pain ("ODI 48%, relief 50%").
_OTHER_MEASURE = re.compile(r"(?-i:\b[A-Z]{2,})|\b(?:relief|pain|improv\w*|better|worse|BMI|body\s+fat|saturation|SpO2)\b", _I)
_LATER_SCORE = re.compile(
    r"[^.;%]{0,40}?(?P<past>\b(?:was|were|previously|prior|from|before|vs\.?|versus|compared\s+(?:to|with))\s*(?:~|about\s+)?)?\b(?P<score>\d{1,3})\s*(?:%|/\s*100)", _I
)


def _severe_disability(s: Sentence, ctx: Context) -> None:
    """A disability index scored in its severe band documents a significant loss of function."""
    for m in finditer(_DISABILITY_SCORE, s.text):
        name = m.group().split()[0].lower()
        score, end = int(m.group("score")), m.end()
        while (later := _LATER_SCORE.match(s.text, end)) and not later.group("past") \
                and not _OTHER_MEASURE.search(s.text, end, later.start("score")):
            # "ODI 44% at start, 30% at discharge", "58% pre-op -> 38%": the first is an earlier score, the last is now
            score, end = int(later.group("score")), later.end()
        if score >= _SEVERE_FROM.get(name, _SEVERE_DEFAULT) and polarity(s.text, m.start(), m.end()) == "affirmed":
            record(s, ctx, "clinical.significant_functional_loss", "yes", m)


#: A change in the symptoms or findings that a repeat study looks for (ODG; ACOEM Ch. 8 and 12): new or progressive
#: neurological symptoms, told of the worker ("weakness has progressed - now drops things", "new aching into R forearm").
_CHANGED = re.compile(
    r"\b(?:weakness|numbness|tingling|symptoms?|sx|deficits?)\s+(?:has|have|had)\s+(?:since\s+)?(?:progressed|worsened|spread)\b"
    r"|\bprogressive\s+(?:\w+\s+)?(?:weakness|motor\s+(?:deficit|loss)|deficits?|numbness|neurologic\w*|myelopathy|atrophy)\b"
    r"|\bnew(?:\s+onset(?:\s+of)?)?\s+(?:\w+\s+){0,2}?(?:weakness|numbness|tingling|aching|paresthesias?|radiation|radicular\s+\w+|deficits?"
    r"|foot\s+drop|atrophy|bowel\s+\w+|bladder\s+\w+|symptoms?)\b"
    r"|\bnow\s+(?:drops|dropping)\s+(?:things|objects|\w+)\b"
    # worse told before the symptom: "worsening radicular symptoms", "increasing numbness in the hand"
    r"|\b(?:worsening|increasing|progressing|increased)\s+(?:\w+\s+)?(?:weakness|numbness|tingling|paresthesias?|radicular\s+(?:symptoms|pain|sx)"
    r"|neurologic\w*\s+(?:symptoms|deficits?))\b"
    # a limb's pain or symptoms worse, spreading, or a deficit now found: "leg pain has been worse over the past 6 wks",
    # "significant worsening of symptoms since last imaging", "now going down both legs", "now with L5 sensory loss"
    r"|\b(?:leg|arm|radicular|radiating)\s+(?:pain|symptoms|sx)\s+(?:has|have|is|are)\s+(?:been\s+|getting\s+|gotten\s+)?(?:worse|worsening)\b"
    r"|\b(?:his|her)\s+(?:leg|arm)\s+pain\s+has\s+worsened\b"
    r"|\bworsening\s+of\s+(?:(?:his|her|the|neurologic\w*|radicular)\s+)?(?:symptoms|sx|numbness|weakness)\b"
    r"|\bnow\s+(?:with|has|having)\s+(?:new\s+)?(?:[\w-]+\s+){0,2}?(?:sensory\s+loss|weakness|numbness|foot\s+drop|deficits?)\b"
    r"|\bnow\s+(?:radiat\w+|going|spreading|extending)\s+(?:down|into|to)\b(?=[^.;]{0,40}\b(?:both|bilateral|previously|before|now))?"
    r"|\bpreviously\s+only\s+(?:the\s+)?(?:right|left|R|L)\b",
    _I,
)
#: The same symptoms as before, or as at the last study: "Sx otherwise unchanged since that MRI", "pain is the same as at
#: her last MRI", "Her symptoms have not changed since that MRI", "LBP x 3 yrs, no change".
_UNCHANGED = re.compile(
    r"\b(?:sx|symptoms?|exam|findings|complaints?)\b(?:\s+(?:and|&)\s+(?:exam|findings|symptoms))?[^.;]{0,25}?"
    r"\b(?:unchanged|(?:have|has)\s+not\s+changed|(?:is|are)\s+the\s+same|not\s+changed)\b"
    # pain alone only when set against the last study or told unchanged in its character
    r"|\bpain\b[^.;]{0,40}?\b(?:unchanged|(?:is|are)\s+the\s+same)\b[^.;]{0,15}?(?:\b(?:since|as\s+(?:at|of|on))\s+(?:the|that|her|his|its"
    r"|last|prior|previous)\s+(?:\w+\s+)?(?:MRI|EMG|NCS|study|studies|imaging|CT|x-?rays?|films?|scan)\b|\bin\s+character\b)"
    r"|\b(?:LBP|pain|sx|symptoms)\s+x\s*\d+\s*(?:yrs?|years?|mos?|months?)\s*,?\s+no\s+change\b"
    # the same since the last visit or study, or in its pattern: "stable since last visit", "pain pattern unchanged for > 1 yr"
    r"|\b(?:stable|unchanged)\s+since\s+(?:the\s+|her\s+|his\s+)?(?:last|prior|previous)\s+(?:visit|exam|MRI|EMG|study|imaging|scan)\b"
    r"|\bpain\s+pattern\s+(?:is\s+|has\s+been\s+)?unchanged\b",
    _I,
)
#: "No change in symptoms": the denial is the finding ("no change" is the same symptoms, not a change denied).
_NO_CHANGE = re.compile(
    r"\bno\s+(?:significant\s+|interval\s+|real\s+)?change\s+in\s+(?:(?:his|her|the)\s+)?(?:sx|symptoms|complaints|neurologic\w*\s+\w+)\b"
    r"|\b(?:sx|symptoms)\s+(?:are\s+|remain\s+)?stable\s*,?\s+(?:with\s+)?no\s+new\s+(?:complaints|symptoms|sx)\b",
    _I,
)


def _symptom_change(s: Sentence, ctx: Context) -> None:
    """Whether the symptoms changed since the last study: new or progressive neurological symptoms, or the same ones."""
    for m in finditer(_CHANGED, s.text):
        said = polarity(s.text, m.start(), m.end())
        if said == "affirmed" and not planned(s.text, m.start(), m.end()):
            record(s, ctx, "clinical.symptoms_changed", "yes", m)
        elif said == "negated":
            record(s, ctx, "clinical.symptoms_changed", "no", m)  # "no new weakness or numbness"
    for m in finditer(_UNCHANGED, s.text):
        if polarity(s.text, m.start(), m.end()) == "affirmed" or m.group().lower().endswith("no change"):
            record(s, ctx, "clinical.symptoms_changed", "no", m)
    if "change" in s.text.lower() or "stable" in s.text.lower():
        for m in finditer(_NO_CHANGE, s.text):
            record(s, ctx, "clinical.symptoms_changed", "no", m)


#: Home exercise not kept up: "noncompliant with HEP", "poor adherence to her home program", "not doing his home exercises".
_NOT_KEPT_UP = re.compile(
    r"\b(?:non-?\s?compliant|not\s+compliant|poor(?:ly)?\s+(?:compliance|compliant|adherence|adherent)|non-?adherent|not\s+adherent"
    r"|inconsistent|not\s+(?:doing|performing)|isn'?t\s+doing)\s+(?:with\s+|to\s+)?(?:(?:his|her|the|their)\s+)?$",
    _I,
)
#: Home exercise given up: "stopped doing her home exercises", "quit the HEP".
_GAVE_UP = re.compile(r"\b(?:stopped|quit|discontinued|gave\s+up)\s+(?:doing\s+|performing\s+)?(?:(?:his|her|the|their)\s+)?$", _I)


#: A home program to be taken up again, so not done now: "resume HEP", "restart her home exercises", "get back on the HEP".
_RESUMED = re.compile(r"\b(?:resume[sd]?|restart(?:s|ed)?|re-start|get\s+back\s+(?:to|on|into))\s+(?:(?:his|her|their|the|a)\s+)?$", _I)
#: The program said to go on, after it: "discharged him to a home program, which he continues".
_CONTINUED_AFTER = re.compile(
    r"\s*,?\s*(?:which|that)\s+(?:he|she|they|the\s+(?:patient|worker)|pt)\s+(?:still\s+)?(?:continues|does|performs|maintains"
    r"|keeps\s+up|is\s+(?:doing|continuing|performing)|has\s+(?:continued|kept\s+up))\b",
    _I,
)


#: How near a plan's "continue" stands to the home program it keeps up ("Continue PT and HEP", not
#: "Continue PT ... to complete the course, then HEP").
_KEPT_UP_REACH = 40


#: Motivation said to be lacking: "poor motivation for active therapy", "unmotivated", "lacks motivation".
_NOT_MOTIVATED = re.compile(
    r"(?:\b(?:poor|low|limited|little|lacks?|lack\s+of|questionable)\s+motivation|\b(?:un|not\s+|poorly\s+)motivated)"
    r"(?=\s+(?:for|to|in|toward)\b)",  # (for the care or a change: "poor motivation" alone is a mood's symptom)
    _I,
)


def _home_exercise(s: Sentence, ctx: Context, *, plan: bool = False) -> None:
    """A home program done (or not); one given up is not done, one taught or planned says nothing."""
    for m in finditer(_HOME_EXERCISE, s.text):
        if _CONTINUED_AFTER.match(s.text, m.end()):
            record(s, ctx, "clinical.home_exercise_program", "yes", m)  # "discharged to a home program, which he continues"
            continue
        if plan and not _KEPT_UP.search(s.text, max(0, m.start() - _KEPT_UP_REACH)):
            continue
        if _RESUMED.search(s.text[max(0, m.start() - 30) : m.start()]):
            record(s, ctx, "clinical.home_exercise_program", "no", m)  # "resume HEP": not done now
            continue
        if _GAVE_UP.search(s.text[max(0, m.start() - 40) : m.start()]) or _NOT_KEPT_UP.search(s.text[max(0, m.start() - 40) : m.start()]):
            record(s, ctx, "clinical.home_exercise_program", "no", m)
            continue
        said = polarity(s.text, m.start(), m.end())
        value = {"affirmed": "yes", "negated": "no", "undocumented": "unknown"}.get(said)
        if value == "yes" and planned(s.text, m.start(), m.end()) \
                and not _CONTINUE_BEFORE.search(s.text[max(0, m.start() - 40) : m.start()]):
            continue
        if value is not None:
            record(s, ctx, "clinical.home_exercise_program", value, m)


def _red_flags(s: Sentence, ctx: Context, pattern: re.Pattern[str]) -> None:
    """A red flag present or denied; one only taught or discussed ("red flags reviewed, ER if ...") says nothing."""
    for m in finditer(pattern, s.text):
        said = "negated" if _MINUS_BEFORE.search(s.text[: m.start()]) else polarity(s.text, m.start(), m.end())
        if said == "affirmed" and (
            _RED_FLAGS_TAUGHT.search(s.text[max(0, m.start() - 40) : m.end() + 40]) or planned(s.text, m.start(), m.end())
        ):
            continue
        value = {"affirmed": "yes", "negated": "no"}.get(said)
        if value is not None:
            record(s, ctx, "clinical.red_flags", value, m)


#: Worry about one thing, not an anxiety: "anxious about the hand", "anxious about needles", "anxious to get back to work".
_WORRIED_ABOUT = re.compile(r"\s+(?:\w+\s+)?(?:about|regarding|re\b:?|to|for|over)(?=\W)", _I)
#: Anxiety given as the reason for sedation, or about needles: a fear of the procedure, not an anxiety disorder
#: ("Request MAC / IV sedation given pt anxiety", "IV sedation ... due to her anxiety", "| MAC | patient anxious |").
_PROCEDURE_FEAR = re.compile(
    r"\b(?:sedation|sedated|(?-i:MAC)|monitored\s+anesthesia|anesthesia\s+care|needles?|needle[- ]phob\w*|claustrophob\w*)\b", _I
)
#: A mood screen named, whose result `_mood_screens` reads: "(-) depression screen PHQ-2", "depression screening".
_SCREEN_NAMED = re.compile(r"\s*(?:screen\w*|scale|inventory|questionnaire)\b", _I)


def _mood(s: Sentence, ctx: Context, pattern: re.Pattern[str]) -> None:
    """Depression or anxiety stated or denied; worry about one thing, a screen to come or named, says nothing."""
    for m in finditer(pattern, s.text):
        if m.group().lower() == "anxious" and _WORRIED_ABOUT.match(s.text, m.end()):
            continue
        if m.group().lower().startswith("anxi") and _PROCEDURE_FEAR.search(s.text):
            continue
        if _SCREEN_NAMED.match(s.text, m.end()):
            continue
        said = "negated" if _MINUS_BEFORE.search(s.text[: m.start()]) else polarity(s.text, m.start(), m.end())
        if said == "affirmed" and planned(s.text, m.start(), m.end()):
            continue
        value = {"affirmed": "yes", "negated": "no", "undocumented": "unknown"}.get(said)
        if value is not None:
            record(s, ctx, "clinical.depression_or_anxiety", value, m)


def _red_flag_screen(s: Sentence, ctx: Context) -> None:
    """The red-flag questions answered no; a fever or weight loss denied alone documents no screen (`_RED_FLAG_SCREEN`)."""
    denied = [m for m in finditer(_RED_FLAG_SCREEN, s.text) if _denied(s.text, m)]
    if not denied:
        return
    if any(m.group("general") is None and m.group("site") is None for m in denied):
        record(s, ctx, "clinical.red_flags", "no", denied[0])
    elif any(m.group("site") for m in denied) and any(re.match(r"fever|afebrile", m.group(), _I) for m in denied) \
            and _WOUND.search(s.text) and not _DRAIN_LEFT.search(s.text):
        record(s, ctx, "clinical.red_flags", "no", denied[0])  # the wound screen after surgery: no drainage, no fever


#: The wound the drainage is of; a drain or a little drainage is no denial of it.
_WOUND = re.compile(r"\b(?:wound|incisions?|surgical\s+site|portals?|c/d/i)(?![\w])", _I)
_DRAIN_LEFT = re.compile(r"\b(?:minimal|scant|small|slight|some|serous)\s+drainage\b|\bdrain\b", _I)


def _denied(text: str, m: re.Match[str]) -> bool:
    if m.group().lower() == "afebrile":
        return True
    if polarity(text, m.start(), m.end()) == "negated" or m.group().lower().startswith("ha"):
        return True
    return bool(_MINUS_BEFORE.search(text[: m.start()]))


def _exacerbation(s: Sentence, ctx: Context, pattern: re.Pattern[str]) -> None:
    """A flare that happened; a drug kept "for flare-ups" names no flare."""
    for m in finditer(pattern, s.text):
        if _FOR_FLARES.search(s.text[max(0, m.start() - 40) : m.start()]):
            continue
        said = polarity(s.text, m.start(), m.end())
        value = {"affirmed": "yes", "negated": "no", "undocumented": "unknown"}.get(said)
        if value is not None:
            record(s, ctx, "clinical.acute_exacerbation", value, m)


def _surgery_and_care(s: Sentence, ctx: Context, previous: str) -> None:
    """Surgical candidacy the patient accepts or a surgeon rules out; conservative care that failed.

    Its patterns are asked once for the sentence (`shut`): an ask whose pattern cannot match is one set test.
    """
    dead = shut(_CARE_ASKS, s.text)
    for m in () if id(_PROCEEDS) in dead else finditer(_PROCEEDS, s.text):
        if (search(_OPERATION_WORD, s.text) or _OPERATION_WORD.search(previous)) and polarity(s.text, m.start(), m.end()) == "affirmed":
            record(s, ctx, "clinical.surgical_candidate", "yes", m)
    for m in () if id(_NOT_SURGICAL) in dead else finditer(_NOT_SURGICAL, s.text):
        record(s, ctx, "clinical.surgical_candidate", "no", m)
    for m in () if id(_NOT_OPPOSED) in dead else finditer(_NOT_OPPOSED, s.text):  # its own "not" negates nothing; an attitude, never a plan
        record(s, ctx, "clinical.surgical_candidate", "yes", m)
    for m in () if id(_SURGERY_PLANNED) in dead else finditer(_SURGERY_PLANNED, s.text):
        if polarity(s.text, m.start(), m.end()) == "affirmed" and not _NOT_THE_PLAN.search(s.text[max(0, m.start() - 30) : m.start()]):
            record(s, ctx, "clinical.surgical_candidate", "yes", m)

    for m in () if id(_CARE_WORKING) in dead else finditer(_CARE_WORKING, s.text):
        if polarity(s.text, m.start(), m.end()) == "affirmed":
            record(s, ctx, "clinical.conservative_care_failed", "no", m)
    for m in () if id(_CARE_FAILED) in dead else finditer(_CARE_FAILED, s.text):
        if polarity(s.text, m.start(), m.start() + 1) != "hedged" and not _required(s.text, m.start()):
            record(s, ctx, "clinical.conservative_care_failed", "yes", m)
    # told of the care as it went, in a plan's reasons too; a condition set on the care is no outcome
    for m in finditer(_CARE_OUTLASTED, s.text):
        if (polarity(s.text, m.start(), m.end()) == "affirmed" and not planned(s.text, m.start(), m.end())
                and not _CONDITIONAL.search(s.text[max(0, m.start() - 40) : m.start()])):
            record(s, ctx, "clinical.conservative_care_failed", "yes", m)
    if s.section == "plan":
        return
    for pattern in (_DESPITE_CARE, _FAILED_CARE):
        for m in () if id(pattern) in dead else finditer(pattern, s.text):
            told = pattern is _FAILED_CARE or _CARE_TOLD.search(s.text[: m.start()]) or _CARE_TOLD.search(previous)
            if told and polarity(s.text, m.start(), m.end()) == "affirmed":
                record(s, ctx, "clinical.conservative_care_failed", "yes", m)
    for pattern in (_STILL_AFTER_CARE, _GOES_ON_IN_CARE):
        for m in finditer(pattern, s.text):
            if (_CARE_TOLD.search(s.text[: m.start()]) or _CARE_TOLD.search(previous)) and polarity(s.text, m.start(), m.end()) == "affirmed" \
                    and not _CONDITIONAL.search(s.text[max(0, m.start() - 40) : m.start()]):
                record(s, ctx, "clinical.conservative_care_failed", "yes", m)
    for pattern, care in ((_PERSISTED, _CARE_TOLD), (_NOT_PROGRESSING, _COURSE_TOLD)):
        for hit in () if id(pattern) in dead else finditer(pattern, s.text):
            if care.search(s.text[: hit.start()]) and polarity(s.text, hit.start(), hit.end()) == "affirmed":
                record(s, ctx, "clinical.conservative_care_failed", "yes", hit)
    for m in () if id(_RECURRED) in dead or not search(_RECURRENCE_WORD, s.text) else finditer(_RECURRED, s.text):
        if (_CARE_TOLD.search(s.text[: m.start()]) or _CARE_TOLD.search(previous)) and polarity(s.text, m.start(), m.end()) == "affirmed":
            record(s, ctx, "clinical.conservative_care_failed", "yes", m)
    for m in finditer(_NO_BENEFIT, s.text):
        clause = _clause_start(s.text, m.start())
        tried = ctx.vocab.identify(s.text[clause : min(m.start(), clause + 60)])
        if tried is not None and m.group()[:1].isspace() and tried.category != "service":
            continue  # "ibuprofen 600 mg TID - no help" in a drug list: a drug that failed, said of the drug
        if tried is not None and tried.start <= _SUBJECT_AT and polarity(s.text, m.start(), m.start() + 1) == "affirmed":
            record(s, ctx, "clinical.conservative_care_failed", "yes", m)


#: Symptoms back after care that gave relief for a while: "First gave ~4 months, second ~6 weeks; locking is back
#: and worse", "the pain returned", "symptoms recurred".
_RECURRED = re.compile(
    r"\b(?:symptoms?|pain|locking|triggering|catching|numbness|tingling)\s+(?:(?:is|are|has|have)\s+(?:now\s+)?(?:back|returned|recurred"
    r"|come\s+back)|returned|recurred|came\s+back)\b",
    _I,
)
#: The symptom the care was for still there, told after the care (round 13): "Did 8 PT visits ... Swelling down some but
#: still LOCKS", "splint at night for 2 months, but still has numbness". A limitation told so ("still can't lift 15 lbs")
#: is how far function has come while care goes on, not the care's failure; nor is pain alone, which care eases by degrees.
_STILL_AFTER_CARE = re.compile(
    r"\bstill\s+(?:locks?|locking|catch(?:es|ing)?|gives?\s+way|giving\s+way|unstable|symptomatic|numb|triggers?|triggering"
    r"|has\s+(?:numbness|locking|instability|triggering|tingling|radicular|radiating)|having\s+(?:numbness|locking|instability|episodes))\b",
    _I,
)
#: The symptom going on in the device or with the care (round 13): "the giving way continues even in the brace".
_GOES_ON_IN_CARE = re.compile(
    rf"\b{_SYMPTOM}\s+(?:\w+\s+){{0,2}}?(?:continues?|continued|persists?|persisted|remains?|recurs?)\s+(?:even\s+)?"
    rf"(?:in|with|despite|while\s+(?:in|wearing|using|on))\s+(?:the\s+|a\s+|his\s+|her\s+)?(?:\w+\s+)?(?:{_DEVICE_CARE}|{_CARE}|boot|sling|collar)\b",
    _I,
)
#: The symptoms still there at the end of a sentence that told the care: "treated with epidural injections,
#: anti-inflammatory and narcotic medication; back pain persisted", "has had PT and meds; the pain persists".
_PERSISTED = re.compile(
    r"\b(?:pain|symptoms?|sx|complaints?)\s+(?:persisted|persists|continued|continues|remained|remains)(?:\s+unchanged)?\s*(?=[.;]|$)", _I
)
#: A course stopped for want of progress: "a work hardening program was stopped because he was not progressing".
_NOT_PROGRESSING = re.compile(
    r"\b(?:stopped|discontinued|ended|terminated|halted)\s+(?:early\s+)?(?:because|as|since|when|due\s+to|for)\s+(?:[\w']+\s+){0,3}?"
    r"(?:not\s+progressing|(?:lack\s+of|no|poor|insufficient)\s+progress|(?:had\s+)?plateaued|not\s+improving|no\s+improvement)\b",
    _I,
)
_RECURRENCE_WORD = re.compile(r"back|return|recur", _I)  # a cheap first test: "pain" stands in most sentences
#: Care named in a sentence, a drug or a therapy or a procedure done ("Injected twice", "splinted 8 weeks").
_CARE_TOLD = re.compile(
    rf"\b{_CARE}\b|\binjected\b|\bsplint(?:ed|ing|s)?\b|\bbrac(?:e|es|ed|ing)\b|\brehab(?:ilitation)?\b|\borthotics?\b", _I
)
#: A course of care a program names: what _NOT_PROGRESSING says was stopped.
_COURSE_TOLD = re.compile(rf"\b{_CARE}\b|\bprogram\b|\bwork\s+(?:hardening|conditioning)\b|\brehab(?:ilitation)?\b", _I)
#: Care that did not do enough, told after it: "has worn a brace ...; despite this he continues to roll the ankle",
#: "12 visits of PT ...; despite this he has failed to progress".
_DESPITE_CARE = re.compile(r"\b(?:despite|in\s+spite\s+of)\s+(?:this|these|that|them|it|all\s+(?:of\s+)?(?:this|these|that))\b", _I)
#: Care failed, named by its kind: "Failed functional rehabilitation and bracing", "failed splinting and NSAIDs".
_FAILED_CARE = re.compile(
    r"\bfailed\s+(?:(?:a|an|the|all)\s+)?(?:(?:course|trial)s?\s+of\s+)?(?:conservative|functional\s+rehab\w*|rehab\w*|brac(?:e|ing)"
    r"|splint(?:s|ing)?|orthotics?|immobiliz\w*|casting|activity\s+modification)\b",
    _I,
)
#: The patterns `_surgery_and_care` asks each sentence about, asked once for all (`shut`); one left out is only asked.
_CARE_ASKS = (
    _PROCEEDS, _NOT_SURGICAL, _NOT_OPPOSED, _SURGERY_PLANNED, _CARE_WORKING, _CARE_FAILED, _DESPITE_CARE, _FAILED_CARE,
    _PERSISTED, _NOT_PROGRESSING, _RECURRED,
)


#: A failure of care named as what a guideline or an operation requires, not as this worker's history: "the guidelines
#: require failure of conservative care before surgery", "indicated only after failed conservative treatment".
_REQUIRED_BEFORE = re.compile(
    r"\b(?:requir\w*|criteri(?:a|on)|guidelines?|indicated\s+(?:only\s+)?(?:after|when|if|once|for)|until|unless|in\s+the\s+absence\s+of"
    r"|(?:must|should|needs?\s+to)\s+(?:first\s+)?(?:have|show|document|demonstrate))\b[^.;]{0,50}$",
    _I,
)


def _required(text: str, start: int) -> bool:
    return bool(_REQUIRED_BEFORE.search(text[max(0, start - 80) : start]))


def _care_failed_cue(s: Sentence, ctx: Context, pattern: re.Pattern[str]) -> None:
    """Conservative care said to have failed (or not); a failure a guideline or a plan requires says nothing."""
    for m in finditer(pattern, s.text):
        if _required(s.text, m.start()):
            continue
        said = polarity(s.text, m.start(), m.end())
        value = {"affirmed": "yes", "negated": "no", "undocumented": "unknown"}.get(said)
        if value is not None:
            record(s, ctx, "clinical.conservative_care_failed", value, m)


def _clause_start(text: str, at: int) -> int:
    """Where the clause holding *at* begins: after the last comma, semicolon or 'and' before it."""
    cuts = [m.end() for m in _CLAUSE_CUT.finditer(text, 0, at) if text.count("(", 0, m.start()) <= text.count(")", 0, m.start())]
    return cuts[-1] if cuts else 0


#: The peripheral parts one of which a case's pain may be confined to (corpus README: a knee, a wrist, a shoulder, a heel).
_PERIPHERAL_PARTS = frozenset({"shoulder", "elbow", "wrist", "hand", "hip", "knee", "ankle", "foot"})
#: A diagnosis of the spine or of pain in many places, or of both sides, in words the anatomy index does not map to a
#: part: such a case's pain is not confined to one peripheral site.
_NOT_ONE_SITE = re.compile(
    r"\b(?:bilat\w*|both|cervicalgia|lumbago|neck|back|spin(?:e|al)|lumbar|cervical|thoracic|sacr\w*|radicul\w*|sciatica"
    r"|fibromyalgia|myofascial|widespread|diffuse|chronic\s+pain\s+syndrome|polyneuropath\w*)\b",
    _I,
)


def read_localized_site(ctx: Context) -> None:
    """Localized pain (lidocaine patch, CPMTG p. 56-57): the case's diagnoses all name one peripheral part.

    Clinicians rarely write "localized"; they name the part: "R shoulder impingement", "L lateral epicondylitis". A
    case whose diagnoses name the spine, both sides, or two parts apart is left out (corpus README's reading: spine
    pain and pain in several regions leave it out); a widespread pain the note states ("no") is kept.
    """
    votes = ctx.draft.findings.get("clinical.localized_pain")
    if votes is not None and (votes.no or votes.yes):
        return
    parts: list[str] = []
    evidence: Evidence | None = None
    for entry in ctx.draft.diagnoses.values():
        regions = [r for r in entry["body_regions"] if r not in ("left", "right")]
        if _NOT_ONE_SITE.search(entry["name"]) or any(r not in _PERIPHERAL_PARTS for r in regions):
            return
        if not regions:
            continue
        parts += [r for r in regions if r not in parts]
        if evidence is None and entry["evidence"]:
            evidence = entry["evidence"][0]
    if not parts or evidence is None or any(ctx.vocab.regions_apart(a, b) for i, a in enumerate(parts) for b in parts[i + 1 :]):
        return
    ctx.draft.finding("clinical.localized_pain", "yes", evidence)


#: Drugs that raise the GI risk of an NSAID (CPMTG p. 68): by class, and aspirin by name.
GI_RISK_CLASSES = frozenset({"anticoagulant", "antiplatelet", "corticosteroid"})
GI_RISK_INGREDIENTS = frozenset({"aspirin"})


def read_age_risk(ctx: Context) -> None:
    """An age over 65, or aspirin, a corticosteroid or an anticoagulant taken, is a GI risk factor for NSAIDs (CPMTG p. 68).

    A drug taken for a problem outside the claim counts as much as any: the risk is the patient's.
    """
    d = ctx.draft
    if d.age is not None and d.age > GI_RISK_AGE and d.claimant_evidence:
        d.finding("clinical.gi_risk_factors", "yes", d.claimant_evidence[0])
    for drug in d.drugs:
        risky = GI_RISK_CLASSES & set(drug.classes) or GI_RISK_INGREDIENTS & set(drug.ingredients)
        if risky and drug.status == "current" and drug.evidence:
            d.finding("clinical.gi_risk_factors", "yes", drug.evidence[0])


def read_requested_surgery(ctx: Context) -> None:
    """An operation the note requests makes the worker a surgical candidate, unless the note says he is not one.

    The corpus README's convention ("Key conventions"): yes where a surgeon or the note calls the worker a candidate,
    or surgery is recommended, planned, scheduled or requested; no where the note says not a candidate or the
    worker declines. Only a progress note's request lines say what its author asks for (a letter's items are
    the disputed requests, read there as the reviewer tells them).
    """
    votes = ctx.draft.findings.get("clinical.surgical_candidate")
    if not ctx.note or (votes is not None and votes.no):
        return
    for item in ctx.items:
        if "surgery" in item.classes:
            ctx.draft.finding("clinical.surgical_candidate", "yes", Evidence(quote=item.text, source="request"))
            return


#: The patterns `read_clinical` asks each sentence about itself, asked once for all (`shut`); one left out is only asked.
_CLINICAL_ASKS = (_STABLE_PAIN, _NO_AID, _NORMAL_GAIT, _WIDESPREAD, _NERVE_SYMPTOMS, _NERVE_SYMPTOMS_RESOLVED, _KEPT_UP, _NOT_MOTIVATED)


#: The cues whose finding needs more than the cue's own polarity: each read by its own reader.
_OWN_CUE_READERS: dict[str, Callable[[Sentence, Context, re.Pattern[str]], None]] = {
    "clinical.acute_exacerbation": _exacerbation,
    "clinical.red_flags": _red_flags,
    "clinical.depression_or_anxiety": _mood,
    "clinical.conservative_care_failed": _care_failed_cue,
    "clinical.dyspepsia": _dyspepsia,
    "clinical.significant_functional_loss": _functional_loss,
    "clinical.functional_restoration_adjunct": _adjunct,
}
