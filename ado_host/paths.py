"""Where the checkout is: the one place the host tools learn it (stdlib only)."""
from pathlib import Path

CHECKOUT = Path(__file__).resolve().parents[1]
