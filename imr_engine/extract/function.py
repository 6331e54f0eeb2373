"""Function: objective (measured) vs subjective improvement, return to work, work status.

Functional improvement (8 CCR 9792.20) must be measured: a number of minutes walked,
pounds lifted, a percentage gain in activities, a return to work or fewer
restrictions. A statement that medications help, reduce pain or allow more activity,
without a measure, is subjective. "Activity level remained the same" documents no
improvement; "there was no documentation of improvement in ... function" documents
nothing (the finding stays unknown, with the sentence as its evidence).
"""

from __future__ import annotations

import re

from .checkboxes import bare_marks, has_boxes, ticked_spans
from .context import Context
from .dates import find_dates
from .findings import clause_evidence, read_cue, record
from .medications import drug_mentions, may_name_a_drug
from .negation import clause_bounds, polarity
from .numbers import NUMBER
from .other_person import told_of_another
from .planned import planned
from .sentences import Sentence
from .word_gate import among, finditer, search, shut

_I = re.IGNORECASE
_BENEFIT_VERB = re.compile(
    r"\b(?:medications?|meds|medicines?)\s+(?:[\w']+\s+){0,2}?(?P<verb>helped|help|helps|(?:were|was|are|is)\s+(?:helpful|effective|beneficial)"
    r"|(?:were|was|are|is)\s+working(?:\s+well)?|works?\s+well|reduced?|reduces|decreased?|decreases|produced?|produces"
    r"|provided?|provides|allowed?|allows|improved?|improves|made)\b",
    _I,
)
_BENEFIT_OBJECT = re.compile(
    r"\bpain\b|\bfunction|\brelief\b|\bactivit|\bbenefit|\btolerable|\bsleep|\bwell\b|\bcapab|\bable\b", _I
)
_WITH_MEDICATION = re.compile(
    r"\bwith\s+(?:the\s+|his\s+|her\s+)?medications?,?\s+(?:(?:his|her|the)\s+)?pain\s+(?:was|is|became)\s+"
    r"(?:more\s+tolerable|better|improved|reduced|decreased|manageable|controlled)",
    _I,
)
#: An amount in figures or words; a word amount is a whole word ("an hour", never the "an" of "any").
_AMOUNT = (
    r"(?:\d+(?:\.\d+)?|(?:an?|half\s+an?|one|two|three|four|five|six|seven|eight|nine|ten|fifteen|twenty|thirty|forty"
    r"|forty-five|sixty)\b)"
)
_UNIT = r"(?:min(?:ute)?s?|hrs?|hours?|blocks?|miles?|lbs?|pounds?|kgs?|feet|ft|steps|flights?)"
_MEASURED = re.compile(
    r"\b(?:able\s+to|can\s+now|now\s+able\s+to)\s+[^.;]{0,40}?\d+\s*(?:minutes?|hours?|blocks?|miles?|pounds?|lbs?|feet|steps)\b"
    r"|\b\d+\s*(?:%|percent)\s+(?:improvement|increase|gain)\s+in\s+(?:function|ADLs?|activit)"
    r"|\b(?:walk|sit|stand|lift|drive|carry)\w*\s+(?:for\s+)?(?:up\s+to\s+)?\d+\s*(?:minutes?|hours?|blocks?|miles?|pounds?|lbs?|feet)\b"
    r"|\bincreased?\s+(?:from|to|by)\s+\d+[^.;]{0,30}?\b(?:minutes?|hours?|blocks?|miles?|pounds?|lbs?|feet|points?)"
    r"|\b\d+\s*(?:min(?:utes?)?|hrs?|hours?|blocks?|miles?|lbs?|pounds?|feet|ft)\.?\s+(?:now\s+)?(?:vs\.?|versus|compared\s+(?:to|with))\s+\d+"
    r"|\b(?:from|up\s+from)\s+\d+\s*(?:min(?:utes?)?|hrs?|hours?|blocks?|miles?|lbs?|pounds?|feet|ft)?\.?\s+to\s+\d+\s*(?:min(?:utes?)?|hrs?|hours?|blocks?|miles?|lbs?|pounds?|feet|ft)\b"
    r"|\b(?:ODI|Oswestry|NDI|neck\s+disability\s+index|DASH|QuickDASH)\b[^.;]{0,30}?\b(?:improved|decreased|down|reduced|dropped)\b"
    r"|\b(?:ODI|Oswestry|NDI|neck\s+disability\s+index|DASH|QuickDASH)\b[^.;]{0,20}?\d+\s*%?[^.;]{0,15}?\b(?:vs\.?|versus|from|was|compared)\s*\d+"
    rf"|\b{_AMOUNT}\s*{_UNIT}\b(?:(?!\bbut\b)[^.;]){{0,40}}?(?:\(|\b)(?:was|were|vs\.?|versus|compared\s+(?:to|with)|up\s+from|from|before|previously"
    rf"|(?:at\s+)?(?:IE|intake|baseline|initial(?:\s+eval\w*)?))\s*:?\s*(?:only\s+)?(?:~|about)?\s*{_AMOUNT}\s*{_UNIT}?"
    rf"|\b{_AMOUNT}\s*{_UNIT}\b[^.;]{{0,25}}?\(\s*(?:~|about)?\s*{_AMOUNT}\s*{_UNIT}?\s+(?:off|without|w/o)\b"
    # what the worker can do with the drug against without it: "With Ultram ER able to work 6-hr shifts (without it 2-3 hrs)"
    rf"|\bwith\s+(?:the\s+|his\s+|her\s+)?[\w-]+(?:\s+(?:ER|IR|XR|SR|CR|CD))?\s*,?\s+(?:(?:he|she|pt)\s+)?(?:is\s+)?(?:able\s+to|can)\b"
    rf"[^.;]{{0,60}}?\d+\s*-?\s*{_UNIT}\b[^.]{{0,60}}?\b(?:without|w/o|off)\s+(?:it|them|meds?|medications?|the\s+\w+)\b[^.;]{{0,20}}?{_AMOUNT}"
    # so much more than before: "able to walk 20 minutes longer", "sits an hour longer", "walks 2 blocks further"
    rf"|\b(?:walk|sit|stand|lift|drive|carry|work)\w*\s+(?:for\s+)?{_AMOUNT}\s*{_UNIT}\s+(?:longer|further|farther|more)\b"
    # with the drug against without it, the without told in words: "With meds he can walk 1 mile; without, only to the mailbox"
    rf"|\bwith\s+(?:the\s+|his\s+|her\s+)?(?:meds|medications?|medicines?|it|them|\w+)\s*,?\s+(?:(?:he|she|pt)\s+)?(?:(?:is\s+)?(?:able\s+to|can)\b"
    r"|(?:works?|walks?|sits?|stands?|drives?|lifts?|does|gets?)\b)"
    rf"[^.;]{{0,40}}?\d+(?:\.\d+)?\s*-?\s*{_UNIT}\b(?:[^.;]{{0,50}}?)?\s*[;,]\s*(?:but\s+)?(?:without|w/o|off)\b(?:\s+(?:it|them|meds?|medications?))?\s*,?\s*"
    r"(?:only|just|barely|can(?:not|'t)|unable|not\s+able|less\s+than)\b"
    rf"|\b{_AMOUNT}\s*{_UNIT}\b[^.;]{{0,60}}?\b(?:could\s+not|couldn't|was\s+unable\s+to|unable\s+to)\b[^.;]{{0,40}}?\b(?:before|previously|last\s+\w+|prior|until)\b"
    # the earlier time named first: "walking her dog 20 minutes twice a day (previously unable to walk to the corner)"
    rf"|\b{_AMOUNT}\s*{_UNIT}\b[^.;]{{0,40}}?\(?\b(?:previously|before(?:\s+\w+){{0,3}}?|formerly|pre-?op(?:eratively)?|at\s+(?:intake|baseline|(?:the\s+)?(?:first|initial)\s+visit))\s*[,:]?\s*"
    r"(?:she\s+|he\s+|pt\s+)?(?:was\s+)?(?:unable|could\s*(?:not|n't)|not\s+able)\b",
    _I,
)
#: A capacity with an arrow or from/to: "sitting tolerance 20 min -> 60 min", "went from 4 h/day to 6 h/day".
_MEASURED_PAIR = re.compile(
    rf"\b(?<!/)(?P<a>\d+(?:\.\d+)?)\s*(?P<u>{_UNIT}|h)?(?:/day|\s+(?:a|per)\s+day)?\s*(?:->|-->|=>|\u2192)\s*(?P<b>\d+(?:\.\d+)?)\s*(?:{_UNIT}|h)\b"
    rf"|\bfrom\s+(?P<c>\d+(?:\.\d+)?)\s*(?:h|hrs?|hours?)(?:/day|\s+(?:a|per)\s+day)?\b[^.;]{{0,30}}?\bto\s+(?P<d>\d+(?:\.\d+)?)\s*(?:h|hrs?|hours?)\b",
    _I,
)
#: A capacity stated as a limit is not an improvement: "still cannot lift more than 10 lbs".
_LIMITATION = re.compile(
    r"\b(?:cannot|can'?t|unable|not\s+able|still|only|limited|no\s+more\s+than|maximum|max|restricted|at\s+most)\b[^.;]{0,25}$",
    _I,
)
_COMPARED = re.compile(
    r"\b(?:vs\.?|versus|compared|from|previously|before|used\s+to|increased|improved|up\s+from|now)\b"
    r"|\b(?:off|without)\s+(?:it|them|the\s+\w+|meds?|medications?)\b|(?<!\w)w/o(?!\w)"
    r"|\(\s*(?:was|were)\b|\b(?:was|were)\s+(?:only\s+)?\d|->|=>|\u2192|\(\s*(?:at\s+)?(?:IE|intake|baseline|initial)\b"
    r"|\b\w+\s+(?:longer|further|farther)\b|\b(?:off|without)\s*,|\bpre-?op(?:eratively)?\b",
    _I,
)
#: A thing done now that could not be done before: "can now turn his head enough to back out of the driveway,
#: which he could not do in July".
_NOW_NOT_BEFORE = re.compile(
    r"\b(?:can(?:\s+now)?|now\s+(?:able\s+to|can)|(?:is\s+|are\s+)?(?:now\s+)?able\s+to)\b[^.;]{0,90}?\b(?:which|that|what)\s+(?:he|she|they)\s+"
    r"(?:could\s*(?:not|n't)|was\s+unable\s+to|couldn't)\b",
    _I,
)
_ADL = re.compile(
    r"\b(?:ADLs?|activities\s+of\s+daily\s+living|self[- ]care|household\s+(?:chores|tasks)|chores|housework)\b"
    # the daily activities said unchanged in so many words: "No change in activity since last year", "no change in
    # his daily activities" (not an activity level or restriction, nor a change expected)
    r"|(?<=\bchange\sin\s)(?:(?:his|her|their)\s+)?(?:daily\s+)?activit(?:y|ies)\b(?!\s+(?:level|restrictions?|modification|tolerance))",
    _I,
)
_ADL_BETTER = re.compile(
    r"\b(?:improved|improvement|better|increased|easier|now\s+(?:able|does|can)|able\s+to|independent|resumed"
    r"|(?:allows?|lets|enables?|permits?)\s+(?:him|her|them|the\s+patient|pt)\s+to)\b",
    _I,
)
#: A state aimed at, not reached: "Goal: independent with ADLs", "will work toward independence in self-care".
_GOAL = re.compile(r"\b(?:goals?|aims?|targets?|will|plan(?:s|ned)?\s+to|hop(?:e|es|ed|ing)|expect\w*)\b[^.;]{0,40}$", _I)
#: ADLs told as no better: "ADLs unchanged", "activities of daily living remain limited, without change".
_ADL_SAME = re.compile(r"\bunchanged\b|\b(?:no|without)\s+(?:\w+\s+)?change\b|\bthe\s+same\b|\bno\s+better\b|^\s*[:=-]\s*same\b", _I)
#: No change named before the ADLs: "No change in ADLs", "no improvement in her ability to perform ADLs".
_ADL_SAME_BEFORE = re.compile(
    r"\b(?:no|without(?:\s+any)?)\s+(?:significant\s+|real\s+|meaningful\s+|appreciable\s+)?(?:change|improvement|difference|gains?)\s+"
    r"(?:in|with)\s+(?:(?:his|her|their|the|overall)\s+)?(?:ability\s+to\s+(?:do|perform)\s+(?:(?:his|her|their)\s+)?)?$",
    _I,
)
#: An ability told with its limit, no better: "able to perform ADLs with difficulty", "independent with ADLs but slow".
_WITH_LIMIT = re.compile(
    r"[^.;]{0,25}?\b(?:with\s+(?:some\s+|great\s+|much\s+|moderate\s+|significant\s+|increased\s+)?(?:difficulty|pain|discomfort|assistance|help)"
    r"|slowly|with\s+(?:frequent\s+)?(?:breaks|rest(?:s|ing)?)|but\b|limited\b)",
    _I,
)
#: Activities of daily living as notes name them, beyond the word "ADLs".
_ACTIVITY = re.compile(
    r"\b(?:(?:grocery\s+)?shopping|groceries|errands|yard\s*work|gardening|laundry|cooking"
    r"|(?:cooks?|cooked)\s+(?:meals|dinner|breakfast|lunch|for\s+(?:the|his|her|my)\s+(?:family|kids|children|husband|wife))"
    r"|(?<=\band\s)cook|(?<=\bto\s)cook|mow(?:s|ed|ing)?\s+(?:(?:the|his|her|a)\s+)?(?:[\w/-]+\s+){0,2}?(?:lawn|yard|grass)"
    r"|housework|house\s*cleaning|cleaning|chores|dishes|vacuum\w*|mopping|dressing|bathing|showering|shower|self[- ]care"
    r"|(?:dress|bathe|feed)(?:es|s|ed|ing)?\s+(?:himself|herself|themselves)|grooming|(?:drive|drives|driving)(?!-)|walk(?:s|ed|ing)?\s+(?:(?:his|her|the)\s+)?dog|coach\w*|play(?:s|ing)?\s+with\s+(?:his|her)\s+\w+"
    r"|lift(?:s|ing)?\s+(?:his|her)\s+(?:\d+\s*(?:lb|lbs|pound)\s+)?(?:toddler|child|son|daughter|grandchild\w*|baby|grandson|granddaughter)"
    r"|care\s+(?:for|of)\s+(?:his|her)\s+\w+|leaves?\s+the\s+house|leave\s+home|get\s+dressed"
    # self-care and getting about, as notes name them: "wash his hair", "put on a shirt", "reach the top shelf",
    # "climbs bus steps", "grocery shops", "walks around the block", "walk 1 mile daily", "walks 25 minutes"
    r"|wash(?:es|ing)?\s+(?:(?:his|her|their)\s+)?hair|put(?:s|ting)?\s+on\s+(?:a|his|her)\s+(?:own\s+)?(?:t-?\s?)?(?:shirt|shoes|socks|pants|coat|jacket|bra)"
    # lying on the painful side, combing, reaching a cupboard, getting into a car, a bra: "sleeping on R side now", "comb her
    # hair", "reach a cupboard at shoulder height", "get in and out of the truck", "could wear a bra again"
    r"|sleep(?:s|ing)?\s+on\s+(?:(?:his|her|the|my)\s+)?(?:R|L|rt|lt|right|left|affected|involved|operative|injured|surgical)\s+side"
    r"|comb(?:s|ed|ing)?\s+(?:(?:his|her|their)\s+)?hair|reach(?:es|ed|ing)?\s+(?:a|the|into\s+(?:a|the))\s+(?:\w+\s+)?(?:cupboard|cabinet|shel(?:f|ves))"
    r"|get(?:s|ting)?\s+in\s+and\s+out\s+of\s+(?:a|the|his|her)\s+(?:car|truck|bed|tub|bathtub|shower|vehicle)|wear(?:s|ing)?\s+(?:a|her)\s+bra"
    # small tasks of the hand: "button his shirt", "hold a cup", "brush her teeth", "open jars", "mowed the lawn"
    r"|button(?:s|ing)?\s+(?:(?:his|her|a)\s+)?(?:shirt|coat|blouse|jacket)s?|hold(?:s|ing)?\s+a\s+(?:cup|glass|fork|pen|coffee)"
    r"|brush(?:es|ing)?\s+(?:(?:his|her|their)\s+)?(?:teeth|hair)|open(?:s|ing)?\s+(?:jars?|bottles?)|mow(?:s|ed|ing)?\s+the\s+lawn"
    r"|tie\s+(?:his|her)\s+shoes|reach(?:es|ing)?\s+(?:the\s+)?(?:top|upper|high)\s+shel\w+|climb(?:s|ed|ing)?\s+(?:the\s+|bus\s+)?(?:stairs|steps)"
    r"|(?:grocery\s+)?shops|grocery\s+shop\b|walk(?:s|ed|ing)?\s+(?:around\s+the\s+block|to\s+the\s+(?:mailbox|corner|store)|\d+(?:\.\d+)?\s*(?:min(?:ute)?s?|miles?|mi|blocks?)\b))",
    _I,
)
#: The activity is done again or better: "doing his own shopping again", "back to coaching", "could not do last summer".
_ACTIVITY_GAIN = re.compile(
    r"\b(?:again|now|for\s+the\s+first\s+time|back\s+to|resumed|(?:his|her)\s+own|does\s+own|lets\s+(?:him|her)"
    r"|allows?\s+(?:him|her)|no\s+longer\s+needs?|up\s+from|at\s+intake|at\s+(?:the\s+)?start\s+of\s+(?:care|treatment)"
    # what the medication makes possible, against what the worker cannot do without it: "With meds he ... mows his lawn;
    # w/o them cannot sit through a shift"
    # activities given up and taken up again: "doing things at home I stopped doing, like cooking dinner"
    r"|(?:things|activities)\s+(?:at\s+home\s+)?(?:I|she|he|they)\s+(?:had\s+)?(?:stopped|quit|gave\s+up)\s+doing"
    r"|with\s+(?:the\s+|his\s+|her\s+)?(?:meds|medications?|medicines?)\b(?=[^.]{0,120}\b(?:without|w/o|off)\s+(?:them|it|meds|medications?)[^.]{0,20}?\b(?:cannot|can'?t|unable|could\s*not))"
    # a thing not done since the injury until now, or done again since a time: "which she had not done since the injury",
    # "something he had not done since 2014", "dresses himself since wk 3", "could not at 4 wks"
    r"|(?:had|has)\s*(?:not|n't)\s+(?:done|been\s+able\s+to\s+do)\s+(?:\w+\s+){0,2}?(?:since|in)\b"
    r"|since\s+(?:wk|week|post-?op\s+(?:wk|week)|POD|day)\s*\d+|could(?:n't|\s+not)\s+at\s+\d+\s*(?:wks?|weeks?|months?|mos?)\b"
    r"|(?:could\s*(?:not|n't)|was\s+unable\s+to)\s+(?:do\s+)?(?:\w+\s+){0,4}?(?:before|previously|last\s+\w+|until|prior"
    r"|in\s+(?:the\s+)?(?:spring|summer|fall|autumn|winter|jan\w*|feb\w*|march|april|may|june|july|aug\w*|sept?\w*|oct\w*|nov\w*|dec\w*)"
    r"|in\s+(?:19|20)\d\d))\b"
    # set against before: "(was 10 minutes before medications)", "(0.5 mi before)", "(zero at intake)", "couldn't in spring",
    # or what the drug makes possible: "With it she ... grocery shops", "Able to do yard work and cook" (a capacity regained)
    r"|\(\s*was\b|\(\s*[\d.]+\s*\w*\s+before\b|\bzero\s+at\b|\bcould(?:n't|\s+not)\s+in\s+\w+"
    r"|^\W*with\s+(?:it|them|the\s+\w+|meds|medications?)\b|^\W*(?:pt\s+|patient\s+|he\s+|she\s+)?(?:is\s+)?able\s+to\s+(?:do\s+)?",
    _I,
)
#: The activity needs another's help or cannot be done: "relies on his wife for shopping", "daughter helps with laundry".
_ACTIVITY_LIMIT = re.compile(
    r"\b(?:cannot|can'?t|unable\s+to|not\s+able\s+to|does\s+not|doesn'?t|needs?|relies\s+on|relying\s+on|depends\s+on"
    r"|dependent\s+on|requires?|help\s+with|helps\s+with|(?:daughter|son|wife|husband|spouse|family|partner|mother|father)"
    r"\s+(?:helps?|does|do|has\s+to|carr(?:y|ies)|handles?|takes\s+care\s+of|mows?|cooks?|cleans?|drives?)"
    r"|has\s+(?:his|her|their)\s+(?:wife|husband|spouse|son|daughter|kids?|children|partner|mother|father|mom|dad|family|friend|neighbou?r))\b",
    _I,
)
#: Someone else does the activity for the patient: "relies on his wife for shopping", "daughter helps with laundry".
_ACTIVITY_DEPENDENCE = re.compile(
    r"\b(?:needs?|relies\s+on|relying\s+on|depends\s+on|dependent\s+on|help\s+with|helps\s+with"
    r"|(?:daughter|son|wife|husband|spouse|family|partner|mother|father)\s+(?:helps?|does|do|has\s+to|carr(?:y|ies)|handles?"
    r"|takes\s+care\s+of|mows?|cooks?|cleans?|drives?)"
    r"|has\s+(?:his|her|their)\s+(?:wife|husband|spouse|son|daughter|kids?|children|partner|mother|father|mom|dad|family|friend|neighbou?r))\b",
    _I,
)
#: "Better" in the patient's Spanish, as a note quotes it with its degree: "mucho mejor", "un poco mejor", "algo mejor"
#: (a bare "mejor" is left alone: "mejor cuando descansa" is better at rest).
_MEJOR = r"(?:mucho|muy|un\s+poco|un\s+poquito|algo|bastante|poco\s+a\s+poco)\s+mejor\b"
#: Better, up to the clause's end, then worse now: "better than last year but worse since the fall".
_THEN_WORSE = r"(?![^.;]{0,50}?\bbut\s+(?:\w+\s+){0,2}?worse\b)"
#: Pain relief or benefit the patient reports, the subjective side of improvement: "helps a little", "30% relief".
#: A symptom or body part said to be better (`_REPORTED_RELIEF`), not one better than another part or in one position.
_SYMPTOM_BETTER = (
    r"\b(?:pain|itch\w*|burning|aching|ache|spasms?|cramp\w*|numbness|tingling|stiffness|symptoms?|sx|headaches?|mood"
    r"|(?:low\s+)?back|neck|knee|shoulder|hip|wrist|hand|foot|ankle|elbow|leg|arm|overall)\s+(?:is\s+|are\s+|has\s+been\s+|have\s+|has\s+|feels?\s+)?"
    r"[\"']?(?:(?:a\s+)?(?:lot|little|bit|much|somewhat|clearly|slightly|overall|definitely|way|so|far|significantly|considerably"
    rf"|markedly|noticeably|really|maybe|perhaps)\s+)*(?:(?:better|improved|improving)\b|{_MEJOR})"
    rf"{_THEN_WORSE}(?!\s+than\s+(?:(?:his|her|the|my)\s+)?(?!last|at\s+the\s+last|before|previous|prior|it\s+was)\w)(?!\s+(?:when|while|if|in\s+the|after\s+(?:rest|lying)|(?:with\s+|at\s+)?(?:sitting|lying|standing|rest(?:ing)?|reclining"
    r"|leaning|bending|flexion|extension|recumbent|supine)\b))"
)
_REPORTED_RELIEF = re.compile(
    r"\b\d+\s*(?:%|percent)\s+(?:relief|improvement|better|reduction)"
    r"|\b(?:partial|some|good|moderate|significant|adequate|fair)\s+(?:pain\s+)?relief\b"
    r"|\b(?:takes?|taken|took|taking|knocks?|knocked|knocking)\s+(?:the\s+)?(?:edge|pain)\s+(?:off|down)"
    # the patient's words after the care, a dash or "says" before them: 'ibuprofen over the weekend - "a little better"',
    # "pt says it's a bit better with reaching"; a symptom "a bit less" on the drug: "(tingling a bit less)"
    r"|(?:[-:]\s*[\"']?\s*|\b(?:says?|states?|reports?)\s+(?:that\s+)?(?:it'?s\s+|it\s+is\s+|(?:maybe|perhaps)\s+)*)"
    rf"(?:(?:maybe|perhaps)\s+)?(?:(?:a\s+little|a\s+bit|somewhat|slightly|much|a\s+lot)\s+better\b|[\"']?{_MEJOR}){_THEN_WORSE}"
    r"(?!\s+(?:when|while|if|with\s+rest|in\s+the|at\s+night|after\s+(?:rest|lying)|(?:with\s+|at\s+)?(?:sitting|lying|standing|rest(?:ing)?|reclining)\b))"
    r"|\b(?:pain|burning|aching|ache|numbness|tingling|spasms?|cramp\w*|itch\w*)\s+(?:is\s+)?(?:a\s+little|a\s+bit|somewhat|slightly"
    r"|much|a\s+lot|noticeably)\s+less\b(?!\s+(?:when|while|if|after|in\s+the|(?:with\s+|at\s+|on\s+(?:her|his|the)\s+\w+\s+)?"
    r"(?:sitting|lying|standing|rest(?:ing)?|reclining)\b)|\s+(?:often|frequent))"
    r"|\b(?:feels?|feeling|is|are|been|getting|sleeping|sleeps|doing)\s+[\"']?(?:(?:much|a\s+lot|a\s+little|somewhat|a\s+bit|way|so\s+much|significantly)\s+)?better\b"
    r"(?!\s+(?:when|while|if|with\s+rest|in\s+the|after\s+(?:rest|lying)|(?:with\s+|at\s+)?(?:sitting|lying|standing|rest(?:ing)?|reclining)\b))"
    # sleep told better beside the drug: "amitriptyline 25 qhs (sleep better)"
    r"|\(\s*(?:sleep(?:ing|s)?|mood)\s+(?:is\s+)?(?:better|improved)\s*\)"
    r"|\bcut\s+(?:the\s+|his\s+|her\s+)?(?:pain|burning|aching|ache)\b[^.;]{0,30}?\bby\b"
    r"|\b(?:helps?|helped|helping|helpful)\b|\b(?:me|le|les)\s+(?:ayuda|ayudan|ha\s+ayudado)\b"  # "me ayuda": it helps me
    # relief told short but had each time, of the care the worker is in: "feels good for a day after each adjustment",
    # "gives her a few hours of relief"
    r"|\b(?:feels?|feeling)\s+(?:good|great|(?:much\s+|a\s+lot\s+)?better)\s+for\s+(?:a|an|one|two|a\s+few|several|a\s+couple\s+(?:of\s+)?)"
    r"\s*(?:hours?|hrs?|days?)\s+after\b"
    r"|\b(?:gives?|giving|provides?|providing)\s+(?:(?:him|her|them|me)\s+)?(?:a\s+few|several|a\s+couple\s+of|some)\s+(?:hours?|hrs?)"
    r"\s+of\s+(?:good\s+)?relief\b"
    r"|\bwith\s+(?:the\s+)?(?:medications?|meds|current\s+regimen|regimen)\b[^.;]{0,30}?\b(?:able|can)\b"
    # the drug's worth in the patient's words: "finds it beneficial", "works well", "keeps the pain under control"
    r"|\b(?:beneficial|effective)\b|\bworks?\s+(?:well|great|good|fine)\b|\bunder\s+(?:good\s+|better\s+|fair\s+)?control\b"
    r"|\b(?:more\s+)?(?:manageable|bearable)\b|\b(?:allows?|lets|enables?|permits?)\s+(?:him|her|them|the\s+patient|pt)\s+to\b"
    # what the drug lets the worker do, "let" with its bare verb: "lets him drive the tractor", "is what gets her through
    # a shift", "let her finish the school year"
    r"|\b(?:lets?|allowed|enabled|gets|got)\s+(?:him|her|them|me|the\s+patient|pt)\s+(?:to\s+)?(?:get\s+through|get\s+around|get\s+out|through\b|do|work"
    r"|drive|finish|complete|function|continue|stay|sleep|walk|make\s+it|manage|tolerate|perform|care\s+for|cook|lift|sit|stand"
    r"|play|keep|attend|participate|be\s+active)\b"
    r"|\b(?:makes?|made|making)\s+(?:a\s+(?:\w+\s+)?|all\s+the\s+|such\s+a\s+(?:\w+\s+)?)difference\b"
    # the drug's effect told as good: "continues gabapentin with good effect on the burning"
    r"|\b(?:good|great|excellent|some|fair|positive|significant|moderate|reasonable|nice)\s+effect\s+(?:on|from|with|of)\b"
    r"|\bmakes?\s+(?:the\s+|his\s+|her\s+)?(?:pain|burning|aching|ache|it|symptoms?|spasms?)\s+(?:tolerable|bearable|manageable)\b"
    r"|\bworth\s+(?:it|taking|continuing|the\s+(?:cost|side\s+effects?))\b"
    r"|\b(?:it|they|these|this|(?:the\s+)?(?:meds|medications?))\s+(?:is|are|seems?\s+to\s+be)\s+working\b"
    r"(?!\s+(?:full|part|modified|light|regular|as|at|for|with|in|on)\b)"
    # the better part said of a symptom of the mind: "energy and motivation better", "anxiety improved"
    r"|\b(?:energy|motivation|concentration|focus|anxiety|irritability)(?:\s+(?:and|&)\s+\w+)?\s+(?:is\s+|are\s+)?(?:better|improved|improving)\b"
    # Spanish in a bilingual clinic's note, the patient's words for feeling better or being helped: "se siente mejor con
    # la medicina", "me siento mucho mejor", "me ayuda mucho", "le han ayudado", "me alivia el dolor"
    r"|\b(?:se\s+siente|me\s+siento|me\s+sent[i\u00ed]|se\s+sinti[o\u00f3])\s+(?:(?:mucho|un\s+poco|algo|bastante)\s+)?mejor\b"
    r"|\b(?:me|le)\s+(?:ayuda|ayudan|ayud[o\u00f3]|ayudaron|ha\s+ayudado|han\s+ayudado|alivia|alivian)\b"
    r"|\bkeeps?\s+(?:him|her)\s+(?:functional|functioning|going|working|active)\b"
    # a template's field, and the ability told before the regimen: "Medication efficacy: good",
    # "Able to perform ADLs independently with current medication regimen"
    r"|\b(?:efficacy|effectiveness|benefit|response)(?:\s+(?:from|of|with|to)\s+(?:the\s+)?(?:current\s+)?(?:meds|medications?|regimen|treatment))?"
    r"\s*[:?]\s*(?:good|fair|adequate|excellent|effective|positive|yes)\b"
    # a benefit the patient reports, sized in words: "reports good benefit from tramadol", "some benefit with the patches"
    r"|\b(?:good|some|significant|moderate|great|excellent|definite|noticeable|fair|reasonable)\s+benefit\s+(?:from|with|of|on)\b"
    # the benefit or the betterment told with the drugs as its cause: "benefits from current meds", "derives benefit from
    # the patches", "notes improvement with meds", "improving on the current regimen"
    r"|\b(?:benefit(?:s|ed|ting)?|derives?\s+benefit|gets?\s+benefit)\s+from\b"
    r"|\b(?:improvement|improved|improving|doing\s+better)\s+(?:with|on|from)\s+(?:the\s+|his\s+|her\s+|this\s+)?(?:current\s+)?"
    r"(?:meds|medications?|medicines?|regimen|treatment)\b"
    r"|\b(?:able|can)\b[^.;]{0,50}?\bwith\s+(?:the\s+|his\s+|her\s+)?(?:current\s+)?(?:medications?|meds|medication\s+regimen|regimen)\b"
    # how the patient feels with the care: "feels looser for a day or two", "relaxes him", "calms me down", "mood better"
    r"|\bfeel(?:s|ing)?\s+(?:(?:a\s+)?(?:little|bit|lot|much|somewhat)\s+)?(?:looser|calmer|more\s+relaxed|less\s+tense)\b"
    r"|\b(?:relax(?:es|ed)?|calm(?:s|ed)?)\s+(?:me|him|her|them)\b|\bcalms?\s+(?:me|him|her)\s+down\b"
    r"|\bmood\s+(?:is\s+|has\s+been\s+|\W?\s*)(?:better|improved|improving)\b|\bbetter\s+mood\b"
    # sleep with the drug: "Sleeping ok w/ Ambien", "sleeps well on trazodone"
    r"|\bsleep(?:s|ing)?\s+(?:ok|okay|well|fine|good)\s+(?:with\b|w/|on\b)"
    # a symptom or a body part the patient reports better: "burning much better", "itch much better", "her knee is
    # \"a lot better\"", "neuropathic symptoms improved", "pain somewhat better overall"
    rf"|{_SYMPTOM_BETTER}",
    _I,
)
#: What the drug lets the worker do: "lets her finish her shift", "allows him to work".
_LETS = re.compile(r"(?:allow|let|enable|permit|get|got)", _I)
#: The activity the drug allows told with its size: "lets her walk her dog 30 min", "for his full 4-hour shift".
_SIZED_ACTIVITY = re.compile(r"[^.;,]{0,50}?\b(?:\d+|one|two|three|four|five|six|eight|ten|twelve)[- ](?:min|minutes?|hours?|hrs?|h\b|blocks?|miles?|mi\b|lbs?|pounds)", _I)
#: A help still to come: "hopefully the new medication will help", "we will try gabapentin to help with the nerve pain",
#: "see if Lyrica helps" (not "seems to help", a help had).
_UNREALISED = re.compile(
    r"\b(?:will|would|may|might|could|hopefully|hope[sd]?|hoping|see\s+if|whether|expect\w*|goals?)\b(?:\s+[\w/'-]+){0,4}\s*$"
    r"|(?<!\bseems\s)(?<!\bseem\s)(?<!\bseemed\s)(?<!\bappears\s)\bto\s*$",
    _I,
)
#: A help the worker had from care given before: "helped in the past", "used to help", "helped ... but was stopped".
_HELPED_BEFORE = re.compile(
    r"\b(?:helped|helpful|beneficial|effective|benefit)\s+(?:\w+\s+){0,3}?(?:in\s+the\s+past|previously|at\s+(?:that|the)\s+time|years?\s+ago)\b"
    r"|\bused\s+to\s+help\b|\b(?:helped|helpful|benefit\w*)\b[^.;]{0,40}?\bbut\s+(?:was|were|had\s+to\s+be|it\s+was)\s+"
    r"(?:stopped|discontinued|d/c'?d|weaned|tapered\s+off)\b",
    _I,
)
#: A cheap first test for `_HELPED_BEFORE`: one of its time or stop words.
_PAST_HELP_WORDS = ("past", "previous", "time", "ago", "used to", "but ")
#: Words that make a reported help next to none: "(minimal help)", "with little help", "barely helps".
_SLIGHT = re.compile(r"\b(?:minimal|little|no|barely|hardly|scarcely|not\s+much|without|w/o)\s+(?:\w+\s+)?$", _I)
#: A help that ended: "stopped helping", "failed or stopped helping", "quit working" ("no longer helps" is a negation).
_ENDED = re.compile(r"\b(?:stopped|stops|ceased|quit)\s+(?:\w+\s+)?$", _I)
#: "Effective" of a dose or a date, not of the care: "lowest effective dose", "effective 03/01/2016".
_NOT_BENEFIT = re.compile(r"(?<=effective)\s+(?:doses?|dosages?|dosing|date|immediately|as\s+of|on\s+\d|from\s+\d|\d)", _I)
_NOT_BENEFIT_BEFORE = re.compile(r"\b(?:lowest|least|minimum|minimal|smallest|maximum|max)\s+$", _I)
#: A help that lasted days or weeks after each session and wore off: that course's temporary effect (corpus/README.md:
#: `treatments.effect: temporary`), never the current care's "helps". A drug's hours of relief per dose still read.
_WORE_OFF = re.compile(
    r"[^.;]{0,60}?\b(?:then|but)\b[^.;]{0,40}?\b(?:came\s+back|comes\s+back|returned|returns|wore\s+off|wears\s+off"
    r"|back\s+to\s+(?:the\s+same|baseline)|recurred)\b"
    r"|\s*(?:at\s+first|initially)?\s*[,;-]?\s*(?:but\s+)?(?:no\s+longer|not\s+(?:any\s*more|now))\b"  # "helped at first, no longer"
    r"|[^.;]{0,50}?\bafter\s+each\s+(?:visit|session|treatment|adjustment|injection|shot|block)\b"
    r"|[^.;]{0,20}?\bfor\s+(?:only\s+)?(?:about\s+|approximately\s+|approx\.?\s+|~\s*|roughly\s+)?(?:a\s+|an\s+)?"
    r"(?:few\s+|couple\s+(?:of\s+)?)?(?:\d+\s*(?:-\s*\d+\s*)?|one\s+|two\s+|three\s+)?(?:days?|weeks?|wks?|months?)\b"
    r"|\s+(?:about|approximately|approx\.?|~)\s*\d+\s*(?:-\s*\d+\s*)?(?:days?|weeks?|wks?|months?)\b",
    _I,
)
#: A help told in the past tense: "helped", "was helpful" (a current therapy that "helps for a day or so" still helps).
_PAST_TENSE = re.compile(r"\b(?:helped|knocked|took\s+the\s+edge)\b|\b(?:was|were|had\s+been)\s+(?:\w+\s+)?(?:helpful|beneficial|effective)\b", _I)
#: "Help" that is assistance, not benefit: "needs help with yard work", "daughter helps with laundry".
_ASSISTANCE = re.compile(
    r"\b(?:needs?|needed|requires?|asks?\s+for|without|w/o|(?:daughter|son|wife|husband|spouse|family|partner|mother|father)(?:'s)?)"
    r"\s+(?:\w+\s+){0,2}$",
    _I,
)
_MEDICATION_WORD = re.compile(
    r"\b(?:medications?|meds|regimen|analgesics?|pills?|tablets?|(?:topical|compound(?:ed)?|analgesic)\s+(?:cream|gel|ointment|rub))\b", _I
)
#: A procedure's relief is that procedure's result (read with the procedure), not a report on the care the patient is in.
_PROCEDURE = re.compile(
    r"\b(?:injections?|inj|ESI|TFESI|CESI|blocks?|surgery|ablation|(?-i:RFA)|epidural|MBB|rhizotomy|trigger\s+points?)\b", _I
)
#: Care the patient is in, whose help the patient may report: "PT helps while I'm here", "Pt states treatment helps".
_CARE = re.compile(
    r"\b(?:(?-i:PT)|(?:physical|aquatic|hand|occupational|manual)\s+therapy|therapy|chiro\w*|acupuncture|adjustments?|treatments?"
    r"|(?-i:tx|Tx|TX)|sessions?|visits?|(?-i:CBT)|counsel\w*|psychotherapy|massage|TENS|heat|ice|exercises?|(?-i:HEP)|traction|brace"
    r"|splints?|orthotics?|insoles?|heel\s+cups?)\b",
    _I,
)
_CARE_NAME = (
    r"(?:(?-i:PT)|(?:physical|aquatic|hand|occupational|manual)\s+therapy|therapy|chiro\w*|acupuncture|(?-i:CBT)|psychotherapy"
    r"|massage|sessions?|visits?|treatments?)"
)
#: A course of care told as done, with its count or year: "PT x 12 (2019)", "Did 12 sessions PT Feb-Apr '14", "had
#: acupuncture"; its help is that course's effect (a prior treatment), not a report on the care the patient is in now.
_PAST_COURSE = re.compile(
    # (a number that is a length or a date is no count: "started chiro 2 weeks ago", "PT 4/10 - 6 visits so far")
    rf"\b{_CARE_NAME}\s*(?:(?:x|times)\s*\d+|\d+\s*(?:visits?|sessions?|treatments?|tx)?\b(?!\s*(?:/|weeks?|wks?|days?|months?|mos?)\b)"
    rf"|\(?(?:19|20)\d\d\b)"
    rf"|\b\d+\s*(?:visits?|sessions?)\s+(?:of\s+)?{_CARE_NAME}"
    rf"|\b(?:had|did|completed|underwent|finished|tried)\s+(?:\w+\s+){{0,3}}?{_CARE_NAME}\b",
    _I,
)
#: "Helps with" a symptom is benefit, where "helps with" a chore is assistance: "partial help with mood", "helps with sleep".
_HELP_WITH_SYMPTOM = re.compile(
    r"\s+(?:with|w/)\s+(?:the\s+|his\s+|her\s+|my\s+)?(?:(?:leg|arm|back|neck|hand|foot|knee|shoulder|nerve)\s+)?(?:pain|mood|sleep|spasms?|burning|aching|anxiety|nerve|stiffness|tension"
    r"|flare|headaches?|cramp\w*|numbness|symptoms?|sx)\b",
    _I,
)
_OBJECTIVE = re.compile(r"\bobjective\s+(?:functional\s+)?(?:improvement|gains?)\b|\bfunctional\s+improvement\b", _I)
_NO_CHANGE = re.compile(
    r"\b(?:activity\s+levels?|activit(?:y|ies)|activities\s+of\s+daily\s+living|ADLs?|function(?:al\s+(?:status|level))?|functioning"
    r"|quality\s+of\s+life)(?:\s+and\s+[\w ]{0,25}?)?\s+(?:has\s+|have\s+)?(?:remained|remain|remains|were|was|are|is)\s+"
    r"(?:(?:about|essentially|basically|much|roughly)\s+)?(?:the\s+same|unchanged|stable|no\s+better)\b"
    r"|\bno\s+(?:significant\s+|real\s+|appreciable\s+|meaningful\s+|notable\s+)?(?:change|improvement|gains?)\s+in\s+(?:(?:his|her|overall)\s+)?(?:function|ADLs?|activities|activity)"
    # told without a verb: "ADLs unchanged over the last 6 months", "Function: \"unchanged\"", "no new activities"
    r"|\b(?:ADLs?|activities\s+of\s+daily\s+living|function(?:al\s+status|al\s+level|ing)?|activity\s+levels?)\s*:?\s*[\"']?"
    r"(?:essentially\s+|basically\s+)?(?:unchanged|no\s+better|no\s+change)\b|\bno\s+new\s+activities\b"
    r"|\bfunction(?:al\s+status|al\s+level|ing)?\s+(?:is\s+|was\s+|remains\s+|has\s+been\s+)?(?:unchanged|no\s+better|the\s+same)\b"
    # "his function has not improved", "functional status hasn't changed", "Functionally no better", "functionally the same"
    r"|\bfunction(?:al\s+(?:status|level|ability|capacity|tolerances?)|ing)?\s+(?:has|have)\s*(?:not|n't)\s+(?:improved|changed|increased"
    r"|gotten\s+better|progressed)\b|\bfunctionally\s*,?\s+(?:(?:he|she|the\s+patient|pt)\s+is\s+)?(?:no\s+better|unchanged|the\s+same|no\s+change|not\s+improved)\b"
    r"|\bno\s+(?:measurable\s+|functional\s+|objective\s+)+(?:change|improvement|gains?)\b"
    # "without (lasting) functional benefit", "no lasting functional change", "not doing more than before"
    r"|\b(?:without|w/o|with\s+no|no)\s+(?:lasting\s+|sustained\s+|meaningful\s+|significant\s+|measurable\s+)?"
    r"functional\s+(?:benefit|change|gains?|improvement)\b"
    r"|\bno\s+change\s+in\s+(?:\w+\s+(?:or|and)\s+)?(?:activity|activities|function)\b"
    # "no change in what he can do", "no change in walking tolerance", "objective measures unchanged"
    r"|\bno\s+change\s+in\s+what\s+(?:he|she|they|the\s+patient|pt)\s+(?:can|is\s+able\s+to|are\s+able\s+to)\s+do\b"
    r"|\bno\s+change\s+in\s+(?:(?:his|her|their)\s+)?(?:walking|sitting|standing|lifting|activity)\s+(?:tolerance|distance|capacity)\b"
    r"|\b(?:objective|functional)\s+measures?\s+(?:(?:are|were|have\s+been|remain|remained)\s+)?unchanged\b"
    r"|\bnot\s+doing\s+(?:any\s+)?more\s+than\s+(?:before|previously)\b"
    # progress that has stopped, or measures that have not moved: "Chronic, plateaued", "ROM unchanged since 5/2019"
    # (not the tibial plateau: "contusion of the lateral tibial plateau", "plateau fx")
    r"|\b(?:plateau(?:ed|ing)?|reached\s+(?:a\s+)?plateau)\b(?<!tibial\splateau)(?<!medial\splateau)(?<!lateral\splateau)"
    r"(?!\s+(?:fx|fractures?|contusions?|edema|bone|lesions?|depression|surfaces?)\b)|\bgoals?\s+(?:(?:were|was|are|is|have\s+been)\s+)?(?:not\s+met|unmet)\b"
    r"|\btolerances?\s+(?:(?:is|are|was|were|remains?)\s+)?(?:[\w.]+\s+(?:min(?:ute)?s?|hours?|hrs?|blocks?)\s*,?\s*)?unchanged\b"
    r"|\b(?:ODI|Oswestry|NDI|neck\s+disability\s+index|(?:Quick\s*)?DASH|LEFS|PSFS|FOTO)\b\s*(?:score\s*)?:?\s*(?:is\s+|was\s+|remains?\s+)?unchanged\b"
    # "no increase in his activity level", "without any gain in function"
    r"|\bno\s+(?:real\s+|significant\s+|meaningful\s+|appreciable\s+)?(?:increase|gain)\s+in\s+(?:(?:his|her|the|overall)\s+)?(?:activity|activities|function\w*)"
    r"|\b(?:ROM|range\s+of\s+motion|flex(?:ion)?|strength)\b[^.;]{0,80}?\(?\bunchanged\s+(?:from|since)\b",
    _I,
)
#: The worker's state told as the same as before: "pain 'about the same' as last visit", "Same function", "~100 ft, no
#: change", "no change from last yr", "walking ... remains about 5 minutes", "unchanged since 2018". Not an examination
#: finding the same as before (`_EXAM_WORDS`): a sign that has not changed says nothing of function.
_SAME_AS_BEFORE = re.compile(
    r"\b(?:about|essentially|basically|pretty\s+much|roughly|much)\s+(?:the\s+)?same\b"
    rf"|\bthe\s+same\s+as\s+(?:always|before|previously|last\s+(?:visit|time|week|month|year)|(?:{NUMBER}|a\s+few|several)\s+(?:weeks?|months?)\s+ago)\b"
    r"|^\W*same\s+(?:function|level\s+of\s+function|activity\s+level)\b"
    r"|\bno\s+change\s+(?:from|since|over)\s+(?:the\s+)?(?:last|prior|previous|\d)"
    r"|\bunchanged\s+since\s+(?:the\s+)?(?:\d|last|prior|previous)"
    r"|\b\d+\s*(?:ft|feet|min(?:ute)?s?|blocks?|miles?|yards?)\b[^.;,]{0,10},\s*no\s+change\b"
    r"|\bhas\s*(?:not|n't)\s+(?:increased|improved)\s+(?:his|her|their)\s+(?:walking|sitting|standing|activit\w+|function\w*|tolerance)\b"
    r"|\b(?:walking|sitting|standing)(?:\s+tolerance)?\b[^.;]{0,30}?\bremains\s+(?:about\s+|only\s+|at\s+)?\d",
    _I,
)
_EXAM_WORDS = re.compile(
    r"\b(?:strength|sensation|reflex\w*|DTRs?|SLR|straight\s+leg|ROM|range\s+of\s+motion|deg(?:rees?)?|weakness|tender\w*"
    r"|spasm|exam\w*|MRI|x-?ray|imaging|plan|dose|dosage|regimen|meds\s+unchanged|medications?\s+unchanged|/5"
    # a reflex or a wasting told unchanged, and a drug's dose: "ankle jerk absent (unchanged since 2012)", "40 mg q12h, unchanged"
    r"|jerks?|atrophy|wasting|mg|mcg|tabs?|tablets?|caps?|capsules?|bid|tid|qid|q\d+h|prn|qhs)\b",
    _I,
)
#: Gains to be looked for later are not gains made: "re-assessment of objective gains before any extension".
_ASSESSED_LATER = re.compile(
    r"\b(?:re-?assess\w*|assess\w*|evaluat\w*|goals?|expect\w*|target\w*|to\s+(?:show|achieve|demonstrate))\s+(?:of\s+|for\s+|the\s+|any\s+)?"
    r"(?:\w+\s+){0,2}?objective\b",
    _I,
)
_FUNCTION_WORD = re.compile(r"\bfunction(?:al|ing)?\b|\bactivities\s+of\s+daily\s+living\b|\bADLs?\b|\bobjective\b", _I)
_SUBJECTIVE_WORD = re.compile(r"\bsubjective\b", _I)
_RETURNED = re.compile(
    r"\breturned\s+to\s+(?:full\s+|regular\s+|modified\s+|light\s+|usual\s+)?(?:duty|work)\b"
    r"|\b(?<!\bgo\s)(?<!\bget\s)(?<!\bgoing\s)(?<!\bgetting\s)(?<!\bcome\s)(?<!\bcoming\s)(?:back|went\s+back)\s+(?:at|to)\s+(?:work|full\s+duty|regular\s+duty|modified\s+duty|(?:his|her)\s+(?:usual\s+|regular\s+|normal\s+|previous\s+)?job)\b"
    r"|\bresumed\s+(?:work|working|full\s+duty|regular\s+duty|modified\s+duty|(?:his|her)\s+job)\b|\bRTW'?d\b"
    r"|(?-i:\bRTW\b)(?:'?d)?\s+(?:on\s+)?\d{1,2}/\d{1,2}"
    r"|\bwork\s+restrictions?\s+(?:were\s+|was\s+|have\s+been\s+)?(?:reduced|decreased|lifted|removed)\b"
    # At work now, as a note says it: "currently working modified duty", "working 8 hours a day with these restrictions".
    r"|\bworking\s+(?:(?:full|regular|usual|modified|light|restricted)\s+duty|full[- ]time|\d+\s*(?:hours?|hrs?)\b)"
    r"|\bworking\s+(?:with(?:in)?)\s+(?:these|the|his|her|those)\s+restrictions\b"
    r"|\breturned\s+to\s+(?:his|her|the)\s+(?:regular\s+|usual\s+|normal\s+|previous\s+|same\s+)?(?:job|work|position)\b"
    r"|\b(?:was|were|has\s+been|(?:is\s+|now\s+)?able)\s+(?:able\s+)?to\s+return\s+to\s+(?:(?:part[- ]time|full[- ]time|modified|light|regular|full)\s+)*(?:work|duty|(?:his|her)\s+(?:job|work))\b"
    r"|\bstarted\s+back\s+(?:at|to)\s+(?:work|(?:his|her)\s+job)\b"
    r"|\b(?:his|her)\s+current\s+(?:part[- ]time\s+|full[- ]time\s+)?(?:modified\s+|light[- ]duty\s+)?(?:job|position)\b"
    # at work for a while now: "modified duty since 5/2021", "Employer has him on the dispatch desk"
    r"|\b(?:modified|light|restricted|full|regular)\s+(?:duty|work)\b[^.;]{0,40}?\bsince\s+(?=\d|jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|last)"
    r"|\bemployer\s+(?:has|keeps|put)\s+(?:him|her|them)\s+(?:on|at|in|doing|working)\b"
    r"|\((?:currently\s+)?working\)",  # a form's status with its note: "[X] Modified - part-time ... (working)"
    _I,
)
WORK_STATUS: tuple[tuple[re.Pattern[str], str], ...] = (
    (
        re.compile(
            r"\bworking\s+part[- ]time\b|\bpart[- ]time\s+(?:[\w-]+\s+)?(?:work|duty|employment|job|position|role)\b|\bworks?\s+part[- ]time\b"

            # a form's ticked box: "[X] Modified - part-time, 6 hr/day"
            r"|\bmodified\s*[-,:/]\s*part[- ]time\b|\bpart[- ]time\s*,\s*\d+\s*(?:hrs?|hours?)\s*/\s*day\b",
            _I,
        ),
        "part_time",
    ),
    (
        re.compile(
            r"\b(?:modified|light|restricted|mod)\s+(?:duty|work)\b"
            r"|\bworking\s+(?:full[- ]time\s+|part[- ]time\s+)?(?:with|w/)\s+(?:(?:permanent|these|the|his|her|a)\s+)?restrictions?\b"
            # "Working modified - lighter route", "Works modified", "remains at work with a restriction against overhead reaching"
            r"|\bwork(?:s|ing)\s*,?\s+(?:mod(?:ified)?|light|restricted)\b(?!\s+(?:hours|schedule))"
            # the job kept with a restriction: "working her regular job with the restriction against ladder climbing",
            # "back at work on the line since 2/3/20, restricted to no lifting", "back at work per her PTP's restrictions"
            r"|\bwork(?:s|ing)\s+(?:(?:his|her|their)\s+)?(?:regular|usual|normal|same)\s+(?:job|work|duties)\s+(?:with|w/)\s+"
            r"(?:(?:a|the|his|her|these|permanent|temporary)\s+)?restrictions?\b"
            r"|\b(?:back\s+at|back\s+to|returned\s+to|at)\s+work\b[^.;]{0,80}?(?:\brestricted\s+to\b|(?<!\bno\s)(?<!without\s)(?<!\bany\s)"
            r"\b(?:restrictions?|limitations)\b(?!\s*:\s*none))"
            r"|\bwork(?:\s+status)?\s*[:=]\s*(?:mod(?:ified)?|light|restricted)\b"
            r"|\b(?:remains|is|continues)\s+(?:at\s+work|working)\s+(?:with|w/)\s+(?:a\s+|the\s+|his\s+|her\s+)?restrictions?\b"
            r"|\btemporar(?:y|ily)\s+partial(?:ly)?\s+disab\w+|(?-i:\bTPD\b)"
            r"|\b(?:return|released?)\s+to\s+(?:work|duty)\s+with\s+(?:the\s+(?:following\s+)?)?restrictions\b"
            r"|\b(?:work\s+)?restrictions\s*:\s*(?:no\s+)?(?:lifting|pushing|pulling|bending|stooping|standing|sitting|walking"
            r"|overhead|repetitive|climbing|kneeling|squatting|typing|keyboarding|use\s+of)\b",
            _I,
        ),
        "modified_duty",
    ),
    (
        re.compile(
            r"\b(?:full|regular|usual|reg\.?)\s+(?:duty|work)\b|\bworking\s+full[- ]time\b|\bworking\b[^.;]{0,30}?(?-i:\bFT\b)|\b(?:regular|usual)\s+job\b[^.;]{0,30}?\bno\s+restrictions\b"
            r"|\b(?:released|returned|return|cleared)\s+to\s+(?:full|regular|usual|normal)\s+(?:work|duty|duties|job)\b"
            r"|\busual\s+(?:and|&)\s+customary\s+(?:work|job|duties|occupation)\b"
            r"|\b(?:without|no)\s+(?:work\s+)?restrictions\b|\b(?:work\s+)?restrictions\s*:\s*(?:none|no(?=\s*(?:[.;,]|$)))"
            # "Back at work full time", "returned to work in 2012 as a dispatcher, full time"
            r"|\b(?:at|to)\s+work\b[^.;]{0,50}?\bfull[- ]time\b"
            r"|\bworking\s*,?\s+(?:with\s+)?(?:no|without)\s+(?:work\s+)?restrictions\b"
            # still at the job as it was: "continues working his regular job", "remains at her usual occupation"
            r"|\b(?:back\s+at|back\s+to|returned\s+to|return\s+to|at)\s+work\s+(?:with\s+)?(?:no|without)\s+(?:any\s+)?(?:work\s+)?restrictions\b"
            r"|\b(?:continues|continuing|continued|remains|is|keeps|still)\s+(?:to\s+work|working|at)\s+(?:at\s+)?(?:(?:his|her|their)\s+)?(?:regular|usual|normal|full[- ]time)"
            r"\s+(?:job|work|duties|position|occupation)\b",
            _I,
        ),
        "full_duty",
    ),
    (
        re.compile(
            r"\bnot\s+(?:currently\s+)?working\b|\boff\s+work\b|\btemporar(?:il)?y\s+(?:totally\s+)?disabled\b|\bTTD\b"
            r"|\bhas\s*n[o']t\s+worked\b|\bhas\s+not\s+(?:been\s+)?(?:back\s+)?(?:at\s+)?work(?:ed|ing)?\s+since\b|\bnot\s+worked\s+since\b"
            r"|\b(?:temporary\s+total|total\s+temporary)\s+disability\b|\bno\s+work\s+(?:until|for|x)\b"
            r"|\b(?:unemployed|laid\s+off|terminated\s+from|not\s+(?:currently\s+)?employed)\b"
            r"|\bretired\s+(?:on|due\s+to|for|because\s+of)\s+(?:(?:a|his|her)\s+)?(?:medical\s+)?disability\b|\bretired-on-disability\b"
            r"|\b(?:disability|medical)\s+retirement\b"
            # the kind after the retirement's job or year: "Retired from roofing, on disability", "(retired 2014, medical)"
            r"|\bretired\b[^.;()]{0,40}?,\s*(?:on\s+)?(?:medical|disability)\b",
            _I,
        ),
        "off_work",
    ),
    (
        # a short day or week at work, where no duty is named: "working 4 hours a day", "works 20 hrs/week" (a modified
        # duty of short days is modified duty: the entries above come first)
        re.compile(
            r"\b(?:works?|working|at\s+work)\s+(?:only\s+)?(?:[1-6](?:\.5)?|two|three|four|five|six)\s*(?:hours?|hrs?|h)\s*(?:a|per|/|each)\s*(?:day|shift)\b"
            r"|\b(?:works?|working|at\s+work)\s+(?:only\s+)?(?:[4-9]|[12]\d|3[0-2])\s*(?:hours?|hrs?|h)\s*(?:a|per|/|each)\s*(?:week|wk)\b"
            # a short week told in days: "works 3 days a week", "working two days/wk"
            r"|\b(?:works?|working|at\s+work)\s+(?:only\s+)?(?:[1-4]|one|two|three|four)\s*days?\s*(?:a|per|/|each)\s*(?:week|wk)\b",
            _I,
        ),
        "part_time",
    ),
)


