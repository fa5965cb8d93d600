"""Files of the team's shared folder that tests read but the project does not copy (the article
the project started from is not ours to publish).

Looked for in ``POLICY_TIMELINE_SHARED_DIR``, beside the checkout (``../shared``) and where the
team's machines keep it (``/work/shared``); tests that need one skip when it is nowhere.
"""

import os
from pathlib import Path

CHECKOUT = Path(__file__).resolve().parents[1]


def shared_file(*parts):
    """The path of ``parts`` in the team's shared folder, or None when it is not on this machine."""
    folders = [os.environ.get("POLICY_TIMELINE_SHARED_DIR"), CHECKOUT.parent / "shared", "/work/shared"]
    for folder in folders:
        if folder and (path := Path(folder).joinpath(*parts)).is_file():
            return path
    return None


SEED_ARTICLE = shared_file("seeds", "hong-kong-2020-article.txt")
