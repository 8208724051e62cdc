"""minutebook: meeting minutes in, attendees, actions, owners, deadlines and decisions out."""
from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("minutebook")
except PackageNotFoundError:  # running from a source tree that is not installed
    __version__ = "0.0.0"