#: A release in the work status section: "May return to modified work on 5/1/16" (the doctor's permission, not a doubt).
_MAY_RETURN = re.compile(r"\bmay\s+(?:return|go\s+back|resume)\s+(?:to\s+)?$", _I)
#: Not back at work, in so many words: "He has been unable to return to work".
_NOT_BACK = re.compile(r"\b(?:unable|not\s+able|has\s+not\s+been\s+able)\s+to\s+return\s+to\s+(?:work|duty|(?:his|her)\s+(?:job|work))\b", _I)
#: The worker retired (not from a service before this job: "retired Army, now a security guard").
_RETIRED = re.compile(
    r"\bretired\b(?!\s+(?:from\s+the\s+)?(?:military|army|navy|marines?|air\s+force|police|firefighter)\b)", _I
)
#: At work now, in so many words: "Is working", "pt IS working", "remains at work" (not "working on his exercises").
_AT_WORK_NOW = re.compile(r"\b(?:is|remains|continues)\s+(?:currently\s+)?(?:working|at\s+work)\b(?!\s+on\b)", _I)
#: A relative named right before "retired": "lives with wife (retired, in good health)".
_RELATIVE_BEFORE = re.compile(
    r"\b(?:wife|husband|spouse|partner|mother|father|mom|dad|parents?|son|daughter|brother|sister)\W+(?:\w+\W+){0,2}$", _I
)


