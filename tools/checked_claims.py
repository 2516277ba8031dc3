"""Print the Markdown list of checked documents' claims recorded under `disputes` in the data (for docs/data.md)."""

from __future__ import annotations

from afrel.model import CHECKED_DOCUMENTS
from afrel.render.views import work_text
from afrel.store.cache import load_bundled


def main() -> None:
    dataset = load_bundled()
    for key, document in CHECKED_DOCUMENTS.items():
        print(f"\n### {work_text(document)}\n")
        for event in dataset.events:
            for dispute in event.disputes:
                if dispute.claimed_by == key:
                    evidence = "; ".join(work_text(s) for s in event.sources[:2])
                    print(
                        f"- **{dispute.status}** `{event.id}` ({event.when}): the document says: {dispute.claim} "
                        f"— {dispute.note} Evidence: {evidence}"
                    )


if __name__ == "__main__":
    main()
