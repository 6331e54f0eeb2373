"""The same note wrapped at another width reads the same: line breaks inside prose are the editor's, not the writer's.

A note reaches UR re-wrapped by a fax, a portal or another editor, and one short line is often left inside a
paragraph where the editor's run stopped. Three classes, each with texts written for these tests:
- a paragraph with one short line inside it is still wrapped prose on either side of that line, so a sentence
  broken before a word that looks like a field ("which I" + "personally reviewed: At L5-S1 ...") goes on;
  a list of like lines ("UDS ... / CURES ... / Contract ...") is never taken for wrapped prose;
- a study's title line that ends with a colon introduces its findings on the next line ("MRI lumbar spine
  5/30/2023:" over "At L4-5 ... compressing the left L5 root"): the study corroborates radiculopathy (ACOEM
  Low Back, p. 304-305 surgical criteria: imaging that shows a lesion corroborating the findings);
- a note's own title at its very top that names the visit after an aside or subtitle, then the date, dates the
  note ("TELEHEALTH VISIT (video) - pain psychology f/u 15 Mar 2021"): there "f/u" is the visit recorded.
Expected values are what each text states, never what the reader returns. (A short title line the layout takes for a
label heading, "Lumbar MRI 4/11/2023:", is not yet read with the findings below it.)
"""

from __future__ import annotations

import datetime as dt
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from imr_engine.engine import load_engine
from imr_engine.extract import extract_text
from imr_engine.extract.note_layout import note_sentences
from imr_engine.extract.textmap import TextMap
from imr_engine.precheck import precheck

VISIT = "Date of service: 06/06/2023\n"


def _wrap(paragraph: str, width: int) -> list[str]:
    lines: list[str] = []
    line = ""
    for word in paragraph.split():
        if line and len(line) + 1 + len(word) > width:
            lines.append(line)
            line = word
        else:
            line = f"{line} {word}" if line else word
    return [*lines, line]


def _sentences(text: str) -> list[str]:
    return [re.sub(r"\s+", " ", s.text) for s in note_sentences(TextMap.build(text, rejoin_words=True))]


# ---------------------------------------------------------------- one short line inside wrapped prose

_IMAGING_PARAGRAPHS = (
    "MRI of the lumbar spine dated 12/18/2013, which I personally reviewed: at L5-S1 there is a right paracentral "
    "disc extrusion compressing the traversing right S1 nerve root. Mild facet arthropathy at L4-5 without",
    "CT of the cervical spine from 3/2/2019 which the patient brought with him today and which we went over "
    "together: foraminal narrowing at C5-6 on the left from uncovertebral spurring, no fracture. Mild disc bulge",
    "EMG and nerve conduction studies done on 8/14/2017 by the neurologist, which I read with the patient and "
    "his wife: acute denervation in the right L5 myotome with reduced recruitment. Normal sural responses and",
)
_ORPHANS = ("stenosis. No spondylolisthesis.", "canal compromise. Alignment normal.", "peroneal responses bilaterally.")


@settings(max_examples=40, deadline=None)
@given(case=st.integers(min_value=0, max_value=2), width=st.integers(min_value=48, max_value=80))
def test_a_short_line_left_inside_a_paragraph_does_not_unwrap_it(case: int, width: int) -> None:
    """Wrapped at any width, with the editor's short line after it, the paragraph's sentences are the same."""
    paragraph, orphan = _IMAGING_PARAGRAPHS[case], _ORPHANS[case]
    one_line = f"IMAGING:\n{paragraph}\n{orphan}\n"
    wrapped = "IMAGING:\n" + "\n".join(_wrap(paragraph, width)) + f"\n{orphan}\n"
    assert _sentences(wrapped) == _sentences(one_line)


def test_a_list_of_like_lines_is_not_taken_for_wrapped_prose() -> None:
    """Opioid monitoring entries of like length, each a line of its own: CURES and the agreement stay apart."""
    text = (
        "Opioid monitoring:\n"
        "  UDS 03/01/16 - consistent (hydrocodone +, no others)\n"
        "  CURES 06/06/16 - reviewed, no other prescribers found\n"
        "  Pain agreement signed 1/2015 and on file\n"
        "Aberrant behaviors: none\n"
    )
    case = extract_text("Date of service: 06/06/2016\n" + text, ["Norco 10/325 mg #90"])
    assert case.monitoring.cures_checked.value == "yes"
    assert case.monitoring.opioid_agreement.value == "yes"


# ---------------------------------------------------------------- a study's title line over its findings

