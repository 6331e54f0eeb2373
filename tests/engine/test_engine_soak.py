"""durable_rules holds up in real use: one process evaluates many generated cases.

The default count (3,000 cases, ~9,000 items) is already three times the
~1,022-session cap of a durable_rules ruleset; set IMR_SOAK_CASES=100000 for the
full soak recorded in docs/durable_rules.md.
"""

from __future__ import annotations

import os
import random

from scenarios import build_case, finding, on_drug, pain

from imr_engine.engine import Engine

REQUESTS = [
    "Norco 10/325mg #120 4 times daily", "Percocet 10/325mg q6hrs prn #100 x 3 refills",
    "Fentanyl patch 50 mcg every 3 days #10", "MS Contin 15 mg every 8 hrs #90", "Soma 350mg #30",
    "Klonopin 0.5mg HS #30 x 3 refills", "ThermaCare heat wrap #10", "Follow up visit, 3 visits",
    "Dilaudid 4 mg every 6 hrs as needed #120", "Flexeril 10mg bid #60", "Unlisted gadget rental",
]
TRI = ["yes", "no", "unknown"]


def generated_case(rng: random.Random, n: int):
    requests = rng.sample(REQUESTS, rng.randint(1, 4))
    year = rng.randint(2009, 2016)
    meds = [on_drug(name, f"{year - rng.randint(0, 3)}-{rng.randint(1, 12):02d}")
            for name in rng.sample(["Norco", "Soma", "Klonopin", "Percocet"], rng.randint(0, 3))]
    return build_case(
        requests,
        injury=f"{year - rng.randint(0, 6)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}",
        decided=f"{year}-{rng.randint(1, 12):02d}-15",
        medications=meds,
        function={"objective_improvement": finding(rng.choice(TRI)), "returned_to_work": finding(rng.choice(TRI))},
        pain_scores=pain(rng.randint(0, 10), 10) if rng.random() < 0.5 else [],
        monitoring={"aberrant_behavior": finding(rng.choice(TRI)),
                    "urine_drug_screens": [{"consistent": rng.choice(TRI), "evidence": [{"quote": "UDS"}]}]},
        clinical={"acute_exacerbation": finding(rng.choice(TRI))},
        diagnoses=[{"name": "low back pain", "body_regions": ["lumbar_spine"], "evidence": [{"quote": "low back pain"}]}],
    )


def test_one_process_evaluates_thousands_of_generated_cases(engine: Engine) -> None:
    count = int(os.environ.get("IMR_SOAK_CASES", "3000"))
    rng = random.Random(20261125)
    outcomes: dict[str, int] = {}
    for n in range(count):
        for item in engine.evaluate(generated_case(rng, n)).items:
            outcomes[item.predicted] = outcomes.get(item.predicted, 0) + 1
    assert sum(outcomes.values()) >= count
    assert set(outcomes) == {"Upheld", "Overturned", "Indeterminate"}