def _said_in_own_clause(text: str, m: re.Match[str]) -> str:
    """The polarity of a match read from where its own clause opens (a dash or a comma): a terse note's lines run
    together into one sentence, and a "no" several statements back ("no irradia a las piernas ... working
    modified since 7/14") is not this statement's."""
    cut = _dash_clause(text, m.start())
    return polarity(text[cut:], m.start() - cut, m.end() - cut)


def _dash_clause(text: str, at: int) -> int:
    """Where the clause holding *at* begins when a dash or a comma opens it ("modified, no use R hand - pt IS working")."""
    cuts = [m.end() for m in re.finditer(r"\s[-\u2013\u2014]+\s|,\s", text[:at])]
    return cuts[-1] if cuts else 0


#: Work now, in the sentence that says retired: the retirement is another job's.
_WORKS_NOW = re.compile(r"\b(?:now\s+works?|currently\s+works?|is\s+working|works\s+as|working\s+as|employed\s+as)\b", _I)
#: A status that holds only if another does not: "If not accommodated, TTD", "if no modified work is available".
_CONDITIONAL = re.compile(r"\b(?:if(?!\s+(?:no|yes)\s*:)|unless|otherwise|when)\b[^.;]{0,50}$", _I)


def read_function(sentences: list[Sentence], ctx: Context) -> None:
    """Function and work: each sentence's patterns are asked once for all (`shut`), then each ask is a set test."""
    options = bare_marks(sentences)
    for n, s in enumerate(sentences):
        dead = shut(_FUNCTION_ASKS, s.text)
        _subjective(s, ctx)
        _scale_gains(s, ctx)
        if any(c.isdigit() for c in s.text):
            _rom_gains(s, ctx)
        pairs = finditer(_MEASURED_PAIR, s.text) if id(_MEASURED_PAIR) not in dead and ("->" in s.text or "=>" in s.text or "\u2192" in s.text or "from" in s.text) else []
        for m in [*(() if id(_MEASURED) in dead else finditer(_MEASURED, s.text)), *pairs]:
            if not _COMPARED.search(m.group()) and (
                _LIMITATION.search(s.text[max(0, m.start() - 40) : m.start()]) or not _COMPARED.search(s.text)
                or _UNCHANGED.search(s.text)  # "his activity is unchanged from last year: he walks 10 minutes"
            ):
                continue  # a capacity ("standing 10 minutes") is no gain unless set against before
            if _no_capacity(s.text, m):
                continue  # "able to sleep 6 hrs (vs 3)": hours slept, or a drug's relief lasting, measure no function
            if _scale_told(s.text, m):
                continue  # a disability score's change: `_scale_gains` weighs its direction and its size
            if _declined(s.text, m) or planned(s.text, m.start(), m.end()) or told_of_another(s.text, m.start(), m.end()):
                continue  # less than before, or only a goal: "decreased from 60 to 20 minutes", "Goal: walk 30 minutes"
            if polarity(s.text, m.start(), m.end()) == "affirmed":
                record(s, ctx, "function.objective_improvement", "yes", m)
                if m.group() not in ctx.draft.measures:
                    ctx.draft.measures.append(m.group())
        if id(_OBJECTIVE) not in dead and (id(_ASSESSED_LATER) in dead or not search(_ASSESSED_LATER, s.text)):
            read_cue(s, ctx, "function.objective_improvement", _OBJECTIVE, negated="no" if s.source == "summary" else None)
        for m in () if id(_SAME_AS_BEFORE) in dead else finditer(_SAME_AS_BEFORE, s.text):
            left, right = clause_bounds(s.text, m.start(), m.end())
            if not _EXAM_WORDS.search(s.text, left, right) and not told_of_another(s.text, m.start(), m.end()):
                record(s, ctx, "function.objective_improvement", "no", m)
        for m in () if id(_NO_CHANGE) in dead else finditer(_NO_CHANGE, s.text):
            if s.source == "summary" or not m.group().lower().startswith("no "):
                record(s, ctx, "function.objective_improvement", "no", m)
        for m in () if id(_FUNCTION_WORD) in dead else finditer(_FUNCTION_WORD, s.text):
            if polarity(s.text, m.start(), m.end()) == "undocumented":
                ctx.draft.finding("function.objective_improvement", "unknown", clause_evidence(s, m.start(), m.end()))
        for m in () if id(_SUBJECTIVE_WORD) in dead else finditer(_SUBJECTIVE_WORD, s.text):
            if polarity(s.text, m.start(), m.end()) == "undocumented":
                ctx.draft.finding("function.subjective_improvement", "unknown", clause_evidence(s, m.start(), m.end()))
        for m in () if id(_NOW_NOT_BEFORE) in dead else finditer(_NOW_NOT_BEFORE, s.text):
            if not told_of_another(s.text, m.start(), m.end()) and not planned(s.text, m.start(), m.end()):
                record(s, ctx, "function.objective_improvement", "yes", m)
        boxed = ticked_spans(s.text) if has_boxes(s.text) else None
        if boxed is None:
            if id(_RETURNED) not in dead:
                read_cue(s, ctx, "function.returned_to_work", _RETURNED, done=True)
        else:  # a form's line of boxes: only the ticked option's words say it ("[ ] TTD [X] Modified ... (working)")
            for m in () if id(_RETURNED) in dead else finditer(_RETURNED, s.text):
                if _ticked(m.start(), boxed) and polarity(s.text, m.start(), m.end()) == "affirmed":
                    record(s, ctx, "function.returned_to_work", "yes", m)
        for m in () if id(_NOT_BACK) in dead else finditer(_NOT_BACK, s.text):
            if boxed is None or _ticked(m.start(), boxed):
                record(s, ctx, "function.returned_to_work", "no", m)
        for m in () if id(_AT_WORK_NOW) in dead else finditer(_AT_WORK_NOW, s.text):
            own = s.text[_dash_clause(s.text, m.start()) :]  # "no use R hand - pt IS working": the dash starts the clause
            if boxed is None and polarity(own, m.start() - (len(s.text) - len(own)), m.end() - (len(s.text) - len(own))) == "affirmed":
                record(s, ctx, "function.returned_to_work", "yes", m)
        for m in () if id(_RETIRED) in dead else finditer(_RETIRED, s.text):
            if not _WORKS_NOW.search(s.text) and not told_of_another(s.text, m.start(), m.end()) \
                    and not _RELATIVE_BEFORE.search(s.text[max(0, m.start() - 25) : m.start()]) \
                    and polarity(s.text, m.start(), m.end()) == "affirmed":
                record(s, ctx, "function.returned_to_work", "no", m)  # a retired worker is not back at work
        for m in () if id(_LESS_MEDICATION) in dead else finditer(_LESS_MEDICATION, s.text):
            if polarity(s.text, m.start(), m.end()) == "affirmed":
                record(s, ctx, "function.objective_improvement", "yes", m)
        _labelled_gains(s, ctx)
        _adl(s, ctx)
        _activities(s, ctx)
        _reported_relief(s, ctx, sentences[n - 1] if n else None)
        if options.get(s.index, True):
            _work_status(s, ctx)  # an option of a form whose ticks lost their boxes counts only ticked
    _table_gains(sentences, ctx)
    _not_returned(ctx)
    _adl_is_function(ctx)
    _working(ctx, sentences[0].tm.raw if sentences else "")
    _return_is_improvement(ctx)


