"""Creations: list, view, add, edit, delete the web user's own."""
