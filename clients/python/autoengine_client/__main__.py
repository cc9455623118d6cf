"""`python -m autoengine_client`: generates the stubs now (instead of on first use) and prints their folder."""

from .stubs import generate

print(generate())
