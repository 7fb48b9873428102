"""Builds the static site: gather -> validate -> render -> write."""
