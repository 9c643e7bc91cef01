#!/usr/bin/env python3
"""Generates a valid flow folder of about N nodes (questions + outcomes) for load benchmarks.

    python3 bench/generate_flows.py --nodes 10000 --out /tmp/flows-10k

The flows follow flows/README.md: five stage files plus catalogues of forms, evidence, glossary
terms and rates, every text in English and Traditional Chinese, so that `lotr check` reports no
errors and no warnings. Each stage is a chain of "modules" of 7 questions and 3 outcomes, shaped
like the real flows: a choice that branches and rejoins, a date and a number compared with
thresholds, a yes/no, a list of absences checked against a rate, an amount of money and a
multiple choice; conditions read answers asked earlier on every path; outcomes name forms, fees,
the health surcharge, conditional reasons, warnings with {{ }} placeholders and evidence lists.
The last module of a stage hands on with `next-stage`; the last stage ends in outcomes.

The output depends only on the arguments, so runs are comparable.
"""
import argparse
import os
import pathlib

STAGES = ["rules", "article8", "article3", "discretionary", "compassionate"]
NODES_PER_MODULE = 10  # 7 questions + 3 outcomes
HEADER = """reviewed: 2026-11-23
review_by: 2027-05-23
rules_version: {en: "Immigration Rules as published on 25 November 2025", zh-Hant: "2025年11月25日公布的《移民規則》"}
sources:
  - id: SRC
    title: "Generated source for benchmarks"
    version: "1"
    status: verified
    url: "https://www.gov.uk/guidance/immigration-rules"
"""


def text(en, zh="生成的文字"):
    # Plain scalars would need quoting rules; a flow map with quoted values is always valid.
    return '{en: "%s", zh-Hant: "%s"}' % (en, zh)


def module(stage_index, k, g, next_target, last_stage, forms, evidence, terms):
    # k: the module's place in its stage; g: across all stages, to spread catalogue use.
    p = f"s{stage_index}m{k}"
    form = forms[g % len(forms)]
    ev = [evidence[(2 * g) % len(evidence)], evidence[(2 * g + 1) % len(evidence)]]
    term = terms[g % len(terms)]
    src = lambda n: '{doc: SRC, section: "%s.%d"}' % (p, n)
    q = []
    q.append(f"""  - id: {p}_choice
    kind: choice
    text: {text(f"Which of these describes you ({p})?")}
    help: {text("Choose the closest.")}
    why: {text("It decides which rules apply.")}
    terms: [{term}]
    options:
      - {{id: a, text: {text("First")}}}
      - {{id: b, text: {text("Second")}}}
      - {{id: c, text: {text("Third")}}}
      - {{id: d, text: {text("None of these")}}}
    source: {src(1)}
    next:
      - if: {p}_choice == 'a'
        goto: {p}_date
      - if: {p}_choice in ['b', 'c']
        goto: {p}_num
      - if: {p}_choice == 'd'
        goto: {p}_out1
""")
    q.append(f"""  - id: {p}_date
    kind: date
    past: true
    text: {text("When did it start?")}
    source: {src(2)}
    next:
      - if: days_between({p}_date, today) > 3650
        goto: {p}_out2
      - goto: {p}_yn
""")
    q.append(f"""  - id: {p}_num
    kind: number
    min: 0
    max: 100
    unit: {text("years")}
    text: {text("How many years?")}
    source: {src(3)}
    next:
      - if: {p}_num > 50 or ({p}_choice == 'c' and {p}_num >= 20)
        goto: {p}_out2
      - goto: {p}_yn
""")
    q.append(f"""  - id: {p}_yn
    kind: yes_no
    text: {text("Are you in the UK now?")}
    source: {src(4)}
    next:
      - if: not {p}_yn
        goto: {p}_money
      - goto: {p}_ranges
""")
    q.append(f"""  - id: {p}_ranges
    kind: date_ranges
    past: true
    totals: true
    item: {text("trip abroad")}
    text: {text("List every trip abroad.")}
    source: {src(5)}
    next:
      - if: max_days_in_any_12_months({p}_ranges) > bench_max_days or count({p}_ranges) > 20
        goto: {p}_out1
      - goto: {p}_multi
""")
    q.append(f"""  - id: {p}_money
    kind: money
    min: 0
    text: {text("What is your yearly income?")}
    source: {src(6)}
    next:
      - if: {p}_money >= £29000.00
        goto: {p}_multi
      - goto: {p}_out3
""")
    q.append(f"""  - id: {p}_multi
    kind: multi_choice
    text: {text("Which of these apply?")}
    options:
      - {{id: x, text: {text("Crisis")}}}
      - {{id: y, text: {text("Illness")}}}
      - {{id: z, text: {text("Family")}}}
    source: {src(7)}
    next:
      - if: "'x' in {p}_multi and {p}_yn"
        goto: {p}_out3
      - goto: {next_target}
""" + (f"""        because: {text("None of the listed situations applied.")}
        source: {src(7)}
""" if next_target == "next-stage" else ""))
    o = []
    o.append(f"""  - id: {p}_out1
    form: {form}
    title: {text("Apply on this form")}
    explanation: {text(f"Your answers in part {p} point to this form, as of {{{{ today }}}}.")}
    reasons:
      - if: {p}_choice == 'd'
        text: {text("None of the listed situations applied.")}
    grant: {text("Permission to stay for 30 months.")}
    conditions: {text("You can work and study.")}
    fee: bench_fee
    ihs: {{rate: bench_ihs, years: 2.5}}
    fee_waiver: {text("You can ask for the fee to be waived.")}
    appeal: {text("You can appeal.")}
    warnings:
      - if: today < 2027-01-01
        text: {text("Do not apply before {{ add_days(today, 28) }}.")}
    evidence:
      - item: {ev[0]}
      - item: {ev[1]}
        if: {p}_choice != 'd'
        why: {text("You told us about this.")}
    source: {src(8)}
""")
    o.append(f"""  - id: {p}_out2
    form: {form}
    title: {text("A different route")}
    explanation: {text("Your dates fit this route.")}
    grant: {text("Indefinite leave to remain.")}
    fee: bench_fee
    evidence:
      - item: {ev[1]}
        if: {p}_choice in ['a', 'b']
    source: {src(9)}
""")
    o.append(f"""  - id: {p}_out3
    stage: {"none" if last_stage else STAGES[stage_index]}
    title: {text("Nothing fits here")}
    explanation: {text("See a regulated adviser.")}
    grant: {text("None.")}
""" + (f"""    because: {text("No route fits these answers.")}
""" if last_stage else "") + f"""    source: {src(10)}
""")
    return q, o


