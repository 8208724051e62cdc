"""Tests see a rule component's error as it is, not as the warning `minutebook` turns it into."""
import os

from extractor.pipeline import STRICT_ENV

os.environ.setdefault(STRICT_ENV, "1")