@pytest.mark.parametrize(
    "study",
    [
        "MRI lumbar spine with and without gadolinium, 05/30/2023:\nAt L4-5 there is a recurrent left paracentral disc "
        "extrusion compressing the left L5 nerve root in the lateral recess.",
        "Lumbar MRI performed at the imaging center on 4/11/2023 (report in chart):\nLarge L5-S1 herniation, right "
        "sided, with impingement of the right S1 nerve root.",
        "MRI L-SPINE 02/02/2023:\nL4-5 extruded disc fragment displacing the L5 root on the left.",
        "MRI lumbar spine without contrast obtained 1/9/23, reviewed today:\nsevere left foraminal stenosis at L5-S1 "
        "with compression of the exiting L5 nerve root",
        "Imaging - MRI lumbar spine, 3/3/2023:\nL4-L5 disc protrusion abutting and displacing the descending L5 nerve root.",
    ],
)
def test_a_study_title_line_introduces_the_findings_below_it(study: str) -> None:
    case = extract_text(VISIT + "IMAGING:\n" + study + "\n", ["L4-5 microdiscectomy"])
    assert [i.corroborates_radiculopathy for i in case.imaging] == ["yes"]


def test_a_title_line_over_another_study_takes_none_of_its_findings() -> None:
    """Two studies one under the other: the first has no findings of its own."""
    text = (
        "IMAGING:\nLumbar x-rays 2/1/2023:\nMRI lumbar spine 3/1/2023: L5-S1 extrusion compressing the right S1 nerve root.\n"
    )
    case = extract_text(VISIT + text, ["L5-S1 microdiscectomy"])
    by_modality = {i.modality: i.corroborates_radiculopathy for i in case.imaging}
    assert by_modality.get("mri") == "yes"
    assert by_modality.get("x_ray", by_modality.get("xray")) != "yes"


# ---------------------------------------------------------------- a note's title with the visit, then its date

@pytest.mark.parametrize(
    ("title", "date"),
    [
        ("TELEHEALTH VISIT (video, Doxy) - pain psychology f/u 15 Mar 2021", dt.date(2021, 3, 15)),
        ("Office visit - lumbar spine follow-up 04/02/2019", dt.date(2019, 4, 2)),
        ("ORTHOPAEDIC RE-CHECK, right knee -- 2/3/2020", dt.date(2020, 2, 3)),
        ("Pain management | chronic LBP | progress note 11/5/2018", dt.date(2018, 11, 5)),
        ("Spine clinic (Dr. Wu) - post-op follow up visit 7/19/2022", dt.date(2022, 7, 19)),
    ],
)
def test_a_top_title_naming_the_visit_dates_the_note(title: str, date: dt.date) -> None:
    later = date.replace(year=date.year + 1)
    note = (
        f"{title}\n"
        "S: chronic low back pain, 6/10, no change since the last visit.\n"
        f"P: continue HEP. Next appointment {later.month}/{later.day}/{later.year}.\n"
    )
    result = precheck(load_engine(), note, ["Office visit x 1"])
    assert (str(result.determination.as_of), result.determination.as_of_source) == (date.isoformat(), "latest_report")


def test_a_follow_up_date_in_the_plan_is_still_no_visit() -> None:
    """Below the top, "follow-up 5/1/2021" is an appointment to come: the visit is the dated header."""
    note = (
        "Date of service: 03/15/2021\n"
        "S: low back pain 5/10.\n"
        "P: continue HEP; follow-up 5/1/2021.\n"
    )
    result = precheck(load_engine(), note, ["Office visit x 1"])
    assert str(result.determination.as_of) == "2021-03-15"


# ---------------------------------------------------------------- a clause carried over a semicolon

_CLAUSED = (
    "Injected twice in the A1 pulley, the first gave relief for about four months, the second for six weeks; "
    "locking is back and worse than before the first injection.",
    "Completed twelve visits of physical therapy with a home program, gains in reach and grip at first; "
    "pain returned to baseline within two weeks of discharge.",
)


@settings(max_examples=30, deadline=None)
@given(case=st.integers(min_value=0, max_value=1), width=st.integers(min_value=40, max_value=90))
def test_a_line_ending_with_a_semicolon_goes_on_into_its_clause(case: int, width: int) -> None:
    """A wrap that leaves the semicolon at a line's end parts nothing: the clause after it is the same sentence."""
    paragraph = _CLAUSED[case]
    one_line = f"HPI:\n{paragraph}\n"
    head, tail = paragraph.split("; ")
    broken = f"HPI:\n{head};\n{tail}\n"
    wrapped = "HPI:\n" + "\n".join(_wrap(paragraph, width)) + "\n"
    assert _sentences(broken) == _sentences(one_line) == _sentences(wrapped)


def test_a_list_whose_entries_end_with_semicolons_keeps_its_entries() -> None:
    """Entries each on a line, opened by a capital or a marker, stay apart."""
    text = "Current meds:\n- Norco 10/325 mg tid prn;\n- Gabapentin 300 mg tid;\nAllergies: NKDA\n"
    assert [s for s in _sentences(text) if "Norco" in s and "Gabapentin" in s] == []
