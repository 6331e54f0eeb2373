"""Services, procedures, programs and equipment: kind, service, sessions, region, side, levels."""

from __future__ import annotations

import pytest

from imr_engine.requests import parse_request

SERVICE_LINES: list[tuple[str, dict[str, object]]] = [
    ("L4-5 transforaminal ESI", dict(
        kind="procedure", service="epidural_steroid_injection", levels=["L4-L5"], drug_class="spinal_injection")),
    ("Left L5-S1 and L4-5 TFESI", dict(
        kind="procedure", service="epidural_steroid_injection", levels=["L5-S1", "L4-L5"], laterality="left")),
    ("EMG/NCV bilateral lower extremities", dict(
        kind="diagnostic", service="emg_ncs", laterality="bilateral", body_region="lower_extremities")),
    ("MRI lumbar spine without contrast", dict(kind="imaging", service="mri", body_region="lumbar_spine")),
    ("Right knee MRI", dict(kind="imaging", service="mri", body_region="knee", laterality="right")),
    ("acupuncture 2x3 lumbar", dict(
        name="acupuncture", kind="therapy", service="acupuncture", visits=6, frequency_per_week=2,
        duration_weeks=3, body_region="lumbar_spine")),
    ("TENS unit 30 day trial", dict(
        name="TENS unit", kind="dme", service="tens", duration_days=30, trial=True)),
    ("H-wave", dict(name="H-wave", kind="dme", service="h_wave")),
    ("Home H-wave device purchase", dict(kind="dme", service="h_wave", acquisition="purchase")),
    ("functional restoration program x 80 hours", dict(
        name="functional restoration program", kind="program", service="functional_restoration_program",
        hours=80)),
    ("chiropractic x 6", dict(name="chiropractic", kind="therapy", service="chiropractic", visits=6)),
    ("PT 2 times a week for 4 weeks", dict(
        name="PT", kind="therapy", service="physical_therapy", visits=8, frequency_per_week=2,
        duration_weeks=4)),
    ("physical therapy 2x4", dict(
        name="physical therapy", kind="therapy", service="physical_therapy", visits=8, frequency_per_week=2,
        duration_weeks=4, duration_days=28)),
    ("Physical therapy x 12 visits for the lumbar spine", dict(
        service="physical_therapy", visits=12, body_region="lumbar_spine")),
    ("Follow up visit, 3 visits", dict(kind="office_visit", service="office_visit", visits=3)),
    ("Pain management consultation", dict(kind="office_visit", service="consultation")),
    ("Urine drug screen", dict(kind="diagnostic", service="urine_drug_screen")),
    ("UDS", dict(kind="diagnostic", service="urine_drug_screen")),
    # one operation named with the one it includes is the larger (its criteria cover both)
    ("L4-5 laminectomy, bilateral foraminotomy and posterior instrumented fusion", dict(
        kind="procedure", service="lumbar_fusion")),
    ("Right knee arthroscopy with ACL reconstruction", dict(kind="procedure", service="acl_reconstruction")),
    ("Right knee arthroscopy with partial medial meniscectomy", dict(kind="procedure", service="knee_arthroscopy")),
    # what serves a surgery: tests, clearance, an assistant, a stay with its days
    ("Pre-operative EKG", dict(kind="diagnostic", service="preoperative_testing")),
    ("Pre-op labs", dict(kind="diagnostic", service="preoperative_testing")),
    ("Pre-operative medical clearance", dict(kind="office_visit", service="preoperative_clearance")),
    ("Assistant surgeon", dict(kind="procedure", service="assistant_surgeon")),
    ("Inpatient stay 2 days", dict(kind="other", service="hospital_stay", duration_days=2)),
    ("3-day inpatient stay", dict(service="hospital_stay", duration_days=3)),
    ("Hospital stay of 1 day", dict(service="hospital_stay", duration_days=1)),
    ("Radiofrequency ablation L3-L5", dict(kind="procedure", service="radiofrequency_ablation", levels=["L3-L5"])),
    ("Trigger point injections x 4", dict(kind="procedure", service="trigger_point_injection", visits=4)),
    ("CBT x 6 sessions", dict(kind="therapy", service="cognitive_behavioral_therapy", visits=6)),
    ("Psychological evaluation", dict(kind="diagnostic", service="psychological_evaluation")),
    ("Aquatic therapy 2 times per week x 6 weeks", dict(
        service="aquatic_therapy", frequency_per_week=2, duration_weeks=6, visits=12)),
    ("Heat wrap #30", dict(kind="supply", service="heat_wrap", quantity=30, drug_class="heat_cold_therapy")),
    ("F/u in clinic 6 wks", dict(kind="office_visit", service="office_visit")),
    ("RTC 2 weeks", dict(kind="office_visit", service="office_visit")),
    ("Cervical x-rays, flexion/extension views", dict(kind="imaging", service="x_ray", body_region="cervical_spine")),
]  # fmt: skip


@pytest.mark.parametrize(("line", "expected"), SERVICE_LINES, ids=[line for line, _ in SERVICE_LINES])
def test_service_line(line: str, expected: dict[str, object]) -> None:
    item = parse_request(line)
    assert item.ingredients == []
    for field, value in expected.items():
        assert getattr(item, field) == value, field


def test_service_name_keeps_region_and_levels_as_written() -> None:
    assert parse_request("L4-5 transforaminal ESI").name == "L4-5 transforaminal ESI"
    assert parse_request("MRI lumbar spine without contrast").name == "MRI lumbar spine without contrast"


def test_a_drug_named_inside_a_procedure_does_not_make_it_a_drug() -> None:
    item = parse_request("Trigger point injection with lidocaine")
    assert item.kind == "procedure"
    assert item.service == "trigger_point_injection"
