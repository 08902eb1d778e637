"""Score the fictional example assessment through the Python API.

Run from the repository root:

    python examples/score_example.py
"""

from __future__ import annotations

from collections import defaultdict
from pathlib import Path
from statistics import mean

from youthaction_scoring import Month, load_assessment, score_assessment

HERE = Path(__file__).parent


def main() -> None:
    assessment = load_assessment(HERE / "guiyang-2021-2022.json")
    cards = score_assessment(assessment)
    print(f"{len(cards)} communities, period {cards.period}, rules {cards.rulebook}")

    # The five highest totals.
    best = sorted(cards, key=lambda c: -c.total)[:5]
    for card in best:
        print(f"{card.total:4d}  {card.community_name} ({card.district})")

    # Mean total by district (district league committees carry the main responsibility).
    by_district: dict[str, list[int]] = defaultdict(list)
    for card in cards:
        by_district[card.district].append(card.total)
    for district, totals in sorted(by_district.items(), key=lambda kv: -mean(kv[1])):
        print(f"{district}: mean {mean(totals):.1f} over {len(totals)} communities")

    # Why the lowest community lost its base points, in Chinese, with the R-decisions.
    worst = min(cards, key=lambda c: c.total)
    print(f"\n{worst.community_name}: base {worst.base}, bonus {worst.bonus}, total {worst.total}")
    for item in worst.items:
        for deduction in item.deductions:
            print(
                f"  {item.code.code} -{deduction.points} {deduction.reason.zh} ({deduction.rule})"
            )

    # Progress during the period: scores as of January 2022 (R2).
    january = score_assessment(assessment, as_of=Month(2022, 1))
    print(f"\nmean total as of 2022-01: {mean(c.total for c in january):.1f}")


if __name__ == "__main__":
    main()
