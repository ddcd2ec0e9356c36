"""quotes: who said what, in which outlet, and when, in French news."""

__version__ = "0.1.0"
