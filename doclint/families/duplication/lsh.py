"""The banded MinHash LSH that finds near-duplicate candidates: its parameters and
the hash values of a token, shared by the two groupings (doclint.families.duplication.minhash for big runs,
doclint.families.duplication.smallgroups for small ones)."""
from __future__ import annotations

from hashlib import blake2b

from doclint.families.duplication.fingerprint import NUMBER, STOP

# 8 bands of 3 rows over the rarer content words. A copy with a content word added or
# dropped (Jaccard 5/6 for five such words) becomes a candidate with probability
# 1 - (1 - (5/6)**3)**8 = 0.999, one with a misspelt word (Jaccard 4/6) with 0.94;
# changes to function words and numbers leave the set as it is. Three rows, not two:
# when one word holds the minimum of every row, the band key rests on that one word.
BANDS = 8
ROWS = 3
WIDTH = BANDS * ROWS
# A group of more than this many sentences sharing a key is skipped: a band bucket that
# big rests on one word that holds the minimum of every row (a near copy shares most of
# the eight bands, so it is found through another band), and comparing its members
# would make the phase quadratic.
MAX_BUCKET = 16
# Content words in more than this share of the sentences (and more than FREQUENT_MIN of
# them) are demoted in signatures (see doclint.families.duplication.minhash.signatures).
FREQUENT_SHARE = 0.002
FREQUENT_MIN = 20
# A band key is its ROWS 16-bit minima side by side, LANE bits apart (no hashing, so no
# collisions between different minima).
LANE = 17
# A token code without the STOP and NUMBER flags (the top two bits) is below this.
CONTENT_BELOW = min(STOP, NUMBER)
assert STOP | NUMBER == 3 << 30


def token_digest(token: int) -> bytes:
    """The WIDTH independent 16-bit hash values (little-endian) of a 32-bit token code."""
    return blake2b(token.to_bytes(4, "little"), digest_size=2 * WIDTH).digest()


def demoted(value: int) -> int:
    """A frequent word's hash value moved to the top quarter of the range."""
    return (value >> 2) | 0xC000