#: Less than before: "decreased from 60 to 20 minutes", "now only 2 blocks", "worse than last visit".
_DECLINE = re.compile(
    r"\b(?:decreas\w*|reduc\w*|declin\w*|worse\w*|dropped|fell|down\s+to|lost|less|fewer|only|no\s+longer)\b", _I
)
#: Set against the worker's state before the injury, a capacity shows the loss, not a gain.
_PRE_INJURY = re.compile(r"\b(?:before|prior\s+to)\s+(?:the\s+|his\s+|her\s+)?(?:injury|accident|fall|DOI)\b|\bpre-?injury\b", _I)


#: A capacity now, then what it was: "24 lb (was 28)", "10 min vs 30 min", "15 lbs, previously 25".
_NOW_THEN = re.compile(
    rf"\s*(?P<now>\d+(?:\.\d+)?)\s*(?P<u1>{_UNIT})\b[^.;]{{0,40}}?\b(?:was|were|vs\.?|versus|compared\s+(?:to|with)|previously|before"
    rf"|(?:at\s+)?(?:IE|intake|baseline|initial))\s*:?\s*(?:only\s+)?(?:~|about)?\s*(?P<then>\d+(?:\.\d+)?)(?:\s*(?P<u2>{_UNIT})\b)?",
    _I,
)