def generate(nodes, out):
    out.mkdir(parents=True, exist_ok=True)
    for old in out.glob("*.yaml"):
        old.unlink()
    modules = max(len(STAGES), round(nodes / NODES_PER_MODULE))
    per_stage = [modules // len(STAGES) + (1 if i < modules % len(STAGES) else 0) for i in range(len(STAGES))]
    forms = [f"BENCH_FORM_{i}" for i in range(max(1, modules // 20))]
    evidence = [f"bench_ev_{i}" for i in range(max(2, modules // 2))]
    terms = [f"bench_term_{i}" for i in range(max(1, modules // 10))]

    for si, stage in enumerate(STAGES):
        last_stage = si == len(STAGES) - 1
        qs, os_ = [], []
        count = per_stage[si]
        for k in range(count):
            if k + 1 < count:
                nxt = f"s{si}m{k + 1}_choice"
            else:
                nxt = f"s{si}m{k}_out3" if last_stage else "next-stage"
            q, o = module(si, k, sum(per_stage[:si]) + k, nxt, last_stage, forms, evidence, terms)
            qs += q
            os_ += o
        body = (f"kind: stage\nstage: {stage}\ntitle: {text('Generated stage ' + stage)}\n" + HEADER
                + f"start: s{si}m0_choice\nquestions:\n" + "".join(qs) + "outcomes:\n" + "".join(os_))
        (out / f"{si + 1}-{stage}.yaml").write_text(body, encoding="utf-8")

    src = '{doc: SRC, section: "catalogue"}'
    (out / "forms.yaml").write_text("kind: forms\n" + HEADER + "forms:\n" + "".join(
        f"  - id: {f}\n    code: BF({i})\n    name: {text('Generated form ' + str(i))}\n    where: in_uk\n    source: {src}\n"
        for i, f in enumerate(forms)), encoding="utf-8")
    (out / "evidence.yaml").write_text("kind: evidence\n" + HEADER + "evidence:\n" + "".join(
        f"  - id: {e}\n    text: {text('Generated evidence item ' + str(i))}\n    help: {text('Where to find it.')}\n    source: {src}\n"
        for i, e in enumerate(evidence)), encoding="utf-8")
    (out / "glossary.yaml").write_text("kind: glossary\n" + HEADER + "terms:\n" + "".join(
        f"  - id: {t}\n    term: {text('term ' + str(i))}\n    text: {text('What term ' + str(i) + ' means.')}\n"
        for i, t in enumerate(terms)), encoding="utf-8")
    (out / "rates.yaml").write_text("kind: rates\n" + HEADER + f"""rates:
  - id: bench_fee
    name: {text("Application fee")}
    type: money
    per: application
    values:
      - from: 2023-10-04
        value: £1048.00
        source: {src}
      - from: 2024-07-24
        value: £1258.00
        source: {src}
  - id: bench_ihs
    name: {text("Health surcharge")}
    type: money
    per: year
    values:
      - from: 2024-02-06
        value: £1035.00
        source: {src}
  - id: bench_max_days
    name: {text("Most days outside the UK in any 12 months")}
    type: number
    values:
      - from: 2024-04-11
        value: "180"
        source: {src}
""", encoding="utf-8")
    return modules * NODES_PER_MODULE


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--nodes", type=int, required=True, help="about how many questions + outcomes")
    ap.add_argument("--out", required=True, help="folder to write (its *.yaml files are replaced)")
    args = ap.parse_args()
    n = generate(args.nodes, pathlib.Path(args.out))
    size = sum(f.stat().st_size for f in pathlib.Path(args.out).glob("*.yaml"))
    print(f"{n} nodes, {size / 1e6:.1f} MB in {args.out}")


if __name__ == "__main__":
    main()
