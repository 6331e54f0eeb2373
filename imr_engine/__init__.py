"""imr-engine: predict IMR medical-necessity determinations from guideline rules.

Data flow, one module family per step:
    letter/    raw letter text -> ParsedLetter (decisions, citations, summary)
    requests/  request line -> RequestedItem (drug, strength, quantity, service)
    facts/     CaseFacts: the engine's only input, every fact with its evidence
    rulebook/  YAML rules and vocabulary -> validated Rule objects
    engine/    CaseFacts + rules -> Determination per item (via durable_rules)
    qa/        Determination vs. the letter's actual decision -> QA report
"""

__version__ = "0.1.0"