#: Units of one kind, in one scale: time in minutes, weight in pounds; other units compare only with themselves.
_SCALES = (("h", "min", 60.0), ("min", "min", 1.0), ("lb", "lb", 1.0), ("pound", "lb", 1.0), ("kg", "lb", 2.2))


def _scaled(value: str, unit: str) -> tuple[str, float]:
    """(kind, amount): "2 hrs" is ("min", 120), "10 kg" ("lb", 22), "3 blocks" ("block", 3)."""
    u = unit.lower()
    for stem, kind, factor in _SCALES:
        if u.startswith(stem):
            return kind, float(value) * factor
    return u.rstrip("s"), float(value)


def _smaller_now(was: re.Match[str]) -> bool:
    """Whether the capacity now is smaller than the one it is set against, in units that compare ("1 mile (was 2
    blocks)" does not: blocks and miles are no one scale)."""
    now = _scaled(was.group("now"), was.group("u1"))
    then = _scaled(was.group("then"), was.group("u2") or was.group("u1"))
    return now[0] == then[0] and now[1] < then[1]


def _declined(text: str, m: re.Match[str]) -> bool:
    """A measure that shows a loss: a capacity that fell, or one set against the time before the injury."""
    if _PRE_INJURY.search(text):
        return True
    named = m.re.groupindex
    pair = None
    if "a" in named and m.group("a"):
        pair = (m.group("a"), m.group("b"))
    elif "c" in named and m.group("c"):
        pair = (m.group("c"), m.group("d"))
    if pair is not None:
        return float(pair[1]) <= float(pair[0])  # "60 min -> 20 min" is a loss
    was = _NOW_THEN.search(text[m.start() : m.end() + 60])
    if was and _smaller_now(was):
        return True  # "Grip R 20 / L 24 lb (was 28/30 in 1/2016)": a capacity smaller than it was
    cut = _COMPARED.search(m.group())
    lead = text[max(0, m.start() - 30) : m.start() + (cut.start() if cut else len(m.group()))]
    return bool(_DECLINE.search(lead)) and not re.search(r"\b(?:ODI|Oswestry|NDI|DASH|disability|pain)\b", lead, _I)


#: Outcome scales of function, with the direction a gain takes (lower is better on the disability indices).
_LOWER_BETTER = r"PEG(?!\s+tube)(?:\s+score)?|ODI|Oswestry(?:\s+disability\s+index)?|NDI|neck\s+disability\s+index|(?:Quick\s*)?DASH|PDI|pain\s+disability\s+index|Roland[- ]Morris|RMDQ|WOMAC|TUG|timed\s+up\s+and\s+go"
_HIGHER_BETTER = (
    r"LEFS|FOTO(?:\s+(?:functional\s+)?score)?|PSFS|patient[- ]specific\s+functional\s+scale|KOOS|HOOS|6[- ]?MWT"
    r"|(?:6|six)[- ]minute\s+walk(?:\s+test)?|grip(?:\s+strength)?|Berg(?:\s+balance)?"
    r"|FIM(?:\s+(?:mobility|motor|total|locomotion|transfers?|score))?|functional\s+independence\s+measure"
)
_SCALE = re.compile(rf"\b(?:(?P<lower>{_LOWER_BETTER})|(?P<higher>{_HIGHER_BETTER}))\b", _I)
_SCALE_NUMBER = re.compile(r"(?<![\d/.])(\d+(?:\.\d+)?)(?!\d|\s*/\s*\d{4}|/\d{1,2}/\d)(?:\s*/\s*\d{1,3}\b)?")  # not a date
_FROM_TO = re.compile(
    r"\bfrom\s+(?P<a>\d+(?:\.\d+)?)[^.;]{0,15}?\bto\s+(?P<b>\d+(?:\.\d+)?)"
    # the earlier value may carry its unit and when: "Grip R 12 kg at first visit -> 24 kg"
    r"|(?P<c>\d+(?:\.\d+)?)\S*(?:\s*(?:kgs?|lbs?|%|deg|points?))?(?:\s+(?:at|on)\s+(?:the\s+)?(?:first|initial|intake|baseline|IE|eval\w*)(?:\s+(?:visit|eval\w*|session))?)?"
    r"\s*(?:->|-->|=>|\u2192)\s*(?P<d>\d+(?:\.\d+)?)",
    _I,
)
#: The two values right after the scale's name, "<before> to <after>" with no "from": "ODI 46% to 12%", "NDI 30 to 14".
_BARE_TO = re.compile(r"\s*(?:score\s*)?:?\s*(?P<a>\d+(?:\.\d+)?)\s*%?\s+to\s+(?P<b>\d+(?:\.\d+)?)(?!\s*(?:/|-)\s*\d)", _I)
_EARLIER = re.compile(
    r"\b(?:previously|prior|before|was|were|initial(?:ly)?|intake|baseline|(?:at\s+)?eval\w*|start\s+of|last\s+(?:visit|time|month)"
    r"|admission|vs\.?|versus|compared|(?-i:IE))\b",
    _I,
)
#: The earlier value named first, its label right after it: "ODI 42% (initial) / 28% (today)", "QuickDASH 61 at IE, 34 today".
_EARLIER_FIRST = re.compile(
    r"\s*%?\s*[(,]?\s*(?:at\s+|on\s+)?(?:initial(?:ly)?|intake|baseline|(?-i:IE)|eval\w*|admission|start)\b", _I
)


#: The earlier time named before the scale, and the later one between its values: "Admission FIM 3, discharge 5".
_EARLIER_LEAD = re.compile(r"\b(?:admission|initial|intake|baseline|(?-i:IE))\s*:?\s*$", _I)
_LATER = re.compile(r"\b(?:discharge|today|now|current(?:ly)?|latest|re-?eval\w*)\b", _I)


#: The least change of an outcome scale taken as a gain, as a share of its larger value (a rough minimal
#: clinically important difference: about 10 points on the 0-100 disability indices).
_SIGNIFICANT = 0.1


#: A joint's motion named by the measure: "knee flexion", "AROM", "ER", "abduction", "dorsiflexion".
_MOTION = (
    r"(?:(?:A|P|AA)?ROM|range\s+of\s+motion|(?:forward\s+|active\s+|passive\s+)?flex(?:ion)?|ext(?:ension)?|abd(?:uction)?"
    r"|(?-i:ER|IR|FF)|external\s+rotation|internal\s+rotation|rotation|dorsiflexion|plantar\s?flexion|elevation)"
)
_DEGREES = r"(?:\s*(?:deg(?:rees?)?|\u00b0))?"
#: A range of motion measured against an earlier one: "flexion improved from 65 to 85 degrees", "ER 20 -> 45 deg",
#: "abduction increased to 150 from 95 deg", "AROM flexion 120\u00b0 (was 90\u00b0)".
_ROM_CHANGE = re.compile(
    rf"\b{_MOTION}\b[^.;:]{{0,25}}?\b(?:improved|increased|progressed|gained|up)\s+from\s+(?P<a>\d{{1,3}}){_DEGREES}\s+to\s+(?P<b>\d{{1,3}})"
    rf"|\b{_MOTION}\b[^.;:]{{0,25}}?\b(?:improved|increased|progressed|up)\s+to\s+(?P<d>\d{{1,3}}){_DEGREES}\s+from\s+(?P<c>\d{{1,3}})"
    rf"|\b{_MOTION}\s*:?\s*(?P<e>-?\d{{1,3}}){_DEGREES}\s*(?:->|-->|=>|\u2192)\s*(?P<f>-?\d{{1,3}})"
    rf"|\b{_MOTION}\b[^.;:(]{{0,15}}?(?P<h>\d{{1,3}}){_DEGREES}\s*\((?:was|from|previously|prev\.?)\s+(?P<g>\d{{1,3}})",
    _I,
)


_NOT_IN_CHANGE = re.compile(r"\b(?:not|never|no\s+longer)\b|n't\b", _I)


#: A score's change told in points: "NDI improved 2 points", "ODI improved by 18 points".
_POINTS = re.compile(r"\b(?:by\s+)?(\d+(?:\.\d+)?)\s*(?:points?|pts?)\b", _I)
#: A change under this many points of a 0-100 disability index is no clinically important one (`_SIGNIFICANT`).
_LEAST_POINTS = 10.0


def _scale_told(text: str, m: re.Match[str]) -> bool:
    """Whether the measure *m* is a disability score's change that `_scale_gains` reads, or one too small to count.

    "ODI 62% (was 12%)" rose, and "NDI improved 2 points" moved less than a clinically important change: neither is a
    measured gain, and only the scale reader compares the two values the right way round.
    """
    if not re.match(_LOWER_BETTER, m.group(), _I):
        return False
    if len(re.findall(r"\d+(?:\.\d+)?", m.group())) >= 2:
        return True
    points = _POINTS.search(text, m.start(), min(len(text), m.end() + 20))
    return points is not None and float(points.group(1)) < _LEAST_POINTS


def _rom_gains(s: Sentence, ctx: Context) -> None:
    """A range of motion that grew, measured against before: a measured gain (corpus/README.md, "Key conventions")."""
    for m in finditer(_ROM_CHANGE, s.text):
        before, now = next((int(m[a]), int(m[b])) for a, b in ("ab", "cd", "ef", "gh") if m[a] is not None)
        if now <= before or _NOT_IN_CHANGE.search(m.group()):
            continue  # a loss, or a gain denied: "flexion has not improved from 90 to 120"
        if polarity(s.text, m.start(), m.end()) == "affirmed" and not planned(s.text, m.start(), m.end()):
            record(s, ctx, "function.objective_improvement", "yes", m)


