"""Serving the dashboard as several replicas behind nginx (deploy/serve.py)."""
