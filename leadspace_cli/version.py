"""The installed version, from the package's metadata: one place, and no module imports the root."""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("leadspace-cli")
except PackageNotFoundError:  # run from a source tree that was never installed
    __version__ = "0.0.0+unknown"