def _scale_gains(s: Sentence, ctx: Context) -> None:
    """A functional outcome scale that moved the right way: "ODI 32% (48% at initial eval)", "LEFS 38 -> 55/80"."""
    for m in finditer(_SCALE, s.text):
        following = _SCALE.search(s.text, m.end())
        window = s.text[m.end() : min(following.start() if following else len(s.text), m.end() + 80)]
        pair = _FROM_TO.search(window) or _BARE_TO.match(window)
        if pair:
            before, now = float(pair.group("a") or pair.group("c")), float(pair.group("b") or pair.group("d"))
        else:
            numbers = list(_SCALE_NUMBER.finditer(window))
            # "Admission FIM mobility 3, discharge 5": the earlier label before the scale, the later one between
            opened = len(numbers) >= 2 and _EARLIER_LEAD.search(s.text[max(0, m.start() - 25) : m.start()]) \
                and _LATER.search(window, numbers[0].end(), numbers[1].start())
            if len(numbers) < 2 or not (opened or _EARLIER.search(window, numbers[0].end(), numbers[1].end() + 25)):
                continue
            now, before = float(numbers[0].group(1)), float(numbers[1].group(1))
            if opened or _EARLIER_FIRST.match(window, numbers[0].end(), numbers[1].start()):
                now, before = before, now
        if now == before and polarity(s.text, m.start(), m.end()) == "affirmed":
            record(s, ctx, "function.objective_improvement", "no", m)  # "Oswestry 44% before acupuncture, 44% now"
            continue
        change = (before - now) if m.group("lower") else (now - before)
        gained = change > 0 and change >= _SIGNIFICANT * max(before, now)  # "PDI 58 -> 56" is no clinical change
        if gained and not re.search(r"\bworse", window, _I) and polarity(s.text, m.start(), m.end()) == "affirmed" \
                and not planned(s.text, m.start(), m.end()):
            record(s, ctx, "function.objective_improvement", "yes", m)
            if m.group() not in ctx.draft.measures:
                ctx.draft.measures.append(s.text[m.start() : m.end() + len(window)].strip())


#: The sentence says the state has not changed: "ADLs unchanged", "no change from last yr", "(same as 6 months ago)".
_UNCHANGED = re.compile(r"\bunchanged\b|\bno\s+(?:\w+\s+)?change\b|\bsame\s+as\b|\bno\s+better\b", _I)


#: A limit that follows a capacity: "able to dress herself, but needs help with her shoes".
_BUT = re.compile(r"\bbut\b|\bhowever\b|\bexcept\b", _I)


def _activities(s: Sentence, ctx: Context) -> None:
    """Named activities done again ('does her own shopping again'), or done by others ('relies on his wife for shopping').

    A restriction ("no driving", "not driving more than 15 min") says what the worker may do, not what changed.
    """
    for m in finditer(_ACTIVITY, s.text):
        before = s.text[max(0, m.start() - 40) : m.start()]
        gain = _ACTIVITY_GAIN.search(s.text, max(0, m.start() - 80), m.end() + 110)
        if gain and gain.start() == 0 and "able" in gain.group().lower() and _BUT.search(s.text, m.end()):
            gain = None  # "She is able to dress herself and make simple meals, but ...": what she can do, with its limits
        if told_of_another(s.text, m.start(), m.end()):
            continue  # "Her husband now walks 2 miles a day": another's activity
        if gain and polarity(s.text, m.start(), m.end()) == "affirmed" and not _ACTIVITY_LIMIT.search(before):
            record(s, ctx, "function.adl_improvement", "yes", m)
        elif not gain and _ACTIVITY_DEPENDENCE.search(before) and _UNCHANGED.search(s.text):
            # help still needed, with no change said: "No change in activity: still needs his wife to help him dress"
            record(s, ctx, "function.adl_improvement", "no", m)


def _on_current_drug(ctx: Context) -> bool:
    """The worker takes a drug now: a symptom reported better is reported of the care the worker is in."""
    return any(d.status == "current" for d in ctx.draft.drugs)


def _names_a_drug(text: str, ctx: Context) -> bool:
    """Whether *text* names a drug or speaks of the medication."""
    return bool(search(_MEDICATION_WORD, text)) or (may_name_a_drug(text, ctx) and bool(drug_mentions(text, ctx)))


#: A report whose subject is a pronoun: "She says it helps her get through her shift", "they make the burning tolerable".
_PRONOUN_SUBJECT = re.compile(
    r"\b(?:it|they|these|this|that|them|the\s+(?:patch(?:es)?|cream|gel|ointment|pills?|tablets?|drug|medicine))\s+(?:\w+\s+)?$", _I
)


#: The worker said better as a whole, in the care the worker is in: "he is much better than when I started".
_PATIENT_BETTER = re.compile(
    r"\b(?:he|she|pt|patient)\s+(?:is|feels|has\s+been|is\s+doing)\s+[\"']?(?:(?:much|a\s+lot|way|so\s+much|significantly)\s+)?better\b"
    r"(?!\s+(?:when|while|if|with\s+rest|in\s+the|after|at\s+night|(?:with\s+|at\s+)?(?:sitting|lying|standing|rest(?:ing)?|reclining)\b))",
    _I,
)


def _reported_relief(s: Sentence, ctx: Context, previous: Sentence | None = None) -> None:
    """The patient's own report of relief ('helps a little', '30% relief', 'takes the edge off'): subjective improvement.

    *previous* is the sentence before: a report whose subject is "it" or "they" is of the drug it names ("Meds:
    tramadol ER 150 mg daily. She says it helps her get through her shift").
    """
    reports = list(finditer(_REPORTED_RELIEF, s.text))
    if not reports or (
        not search(_MEDICATION_WORD, s.text) and not _CARE.search(s.text)
        and not (may_name_a_drug(s.text, ctx) and drug_mentions(s.text, ctx))
        and not (_on_current_drug(ctx) and any(re.match(_SYMPTOM_BETTER, m.group(), _I) or _PATIENT_BETTER.search(
            s.text, max(0, m.start() - 25), min(len(s.text), m.end() + 40)) for m in reports))
        and not (
            previous is not None and _on_current_drug(ctx)
            and any(_PRONOUN_SUBJECT.search(s.text[max(0, m.start() - 25) : m.start()])
                    or re.match(r"(?:(?:says?|states?|reports?)\s+(?:that\s+)?)?(?:it|they|these|this|that)\b|(?:me|le|les)\s+ayuda", m.group(), _I)
                    for m in reports)
            and _names_a_drug(previous.text, ctx) and not _PROCEDURE.search(previous.text)
        )
    ):
        return  # relief of no treatment the note names: nothing said of the care
    measured = [g.span() for g in finditer(_MEASURED, s.text)]  # the sentence's measures, read once for every report
    for m in reports:
        if _ASSISTANCE.search(s.text[max(0, m.start() - 40) : m.start()]) or (
            "help" in m.group().lower() and re.match(r"\s+(?:with|w/)\s", s.text[m.end() :])
            and not _HELP_WITH_SYMPTOM.match(s.text[m.end() :])
        ):
            continue
        clause = s.text[max(0, m.start() - 60) : m.end() + 30]
        if _PROCEDURE.search(clause) or re.match(r"\s+only\b", s.text[m.end() :]):
            continue
        if _PAST_COURSE.search(s.text[max(0, m.start() - 60) : m.start()]):
            continue  # "PT x 12 (2019) with temporary help": a prior course's effect
        if _SLIGHT.search(s.text[max(0, m.start() - 20) : m.start()]):
            continue  # "minimal help", "little relief": next to no benefit is not an improvement
        if _ENDED.search(s.text[max(0, m.start() - 25) : m.start()]) or _NOT_BENEFIT.match(s.text, m.end()) \
                or _NOT_BENEFIT_BEFORE.search(s.text[max(0, m.start() - 20) : m.start()]):
            continue  # "stopped helping", "lowest effective dose", "effective 03/01": no help had from the care now
        if _WORE_OFF.match(s.text, m.end()) and _PAST_TENSE.search(s.text, max(0, m.start() - 15), m.end()):
            continue  # "helped for a day or two after each session, then the pain returned": a course's temporary effect
        if _UNREALISED.search(s.text[max(0, m.start() - 50) : m.start()]):
            continue  # "will try gabapentin to help": a help hoped for
        window = s.text[max(0, m.start() - 40) : m.end() + 50]
        if any(w in window.lower() for w in _PAST_HELP_WORDS) and _HELPED_BEFORE.search(window):
            continue  # "Flexeril helped in the past but was stopped": a drug's help before, not the care the worker is in
        if _LETS.match(m.group()) and (_QUANTITY.search(s.text) or _SIZED_ACTIVITY.match(s.text, m.end())):
            continue  # "helps ~30%, lets her finish her shift", "lets her walk 30 min": sized relief, or a measured gain
        if quantified(s.text, m.start(), m.end()) or any(a < m.end() + 60 and b > m.start() for a, b in measured):
            continue  # "helps ~30%", "40% relief": a benefit with a number is pain relief, not the unquantified "helps"
        if polarity(s.text, m.start(), m.end()) == "affirmed":
            record(s, ctx, "function.subjective_improvement", "yes", m)


#: A benefit given a size: "~30%", "40 percent", "by half", "8/10 -> 3/10"; a taper's "10-25% reductions" too.
_QUANTITY = re.compile(
    r"\d+\s*(?:-\s*\d+\s*)?(?:%|percent\b)|\bby\s+(?:about\s+|at\s+least\s+|roughly\s+)?(?:half|a\s+third|two[- ]thirds|a\s+quarter)\b"
    r"|\b\d+(?:\.\d+)?\s*/\s*10\b[^,;()]{0,12}?(?:->|-->|=>|\u2192|\bto\b)|\b\d+(?:\.\d+)?\s*(?:->|-->|=>|\u2192)\s*\d",
    _I,
)
#: Where the clause of a report ends: a comma, semicolon, bracket or a new clause after "and".
_CLAUSE_END = re.compile(r"[,;()\[\]]|\s(?:and|but|while|with\s+no)\s|\.(?:\s|$)", _I)


def quantified(text: str, start: int, end: int) -> bool:
    """Whether the report at text[start:end] states how much it helped, within its own clause.

    Corpus README's key conventions: a benefit stated with numbers is pain relief (or a measured gain), and
    subjective improvement is only the unquantified "helps"; the clause stops at a comma or a new "and" clause,
    so "cut the burning by 40 percent and he is sleeping better" still has its unquantified "sleeping better".
    """
    if _QUANTITY.search(text, start, end):
        return True
    head = text[max(0, start - 40) : start]
    cuts = list(_CLAUSE_END.finditer(head))
    head = head[cuts[-1].end() :] if cuts else head
    tail = text[end : end + 40]
    cut = _CLAUSE_END.search(tail.replace("(", " ").replace(")", " "))  # a bracket after the report sizes it: "(7->5)"
    tail = tail[: cut.start()] if cut else tail
    return bool(_QUANTITY.search(head) or _QUANTITY.search(tail))


def _told_pair(m: re.Match[str]) -> tuple[tuple[str, float], tuple[str, float]] | None:
    """(then, now) of a labelled pair, each as (kind, amount); None when neither value carries a unit."""
    for a, b in ("ab", "cd", "ef"):
        if m.group(a) is not None:
            ua, ub = m.group("u" + a), m.group("u" + b)
            if not (ua or ub):
                return None
            return _scaled(m.group(a), ua or ub), _scaled(m.group(b), ub or ua)
    return None


def _amount(value: str) -> str:
    """A figure for an amount told in words ("an hour", "two blocks")."""
    words = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
             "nine": 9, "ten": 10, "fifteen": 15, "twenty": 20, "thirty": 30, "forty": 40, "forty-five": 45, "sixty": 60}
    v = value.lower().strip()
    if v.startswith("half"):
        return "0.5"
    return str(words.get(v, v))


def _gain_said(s: Sentence, m: re.Match[str], *, plan: bool = True, could: bool = False) -> bool:
    """Whether a gain read at *m* is the worker's, told as done, now, and of a capacity (not stiffness, relief or pain)."""
    lead = s.text[max(0, m.start() - 40) : m.start()]
    return not (
        _no_capacity(s.text, m) or _PRE_INJURY.search(s.text)
        or (plan and planned(s.text, m.start(), m.end())) or told_of_another(s.text, m.start(), m.end())
        or _GOAL.search(lead) or polarity(s.text, m.start(), m.end()) not in (("affirmed", "hedged") if could else ("affirmed",))
    )


#: A flowsheet's column heads, the earlier and the later: "Measure  Eval 1/21/20  Today", "Admission (04/19)  Day 10 (05/02)",
#: "Initial  Current", "IE  Re-eval".
_EARLY_COLUMN = (
    r"(?:(?-i:IE)|initial(?:\s+eval\w*)?|(?<!re-)(?<!re)eval(?:uation)?|intake|baseline|admission|(?-i:SOC)|start\s+of\s+care|prior|previous"
    r"|pre-?op|(?:day|visit|week|wk)\s*(?:1|one)|first\s+visit)"
)
_LATE_COLUMN = r"(?:today|current|now|re-?eval\w*|discharge|latest|this\s+visit|(?:day|visit|week|wk)\s*(?:[2-9]|\d\d+)|post-?op)"
_COLUMNS = re.compile(
    rf"^\W*(?:[A-Za-z][\w /()-]{{0,40}}?\s)?(?:(?P<early>{_EARLY_COLUMN})\b[^.]{{0,40}}?\b(?P<late>{_LATE_COLUMN})|(?P<late2>{_LATE_COLUMN})\b[^.]{{0,40}}?"
    rf"\b(?P<early2>{_EARLY_COLUMN}))\b[^.]{{0,30}}$",
    _I,
)
#: A flowsheet row: a measure's name, then its value under each column head ("Sitting tolerance 20 min 50 min", "Modified ODI 44% 28%").
_ROW = re.compile(
    r"^\W*(?P<label>[A-Za-z0-9][^\n]{1,60}?)\s+(?P<a>\d+(?:\.\d+)?)\s*(?P<ua>%|[A-Za-z]+)?\s*(?:/\s*\d+\s*)?\s+"
    r"(?P<b>\d+(?:\.\d+)?)\s*(?P<ub>%|[A-Za-z]+)?\s*(?:/\s*\d+)?\s*\.?$",
)
#: A row that measures a capacity (more is better): a tolerance, a distance, a weight lifted, a hold.
_CAPACITY_ROW = re.compile(
    r"\b(?:lift\w*|carr\w*|walk\w*|sit\w*|stand\w*|tolerances?|distance|grip|push\w*|pull\w*|plank|stairs?|endurance|squat\w*|PILE)\b", _I
)
_CAPACITY_UNIT = re.compile(r"^(?:min(?:ute)?s?|hrs?|hours?|h|s|secs?|seconds?|lbs?|pounds?|kgs?|ft|feet|m|blocks?|miles?|steps|reps|flights?)$", _I)


def _heads_above(s: Sentence) -> re.Match[str] | None:
    """The column heads right before a flowsheet's first row, in the note's text since the last sentence's end: a heads'
    line in capitals ("OBJECTIVE MEASURES  ADMISSION  DAY 10") may be taken for a section heading, with no sentence of its own."""
    before = s.tm.text[max(0, s.start - 200) : s.start]
    cut = max([0] + [m.end() for m in re.finditer(r"[.!?:]\s", before)])
    return _COLUMNS.match(" ".join(before[cut:].split()))


