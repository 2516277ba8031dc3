"""Print the Markdown list of seed-document claims recorded under `disputes` in the data (for docs/data.md)."""

from __future__ import annotations

from afrel.store.cache import load_bundled

SEEDS = {
    "seed-russia-article": "Hebrew article on Afghanistan–Russia relations",
    "seed-taliban-essay": "essay “The Taliban's Foreign Relations: A Year of Solitude” (2022)",
    "seed-overview": "older English overview of Afghanistan's foreign relations",
}


def main() -> None:
    dataset = load_bundled()
    for seed, label in SEEDS.items():
        print(f"\n### The {label}\n")
        for event in dataset.events:
            for dispute in event.disputes:
                if dispute.claimed_by == seed:
                    evidence = ", ".join(s.url for s in event.sources[:2])
                    print(
                        f"- **{dispute.status}** `{event.id}` ({event.when}): the seed says: {dispute.claim} "
                        f"— {dispute.note} Evidence: {evidence}"
                    )


if __name__ == "__main__":
    main()
