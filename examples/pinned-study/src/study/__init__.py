"""Dose-response analysis for the pinned-study example."""
