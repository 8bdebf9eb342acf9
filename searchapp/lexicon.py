"""Character ranges of the writing systems searchapp treats specially, declared once.

Han, Hangul and Kana are written without spaces between words: the analyzer
indexes their runs as bigrams, person matching compares their aliases
character by character, and the language guess counts them.
"""

from __future__ import annotations

import re

HANGUL = "\u1100-\u11ff\u3130-\u318f\uac00-\ud7af"  # jamo, compatibility jamo, syllables
KANA = "\u3040-\u30ff\u31f0-\u31ff"  # hiragana, katakana, katakana extensions
HAN = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"  # ext. A, unified, compatibility ideographs
#: every character written without spaces between words (a regex class body)
CJK = HANGUL + KANA + HAN

CJK_CHAR = re.compile(f"[{CJK}]")
CJK_RUN = re.compile(f"[{CJK}]+")