def _table_gains(sentences: list[Sentence], ctx: Context) -> None:
    """A flowsheet's rows under an earlier and a later column ("Measure | Eval | Today"): a disability score that fell or a
    capacity that grew is a measured gain; a score the same in both columns documents none."""
    later_first: bool | None = None
    for s in sentences:
        heads = _COLUMNS.match(s.text)
        if heads and not _ROW.match(s.text):
            later_first = heads.group("late2") is not None
            continue
        if later_first is None:
            if not _ROW.match(s.text) or (heads := _heads_above(s)) is None:
                continue
            later_first = heads.group("late2") is not None  # the heads' line read as a section heading ("OBJECTIVE MEASURES ...")
        row = _ROW.match(s.text)
        if row is None:
            if re.search(r"[A-Za-z0-9]", s.text):
                later_first = None  # the table has ended
            continue
        before, now = float(row.group("a")), float(row.group("b"))
        if later_first:
            before, now = now, before
        scale = _SCALE.search(row.group("label"))
        if scale is not None:
            if before == now:
                record(s, ctx, "function.objective_improvement", "no", row)
                continue
            change = (before - now) if scale.group("lower") else (now - before)
        else:
            units = {u.lower().rstrip("s") for u in (row.group("ua"), row.group("ub")) if u}
            if not _CAPACITY_ROW.search(row.group("label")) or len(units) != 1 or not _CAPACITY_UNIT.match(next(iter(units))):
                continue  # a motion, a girth, a time to do a task: which way is better the row does not say
            change = now - before
        if change > 0 and change >= _SIGNIFICANT * max(before, now):
            record(s, ctx, "function.objective_improvement", "yes", row)


def _labelled_gains(s: Sentence, ctx: Context) -> None:
    """A capacity told at two labelled times that grew (a flowsheet's "10 min (IE) / 30 min (today)"), one now set against
    a smaller one before ("last month could only sit 30 minutes"), an aid no longer needed, work restrictions eased."""
    for m in finditer(_LABELLED_PAIR, s.text):
        told = _told_pair(m)
        if told is not None and told[0][0] == told[1][0] and told[1][1] > told[0][1] and _gain_said(s, m):
            record(s, ctx, "function.objective_improvement", "yes", m)
    for m in finditer(_NOW_THEN_LESS, s.text):
        b, ub = (m.group("b"), m.group("ub")) if m.group("b") is not None else (m.group("b2"), m.group("ub2"))
        if b is not None:
            now, then = _scaled(_amount(m.group("a")), m.group("ua")), _scaled(_amount(b), ub)
            if now[0] != then[0] or now[1] <= then[1]:
                continue
        if _gain_said(s, m):
            record(s, ctx, "function.objective_improvement", "yes", m)
    for m in finditer(_FULL_SHIFT, s.text):
        # "she could drive her full route again": a past "could" told as done, not a possibility ("could ... if", "might")
        could = bool(re.search(r"\bcould\b", s.text[: m.start()], _I)) and not _POSSIBLE.search(s.text)
        if _gain_said(s, m, plan=False, could=could):  # "she can do a full shift": a bare "do" before it is no plan here (`_GOAL` is)
            record(s, ctx, "function.objective_improvement", "yes", m)
    for m in finditer(_AID_DROPPED, s.text):
        if _gain_said(s, m):
            record(s, ctx, "function.objective_improvement", "yes", m)
            if re.search(r"(?:assist(?:ance)?|help)$", m.group(), _I) and (
                (a := _ACTIVITY.search(s.text, m.end(), m.end() + 40)) or (a := _ADL.search(s.text, m.end(), m.end() + 40))
            ):
                record(s, ctx, "function.adl_improvement", "yes", a)  # "no longer requires assistance with dressing"
    for m in finditer(_RESTRICTIONS_EASED, s.text):
        if _gain_said(s, m) and not _CONDITIONAL.search(s.text[max(0, m.start() - 60) : m.start()]):
            record(s, ctx, "function.objective_improvement", "yes", m)


def _adl(s: Sentence, ctx: Context) -> None:
    """'ADLs improved', 'now able to do chores': activities of daily living better (or documented not)."""
    for m in finditer(_ADL, s.text):
        lo = max(0, m.start() - 50)
        better = _ADL_BETTER.search(s.text, lo, m.end() + 50)
        if _GOAL.search(s.text, max(0, m.start() - 50), m.start()):
            continue  # "Goal: independent with ADLs"
        said = polarity(s.text, m.start(), m.end())
        if _ADL_SAME_BEFORE.search(s.text[max(0, m.start() - 60) : m.start()]):
            record(s, ctx, "function.adl_improvement", "no", m)  # "No change in ADLs"
            continue
        if better and re.match(r"able\s+to|independent", better.group(), _I) and _WITH_LIMIT.match(s.text, m.end()):
            continue  # "able to perform ADLs with difficulty": what the worker can do, with its limit, is no gain
        if better:
            if said == "affirmed" and polarity(s.text, better.start(), better.end()) == "negated":
                said = "negated"  # "her ability to perform ADLs has not improved"
            if said in ("affirmed", "negated"):
                record(s, ctx, "function.adl_improvement", "yes" if said == "affirmed" else "no", m)
        elif said == "affirmed" and _ADL_SAME.search(s.text[m.end() : m.end() + 50]):
            record(s, ctx, "function.adl_improvement", "no", m)  # "ADLs unchanged"


#: When a flowsheet or a therapy note sets the earlier value: "(IE)", "at intake", "initial", "was", "at the first visit".
_EARLY_LABEL = (
    r"(?:(?:at\s+)?(?:the\s+|his\s+|her\s+)?(?:(?-i:IE)|initial(?:\s+eval\w*|\s+visit)?|intake|baseline|admission|(?-i:SOC)"
    r"|(?<!re-)(?<!re)eval(?:uation)?|first\s+visit|start\s+of\s+(?:care|therapy|PT|treatment))|was|previously|prior|before"
    r"|last\s+(?:visit|month|time))"
)
#: When it sets the value now: "(today)", "current", "now", "at re-eval", "at discharge".
_LATE_LABEL = r"(?:(?:at\s+)?(?:today|now|current(?:ly)?|latest|re-?eval\w*|discharge|this\s+visit|presently))"
#: A capacity told at two times, each with its label: "10 min (IE) / 30 min (today)", "initial 5 min, current 20 min",
#: "15 lb at IE, 30 lb today", "was 10 lbs, now 25 lbs", "2 blocks at her first visit and now walks 6 blocks".
_LABELLED_PAIR = re.compile(
    rf"\b(?P<a>\d+(?:\.\d+)?)\s*-?\s*(?P<ua>{_UNIT})?\s*\(?\s*{_EARLY_LABEL}\s*\)?\s*(?:[,/;]|\band\b|\s-\s)\s*(?:(?:he|she|pt)\s+)?"
    rf"(?:(?:is\s+)?now\s+(?:\w+\s+){{0,2}}?)?(?P<b>\d+(?:\.\d+)?)\s*-?\s*(?P<ub>{_UNIT})?\s*\(?\s*{_LATE_LABEL}\b"
    rf"|\b{_EARLY_LABEL}\s*[:=]?\s*(?P<c>\d+(?:\.\d+)?)\s*-?\s*(?P<uc>{_UNIT})?\s*(?:[,/;]|\band\b|\s-\s)\s*{_LATE_LABEL}\s*[:=]?\s*"
    rf"(?P<d>\d+(?:\.\d+)?)\s*-?\s*(?P<ud>{_UNIT})?"
    rf"|\b(?P<e>\d+(?:\.\d+)?)\s*-?\s*(?P<ue>{_UNIT})\s+(?:at\s+(?:the\s+|his\s+|her\s+)?(?:first|initial)\s+(?:visit|eval\w*)|at\s+intake|initially)\b"
    rf"[^.;]{{0,30}}?\bnow\s+(?:\w+\s+){{0,2}}?(?P<f>\d+(?:\.\d+)?)\s*-?\s*(?P<uf>{_UNIT})?",
    _I,
)
#: A capacity now, and a smaller one at a time named before, with "only" or "barely": "Now able to sit through a 2-hour
#: movie; last month could only sit 30 minutes", "Walks 1 mile daily now; in January he could barely walk to the corner".
_NOW_THEN_LESS = re.compile(
    rf"\b(?P<a>{_AMOUNT})\s*-?\s*(?P<ua>{_UNIT})\b[^.]{{0,70}}?[,;(]?\s*(?:in\s+(?-i:[A-Z])\w+|last\s+(?:visit|week|month|year|time|spring|summer|fall|winter)"
    r"|before\s+(?:treatment|the\s+\w+|starting\s+\w+|(?:we|he|she|I)\s+[^.;]{0,40}?)|previously|at\s+intake|initially|(?:a|\d+|two|three|six)\s+(?:weeks?|months?)\s+ago)\s*,?\s*"
    r"(?:(?:he|she|pt|the\s+patient)\s+)?(?:(?:could|was\s+able\s+to|was)\s+(?:only|barely|hardly|just)\b"
    rf"(?:[^.;]{{0,30}}?\b(?P<b>{_AMOUNT})\s*-?\s*(?P<ub>{_UNIT})\b)?"
    rf"|(?:could|was\s+able\s+to)\s+\w+\s+(?:about\s+|~|approximately\s+)?(?P<b2>{_AMOUNT})\s*-?\s*(?P<ub2>{_UNIT})\b)",
    _I,
)
#: What makes a number of minutes no capacity: stiffness, a drug's relief, sleep, pain ("morning stiffness 60 min -> 15 min").
_NOT_CAPACITY = re.compile(r"\b(?:stiffness|relief|lasts|lasting|onset|sleep\w*|slept|wears?\s+off|duration|nap(?:s|ping|ped)?|stays?\s+in\s+bed)\b", _I)


def _no_capacity(text: str, m: re.Match[str]) -> bool:
    """Whether the amount at *m* measures no capacity: hours slept, a drug's relief lasting, stiffness ("able to sleep 6 hrs
    (vs 3)", "relief now lasts 4 hours, up from 2"), told in its own clause before the first figure."""
    lead = text[max(0, m.start() - 40) : m.start()]
    cuts = list(re.finditer(r"[,;(]|\s(?:and|but)\s|\s-\s", lead))
    lead = lead[cuts[-1].end() :] if cuts else lead
    head = re.split(r"\d", m.group(), maxsplit=1)[0]
    return bool(_NOT_CAPACITY.search(lead + " " + head))
#: A full shift or day worked now, set against a shorter one before: "tolerating full 8 hr shifts (only 4 hr shifts in
#: June)", "a full shift of floor care (was stopping after 4 h)", "his full 4-hour shift; before ... he was leaving after 2 hours".
_FULL_SHIFT = re.compile(
    r"\bfull\s+(?:(?:\d+|eight|ten|twelve)\s*-?\s*(?:hrs?|hours?|h)\s*-?\s*)?(?:shifts?|work\s*-?\s*days?|days?|route|schedule)\b"
    r"(?=[^.]{0,100}?(?:\(\s*(?:before\s+)?(?:only|was)\b|\bonly\s+\w+\s*-?\s*(?:hrs?|hours?|h)\b[^.;]{0,25}?\b(?:in|at|before|last|previously)\b"
    r"|\b(?:was|were)\s+(?:stopping|leaving|going\s+home|quitting)\s+(?:after|at|early)"
    r"|\bcould\s*(?:not|n't)\b[^.;]{0,20}?\b(?:in\s+(?:the\s+)?\w+|before|last\s+\w+|previously)))",
    _I,
)
#: A sentence that tells a possibility, not a thing done: "could work a full shift if ...", "might be able to".
_POSSIBLE = re.compile(r"\b(?:if|unless|once|might|may|would|should)\b", _I)
#: An aid or another's help no longer needed: "No longer needs a cane", "no longer uses the walker", "weaned off crutches".
_AID = (
    r"(?:(?:single[- ]point\s+|quad\s+|front[- ]wheeled\s+|rolling\s+)?(?:cane|walker|crutch(?:es)?|wheelchair|scooter|sling"
    r"|assistive\s+device|(?:hand)?rails?)|assist(?:ance)?|help)"
)
_AID_DROPPED = re.compile(
    r"\bno\s+longer\s+(?:needs?|needing|requires?|requiring|uses?|using|relies\s+on|dependent\s+on)\s+(?:a\s+|an\s+|the\s+|his\s+|her\s+|any\s+)?"
    rf"{_AID}\b"
    r"|\b(?:weaned|graduated|came)\s+off\s+(?:of\s+)?(?:the\s+|his\s+|her\s+)?(?:cane|walker|crutch(?:es)?|wheelchair|sling)\b"
    r"|\bnow\s+(?:\w+\s+){0,2}?(?:without|w/o)\s+(?:a\s+|the\s+|his\s+|her\s+|any\s+)?(?:cane|walker|crutch(?:es)?|assistive\s+device|assist(?:ance)?|help)\b",
    _I,
)
#: Work restrictions eased: "restrictions were loosened", "lifting restriction increased to 30 lbs", "upgraded from modified
#: to full duty" (a reduction in work restrictions is functional improvement: 8 CCR 9792.20(e)).
_RESTRICTIONS_EASED = re.compile(
    r"\b(?:work\s+|lifting\s+)?restrictions?\s+(?:were\s+|was\s+|have\s+been\s+|has\s+been\s+)?(?:eased|reduced|decreased|loosened|liberali[sz]ed"
    r"|lifted|removed|relaxed|upgraded|lessened)\b"
    r"|\b(?:eased|loosened|liberali[sz]ed|relaxed|upgraded|lessened)\s+(?:(?:his|her|the)\s+)?(?:work\s+|lifting\s+)?restrictions?\b"
    r"|\b(?:upgraded|advanced|progressed|moved)\s+from\s+(?:modified|light|restricted|TTD|off\s+work)\s*(?:duty\s+|work\s+)?to\s+(?:full|regular|usual|modified|light)\b",
    _I,
)


#: Less medication, a measured reduction in dependency (8 CCR 9792.20(f)): "cut her Norco from four tablets a day to one".
_LESS_MEDICATION = re.compile(
    r"\b(?:cut|reduced|decreased|lowered|weaned)\s+(?:his|her|the)\s+[\w/ -]{0,30}?\bfrom\s+\S+\s+"
    r"(?:tablets?|pills?|tabs?|mg|doses?)\b[^.;]{0,30}?\bto\b"
    # "ibuprofen use down from 800 TID to 600 BID", "Norco intake reduced from 4/day to 2/day"
    r"|\b(?:use|dose|dosage|intake|consumption)\s+(?:is\s+|was\s+|has\s+been\s+)?(?:down|reduced|decreased|lowered|cut)\s+"
    r"from\s+\S+[^.;]{0,25}?\bto\b",
    _I,
)


#: Work only offered or allowed, not done: "may return to modified duty", "modified duty if available", "offered light duty".
_OFFERED = re.compile(
    r"\b(?:may|can|could|would|able\s+to)\s+(?:return|go\s+back|resume|work)\b|\bif\s+(?:\w+\s+){0,3}?(?:available|accommodat\w*)\b"
    r"|\boffer\w*|\breleased?\s+to\b|\brecommend\w*|\b(?:when|whether)\b[^.;]{0,40}\bavailable\b"
    r"|\bthere\s+is\s+(?:\w+\s+)?(?:light|modified)\s+(?:work|duty)\b",
    _I,
)
#: A status expected later: "anticipate return to full duty", "goal is return to regular work", "expect RTW in 6 weeks".
_FUTURE_WORK = re.compile(
    r"\b(?:anticipat\w*|expect\w*|hope[sd]?|hoping|goals?|aim\w*|target\w*|eventual\w*|projected|plan(?:s|ned)?\s+to)\b[^.;]{0,30}$", _I
)
#: A list of what is still to come, however long: "Goals: quad 5/5, carry 50 lb x 50 ft, return to full duty", and the
#: first report's "date when patient can return to: Regular work __/__/__ Modified work 03/02/19".
_LISTED_AHEAD = re.compile(r"\b(?:goals?|can\s+return\s+to)\s*:[^.;]*$", _I)
#: The first report's return-date field a sentence or two back: "... can return to: Modified work 9/11 - no lifting.
#: Regular work: est 10/5".
_RETURN_FIELD = re.compile(r"\bcan\s+return\s+to\s*:", _I)
_RETURN_FIELD_REACH = 160
#: A status of another time: before ("had been on mod duty"), or after a set time off ("TTD x 2 wks then mod duty").
_STATUS_BEFORE = re.compile(
    r"\b(?:had\s+been|was\s+previously|previously|formerly|initially)\s+(?:on\s+)?$|\b(?:went|moved|advanced|progressed)\s+from\s+$"
    r"|\b(?:x|for|through|thru|until)\s*\d+[^.;]{0,15}?\bthen\s+$"
    # the job before the claim: "Prior to the injury he worked full duty as a welder"
    r"|\b(?:prior\s+to|before)\s+(?:the\s+|his\s+|her\s+|this\s+)?(?:injury|accident|DOI|claim|industrial\s+injury)\b[^.;]{0,30}$",
    _I,
)
#: The Doctor's First Report asks whether the worker can do the usual work: the status it gives is prescribed from today.
_FIRST_REPORT = re.compile(r"\bable\s+to\s+perform\s+(?:his\s+|her\s+|the\s+)?usual\s+work\b", _I)


def _ticked(at: int, spans: list[tuple[int, int]]) -> bool:
    return any(lo <= at < hi for lo, hi in spans)


def _working(ctx: Context, raw: str) -> None:
    """In a note, a worker documented at work in any capacity (full, modified or part-time duty) has returned to work; work only
    offered or allowed ("may return to modified duty if available") documents no return."""
    status = ctx.draft.work_status
    if not ctx.note or status is None or status[0] not in ("full_duty", "modified_duty", "part_time"):
        return  # a letter's reviewer says a return to work in so many words when it counts
    if "function.returned_to_work" in ctx.draft.findings or not status[1]:
        return
    first = status[1][0]
    around = raw[first.start : first.end + 120] if first.start is not None and first.end is not None else first.quote
    if any(_OFFERED.search(ev.quote) for ev in status[1]) or _OFFERED.search(around) or _FIRST_REPORT.search(raw):
        return  # "Modified duty ... Employer to advise whether modified work is available; if not, TTD"
    for ev in status[1]:
        ctx.draft.finding("function.returned_to_work", "yes", ev)


_CAME_BACK = re.compile(
    r"\b(?:returned|went\s+back|back\s+to|resumed|RTW)"
    r"|\brestrictions?\s+(?:were\s+|was\s+|have\s+been\s+)?(?:reduced|decreased|lifted|removed|loosened|eased|liberali[sz]ed)\b",
    _I,
)


#: A return told as the time of a flare, or beside function said unchanged: no gain of the care.
_RETURN_NO_GAIN = re.compile(
    r"\b(?:flared?|flare-?ups?|worse(?:ned)?|worsening|aggravat\w*|exacerbat\w*|re-?injur\w*|unchanged|no\s+(?:\w+\s+)?change|same\s+as)\b", _I
)
#: How long ago a return to work may lie and still be the current care's gain rather than the worker's settled state.
_RECENT_RETURN_DAYS = 365


def _return_is_improvement(ctx: Context) -> None:
    """A return to work is functional improvement by definition (8 CCR 9792.20(f)), whatever else is measured.

    A return dated more than a year before the report ("returned to modified work in May 2014 and has continued
    there", in a 2016 report) is the worker's settled status: it says work goes on, not that the care now under
    review improved function.
    """
    votes = ctx.draft.findings.get("function.returned_to_work")
    report = ctx.latest_report
    for ev in votes.yes if votes is not None else []:
        if not _CAME_BACK.search(ev.quote):
            continue  # being at work, not a return
        if _RETURN_NO_GAIN.search(ev.quote):
            continue  # "flared after he returned to full duty", "unchanged function (back to modified duty)"
        dated = [d.date.latest() for d in find_dates(ev.quote)]
        if report is not None and dated and (report.earliest() - max(dated)).days > _RECENT_RETURN_DAYS:
            continue
        ctx.draft.finding("function.objective_improvement", "yes", ev)


#: Words that tell a change in an activity: done again, resumed, now, no longer needing help, not possible before.
_REGAINED = re.compile(
    r"\b(?:again|resumed|resume|now|back\s+to|went\s+back|no\s+longer\s+needs?|could\s*(?:not|n't)|couldn't|was\s+unable"
    r"|improved|improvement|better|increased|(?:up|more)\s+from|for\s+the\s+first\s+time)\b",
    _I,
)


def _adl_is_function(ctx: Context) -> None:
    """Functional improvement is a clinically significant improvement in activities of daily living or a reduction in work
    restrictions (8 CCR 9792.20(e)): activities regained are a functional gain, and ADLs said to be no better document
    none (where nothing else says a gain)."""
    adl = ctx.draft.findings.get("function.adl_improvement")
    if adl is None:
        return
    for ev in adl.yes:
        if _REGAINED.search(ev.quote):  # a change told, not what the worker can do ("lets him drive the tractor")
            ctx.draft.finding("function.objective_improvement", "yes", ev)
    objective = ctx.draft.findings.get("function.objective_improvement")
    if not adl.yes and (objective is None or not objective.yes):
        for ev in adl.no:
            ctx.draft.finding("function.objective_improvement", "no", ev)


def _not_returned(ctx: Context) -> None:
    """A worker documented off work has not returned to work: the same words document both."""
    status = ctx.draft.work_status
    if status is not None and status[0] == "off_work" and "function.returned_to_work" not in ctx.draft.findings:
        for ev in status[1]:
            ctx.draft.finding("function.returned_to_work", "no", ev)


def _subjective(s: Sentence, ctx: Context) -> None:
    for m in finditer(_BENEFIT_VERB, s.text):
        said = polarity(s.text, m.start("verb"), m.end("verb"))
        tail = s.text[m.end() : m.end() + 60]
        worked = "work" in m.group("verb").lower() or "help" in m.group("verb").lower()
        if said == "affirmed" and (worked or _BENEFIT_OBJECT.search(tail)) and not search(_MEASURED, s.text) \
                and not _UNREALISED.search(s.text[max(0, m.start("verb") - 50) : m.start("verb")]):
            record(s, ctx, "function.subjective_improvement", "yes", m)
    for m in finditer(_WITH_MEDICATION, s.text):
        if polarity(s.text, m.start(), m.end()) == "affirmed":
            record(s, ctx, "function.subjective_improvement", "yes", m)


#: Modified work the employer does not give: the worker is off work ("Employer not accommodating; pt not working").
_NOT_ACCOMMODATED = re.compile(
    r"\b(?:not|cannot|can'?t|un(?:able|willing)\s+to)\s+(?:\w+\s+){0,2}?accommodat\w*|\bno\s+(?:modified|light)\s+(?:duty|work)\s+(?:is\s+)?available\b"
    # the duty's restrictions may stand between: "Modified duty (no climbing/kneeling) not available"
    r"|\b(?:modified|light)\s+(?:duty|work)\s+(?:\([^()]{0,60}\)\s*)?(?:is\s+|was\s+)?(?:not|un)\s*available\b"
    r"|\b(?:has|had|have)\s+no\s+(?:light|modified|restricted)\s+(?:duty|work)\b"
    # no post to go to, or restrictions said not met: "no position available", "restrictions could not be met"
    r"|\bno\s+(?:suitable\s+|open\s+)?(?:positions?|jobs?|openings?)\s+(?:is\s+|are\s+)?available\b"
    r"|\brestrictions?\b[^.;]{0,60}?\b(?:could\s*not|couldn'?t|cannot|can'?t|were\s+not|was\s+not)\s+(?:be\s+)?(?:met|accommodated)\b",
    _I,
)
#: Modified work the employer holds ready is an offer, not the status: "the employer has light duty waiting for him".
_EMPLOYER_HAS = re.compile(r"\b(?:employer|company)\s+(?:has|have|had|offers?|offered|is\s+offering|holds?)\s+(?:\w+\s+)?$", _I)
#: Off work said before the restrictions that would apply: "TTD (restrictions: no lifting > 10 lb)".
_OFF_BEFORE = re.compile(r"\bTTD\b|\boff\s+work\b|\btemporar(?:il)?y\s+(?:totally\s+)?disabled\b", _I)


#: Text an EHR carries over from an earlier note: "HPI (copied forward from 01/05/2016):", "(Copied forward)".
_COPIED = re.compile(r"\b(?:cop(?:ied|y)[- ]?forward(?:ed)?|copied\s+from|carried\s+(?:forward|over)\s+from)\b", _I)
#: How far back a heading that says so may stand.
_COPIED_REACH = 400


def copied_forward(s: Sentence) -> bool:
    """Whether the sentence stands in text copied forward: marked in it, or in the heading line of its block."""
    if search(_COPIED, s.text):
        return True
    before = s.tm.text[max(0, s.start - _COPIED_REACH) : s.start]
    heads = list(re.finditer(r"(?:^|\s)(?:[A-Z][A-Za-z /()]{1,40}?(?:\([^)]{0,40}\))?):(?=\s)", before))
    return bool(heads) and bool(_COPIED.search(heads[-1].group()))


#: A work status section's bare answer: "modified", "light", "restricted" (with or without its limits after it).
_BARE_MODIFIED = re.compile(r"^\W*(?:mod(?:ified)?|light|restricted)\b(?!\s+(?:hours|schedule))", _I)
#: A form's restrictions field answered "none".
_RESTRICTIONS_LABEL = re.compile(r"\b(?:work\s+)?restrictions?\s*:\s*$", _I)
_NONE_ANSWER = re.compile(r"^\s*(?:none|no\s+restrictions?|nil)\s*\.?\s*$", _I)


def _work_status(s: Sentence, ctx: Context) -> None:
    """The first work status stated; a note's WORK STATUS section outranks words elsewhere."""
    current = ctx.draft.work_status
    from_section = s.section == "work_status"
    if (current is None or current[0] == "modified_duty" or from_section) and (m := search(_NOT_ACCOMMODATED, s.text)):
        if not _CONDITIONAL.search(s.text[max(0, m.start() - 60) : m.start()]):
            ev = clause_evidence(s, m.start(), m.end())
            ctx.draft.work_status = ("off_work", [ev] if ev else [])
            ctx.work_status_unaccommodated = True
            ctx.work_status_from_section = ctx.work_status_from_section or from_section
            return
    # restrictions the employer does not meet leave the worker off work, whatever duty they describe (corpus README)
    unmet = ctx.work_status_unaccommodated and current is not None and current[0] == "off_work"
    if current is not None and (ctx.work_status_from_section or not from_section) and not (
        ctx.work_status_copied and not copied_forward(s)
    ) and not (ctx.work_status_past and not ctx.work_status_from_section):
        return  # the first status stated holds, unless it was copied forward or told of an earlier time
    if _NONE_ANSWER.match(s.text) and (label := _RESTRICTIONS_LABEL.search(s.tm.text, max(0, s.start - 30), s.start)):
        # "Work restrictions: none": the heading asks, the answer releases to full duty
        ev = s.tm.evidence(label.start(), s.start + len(s.text), s.source)
        ctx.draft.work_status = ("full_duty", [ev] if ev else [])
        ctx.work_status_from_section = from_section
        return
    if from_section and not unmet and (bare := _BARE_MODIFIED.match(s.text)):
        # the work status heading's answer, a bare word: "Work: modified, no use R hand"
        ev = clause_evidence(s, bare.start(), bare.end())
        ctx.draft.work_status = ("modified_duty", [ev] if ev else [])
        ctx.work_status_from_section = True
        ctx.work_status_copied = copied_forward(s)
        return
    spans = ticked_spans(s.text) if has_boxes(s.text) else [(0, len(s.text))]
    earlier: tuple[str, re.Match[str]] | None = None  # a status this sentence tells of an earlier time
    for pattern, value in among(WORK_STATUS, s.text):  # a pattern that matches nowhere in the text matches in no span
        for lo, hi in spans:
            m = search(pattern, s.text) if hi - lo == len(s.text) else pattern.search(s.text, lo, hi)
            if m and value == "off_work" and _CONDITIONAL.search(s.text[max(0, m.start() - 60) : m.start()]):
                continue  # "if modified work is not available, TTD": the employer's option, not the status
            if m and value != "off_work" and (
                _FUTURE_WORK.search(s.text[max(0, m.start() - 40) : m.start()]) or _LISTED_AHEAD.search(s.text[: m.start()])
                or _RETURN_FIELD.search(s.tm.text, max(0, s.start - _RETURN_FIELD_REACH), s.start)
            ):
                continue  # "TTD through 6/25, then anticipate return to full duty": a status still to come
            if m and value in ("modified_duty", "part_time") and (
                unmet or _EMPLOYER_HAS.search(s.text[max(0, m.start() - 40) : m.start()])
                or (m.group().lower().startswith(("restriction", "work restriction")) and _OFF_BEFORE.search(s.text[: m.start()]))
            ):
                continue  # an employer's offer, or restrictions of a worker kept off work: no duty done
            if m and _STATUS_BEFORE.search(s.text[max(0, m.start() - 40) : m.start()]):
                continue  # "(had been on mod duty/TTD since 2014)", "TTD x 2 wks then mod duty": another time's status
            if m and value == "full_duty" and re.match(r"(?:without|no)\b", m.group(), _I) and not from_section:
                continue  # "no restrictions" outside the work status names no work status
            listed = m is not None and value == "modified_duty" and re.match(r"\s*[:-]\s*no\s+\w", s.text[m.end() :])
            released = m is not None and from_section and _MAY_RETURN.search(s.text[max(0, m.start() - 25) : m.start()])
            if m and (value == "off_work" or listed or released or _said_in_own_clause(s.text, m) == "affirmed"):
                if _told_of_before(s.text, m) and not from_section:
                    earlier = earlier or (value, m)
                    continue  # "had been working full duty": kept only if the sentence tells no status of now
                _set_status(s, ctx, value, m, from_section, past=False)
                return
    if earlier is not None and (current is None or ctx.work_status_past):
        _set_status(s, ctx, earlier[0], earlier[1], from_section, past=True)


def _set_status(s: Sentence, ctx: Context, value: str, m: re.Match[str], from_section: bool, *, past: bool) -> None:
    ev = clause_evidence(s, m.start(), m.end())
    ctx.draft.work_status = (value, [ev] if ev else [])
    ctx.work_status_from_section = from_section
    ctx.work_status_copied = copied_forward(s)
    ctx.work_status_past = past


#: Words that set a status at an earlier time: "had been working full duty", "returned to full duty in 01/2023",
#: "was working full duty until the fall".
_STATUS_EARLIER = re.compile(r"\b(?:had\s+been|was|were|used\s+to|previously|formerly)\b[^.;]{0,40}$", _I)
_STATUS_UNTIL = re.compile(r"^[^.;]{0,15}?\b(?:until|till|before|prior\s+to)\b|^\s+in\s+(?:\d{1,2}/)?\d{4}\b", _I)


def _told_of_before(text: str, m: re.Match[str]) -> bool:
    """Whether a status is told of an earlier time: a past verb before it in its clause, or "until" after it."""
    head = text[: m.end()]
    cut = max([0] + [c.end() for c in re.finditer(r"[.;]\s", head)])
    return bool(
        _STATUS_EARLIER.search(text[cut : m.start()]) or _STATUS_EARLIER.search(m.group()) or _STATUS_UNTIL.match(text[m.end() :])
    )


#: The patterns `read_function` asks each sentence about, asked once for all (`shut`); one left out is only asked.
_FUNCTION_ASKS = (
    _MEASURED_PAIR, _MEASURED, _ASSESSED_LATER, _OBJECTIVE, _SAME_AS_BEFORE, _NO_CHANGE, _FUNCTION_WORD, _SUBJECTIVE_WORD,
    _NOW_NOT_BEFORE, _RETURNED, _NOT_BACK, _AT_WORK_NOW, _RETIRED, _LESS_MEDICATION,
)
